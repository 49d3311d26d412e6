/**
 * Municipality page. Leads with observed vs expected (A1) in plain words where the analyses exist,
 * then the chain diagnosis (A2) and a funnel plot with the municipality highlighted; then who was
 * settled (composition), every core indicator as a small time series with its interval band and n
 * (yearly, and pooled windows where published), falling back to the pooled figure and then the
 * county, and a comparison with a documented peer group and municipalities the user picks.
 * Never a rank or a league table (report §3.2, §5.5).
 */
import type { Child } from 'hono/jsx';
import type { IndicatorMeta, Unit } from '../../../catalogue/types.ts';
import type { AnalysisRow } from '../../../contract/analysis.ts';
import { periodeKey, type ResultRow } from '../../../contract/results.ts';
import { NULL_CATEGORY } from '../../../shared/labels.ts';
import { headlineRows, type DashboardData, type Region, type Regions } from '../data.ts';
import { href, translator, type Lang } from '../i18n.ts';
import { pick } from '../../../shared/lang.ts';
import { gruppeName, leddHint, leddName, LEDD_ORDER, measureName, SUBGROUPS } from '../labels.ts';
import { Layout } from '../components/layout.tsx';
import { SuppressionNote, Value } from '../components/value.tsx';
import { MunicipalityPicker, resolveMunicipality } from '../components/municipality-picker.tsx';
import { LineChart, type Series } from '../charts/line-chart.tsx';
import { Funnel } from '../charts/funnel.tsx';
import { axisFor, pointOf, valueWithN } from '../charts/series.ts';
import { count, num, withUnit } from '../format.ts';
import { headlineBotid, headlineMeasure, isPooled, isPublished, latestPublished, matches, totalGroup, unitOf, windowOf, type Key } from '../select.ts';
import { A1_COMPARISON, chainDiagnosis, differenceText, isShown, latestWindow, observedExpectedSentence, outcomeName, vurderingText } from '../analyses.ts';
import { peerGroup, type PeerFeatures } from '../peers.ts';

/** How many peers the comparison shows, and how many municipalities a user may add. */
export const PEER_COUNT = 5;
export const MAX_PICKS = 4;

interface IndicatorLine {
  readonly meta: IndicatorMeta;
  readonly maal: string | undefined;
  readonly key: Key;
  readonly rows: readonly ResultRow[];
  readonly unit: Unit;
}

/** What the card shows as "the" figure: the year, else the pooled window, else the county. */
export interface Shown {
  readonly row: ResultRow | undefined;
  readonly source: 'aar' | 'samlet' | 'fylke' | 'ingen';
}

/**
 * The figure for a municipality in `periode`: its own year if published, else its pooled window
 * holding that year (windows do not overlap), else its county's year. A pool of other years is never
 * shown in a year's place; without a year, the latest published pool.
 */
export function fallbackFigure(rows: readonly ResultRow[], key: Key, code: string, county: string, periode: number | undefined): Shown {
  const own = rows.find((r) => matches(r, { ...key, regionniva: 'kommune', region: code, periode }));
  if (isPublished(own)) return { row: own, source: 'aar' };
  const pools = rows.filter((r) => isPooled(r) && r.region === code && r.regionniva === 'kommune' && isPublished(r) && matches(r, { ...key, vindu: windowOf(r) }));
  const holds = (r: ResultRow) => periode !== undefined && r.periode - windowOf(r) < periode && periode <= r.periode;
  const pool = periode === undefined ? pools.sort((a, b) => b.periode - a.periode)[0] : pools.find(holds);
  if (pool) return { row: pool, source: 'samlet' };
  const fylke = rows.find((r) => matches(r, { ...key, regionniva: 'fylke', region: county, periode }));
  if (isPublished(fylke)) return { row: fylke, source: 'fylke' };
  return { row: own, source: 'ingen' };
}

/**
 * The cards' lines: every core indicator's headline rows for `codes`, in one statement. The
 * headline key (measure, total group, years since settlement) comes from the indicator's national
 * keys (read once per data version), so the engine returns only the rows the cards use; an
 * indicator whose key cannot be chosen that way has all its measures read as before.
 */
async function indicatorLines(data: DashboardData, metas: readonly IndicatorMeta[], codes: readonly string[]): Promise<IndicatorLine[]> {
  const found = await headlineRows(data, metas, { region: [...codes], kjonn: ['alle'], lovregime: ['alle'] }, true);
  return found.map((f) => {
    const { meta } = f;
    if (f.key) {
      const k = f.key;
      const key: Key = { maal: k.maal, gruppe: k.gruppe, ...(k.botid !== null ? { botid: k.botid } : {}) };
      return { meta, maal: k.maal, key, rows: f.rows, unit: unitOf(meta, k.maal) };
    }
    const { maal, rows: mine } = f;
    const gruppe = totalGroup(mine);
    const botid = meta.ledd === 'integreringsresultat' ? headlineBotid(mine) : null;
    const key: Key = { maal, gruppe, ...(botid !== null ? { botid } : {}) };
    return { meta, maal, key, rows: mine, unit: maal ? unitOf(meta, maal) : 'prosent' };
  });
}

/**
 * Peer features of every municipality, from one intro indicator by settlement cohort: the
 * denominators of the total group and two subgroups over the last three single years, summed in
 * the engine (a few hundred sums, not every municipal row).
 */
async function peerFeatures(data: DashboardData, metas: readonly IndicatorMeta[]): Promise<{ features: PeerFeatures[]; basis: IndicatorMeta | undefined }> {
  const basis = metas.find((m) => m.kjerne && m.kohort === 'bosettingskohort' && m.ledd !== 'integreringsresultat') ?? metas.find((m) => m.kjerne);
  const centrality = await data.centrality();
  if (!basis) return { features: [], basis };
  const base = { indikator: basis.id, regionniva: ['kommune'], kjonn: ['alle'], lovregime: ['alle'] };
  const cells = await data.summarize({ ...base, gruppe: ['intro', 'alle', ...SUBGROUPS] }, ['maal', 'botid', 'gruppe', 'periode', 'vindu']);
  const maal = headlineMeasure(basis, cells);
  const botid = headlineBotid(cells);
  const mine = cells.filter((r) => r.maal === maal && r.botid === botid);
  const total = totalGroup(mine);
  const years = [...new Set(mine.filter((r) => !isPooled(r)).map((r) => r.periode))].sort((a, b) => a - b).slice(-3);
  const sums = maal && years.length
    ? await data.summarize(
      { ...base, maal: [maal], botid: [botid === null ? NULL_CATEGORY : String(botid)], periode: years.map(String), gruppe: [...new Set([total, 'under_25', 'har_vgo'])] },
      ['region', 'gruppe'],
    )
    : [];
  const byCode = new Map<string, { n: number; u25: number; vgo: number; any: boolean }>();
  for (const r of sums) {
    if (r.nevnerRows === 0) continue;
    const e = byCode.get(r.region) ?? { n: 0, u25: 0, vgo: 0, any: false };
    if (r.gruppe === total) {
      e.n += r.nevner;
      e.any = true;
    }
    if (r.gruppe === 'under_25') e.u25 += r.nevner;
    if (r.gruppe === 'har_vgo') e.vgo += r.nevner;
    byCode.set(r.region, e);
  }
  const codes = new Set([...byCode.keys(), ...centrality.keys()]);
  const features = [...codes].filter((c) => c !== '9999').map((code): PeerFeatures => {
    const e = byCode.get(code);
    const n = e?.any ? e.n : null;
    return {
      code,
      size: n,
      centrality: centrality.get(code) ?? null,
      shareUnder25: n && e!.u25 ? (100 * e!.u25) / n : null,
      shareVgo: n && e!.vgo ? (100 * e!.vgo) / n : null,
    };
  });
  return { features, basis };
}

/** Peer features change only with the data: kept per data access and data version. */
const peerCache = new WeakMap<DashboardData, { version: string; features: Promise<{ features: PeerFeatures[]; basis: IndicatorMeta | undefined }> }>();

function cachedPeerFeatures(data: DashboardData, metas: readonly IndicatorMeta[], version: string): Promise<{ features: PeerFeatures[]; basis: IndicatorMeta | undefined }> {
  const hit = peerCache.get(data);
  if (hit && hit.version === version) return hit.features;
  const features = peerFeatures(data, metas);
  peerCache.set(data, { version, features });
  features.catch(() => peerCache.delete(data));
  return features;
}

interface Composition {
  readonly basis: IndicatorMeta;
  readonly period: string;
  readonly total: ResultRow | undefined;
  readonly groups: readonly { gruppe: ResultRow['gruppe']; row: ResultRow | undefined }[];
  readonly sexes: readonly { kjonn: '1' | '2'; row: ResultRow | undefined }[];
}

/** Who was settled: intro subgroups and sex, from the denominators of one settlement-cohort indicator. */
async function composition(data: DashboardData, basis: IndicatorMeta | undefined, k: Region): Promise<Composition | null> {
  if (!basis) return null;
  const rows = await data.results({ indikator: basis.id, region: [k.code], lovregime: ['alle'] });
  const maal = headlineMeasure(basis, rows);
  const mine = rows.filter((r) => r.maal === maal && r.botid === (headlineBotid(rows) ?? null));
  const total = totalGroup(mine);
  // Prefer the latest pooled window (more persons survive suppression), else the latest year.
  const pooled = mine.filter((r) => isPooled(r) && r.gruppe === total && r.kjonn === 'alle' && isPublished(r)).sort((a, b) => b.periode - a.periode)[0];
  const year = latestPublished(mine, { gruppe: total, kjonn: 'alle' });
  const at = pooled ?? year;
  if (!at) return null;
  const same = (r: ResultRow) => r.periode === at.periode && windowOf(r) === windowOf(at);
  return {
    basis,
    period: periodeKey(at),
    total: at,
    groups: SUBGROUPS.map((g) => ({ gruppe: g, row: mine.find((r) => same(r) && r.gruppe === g && r.kjonn === 'alle') })),
    sexes: (['1', '2'] as const).map((s) => ({ kjonn: s, row: mine.find((r) => same(r) && r.gruppe === total && r.kjonn === s) })),
  };
}

interface Analyses {
  readonly available: boolean;
  readonly a1: readonly AnalysisRow[];
  /** A1 rows of every municipality for the funnel's outcome and window. */
  readonly funnel: readonly AnalysisRow[];
  readonly a2: readonly AnalysisRow[];
  readonly sigma: number;
}

async function loadAnalyses(data: DashboardData, k: Region): Promise<Analyses> {
  const mine = await data.analyses({ analyse: ['A1', 'A2'], region: [k.code] });
  if (mine === null) return { available: false, a1: [], funnel: [], a2: [], sigma: 0 };
  const a1all = mine.filter((r) => r.analyse === 'A1' && r.sammenligning === A1_COMPARISON);
  // One row per outcome: its latest window.
  const outcomes = [...new Set(a1all.map((r) => `${r.indikator}|${r.maal}|${r.botid}|${r.gruppe}`))];
  const a1 = outcomes.flatMap((o) => latestWindow(a1all.filter((r) => `${r.indikator}|${r.maal}|${r.botid}|${r.gruppe}` === o)).slice(0, 1));
  const first = a1.find((r) => isShown(r)) ?? a1[0];
  let funnel: AnalysisRow[] = [];
  let sigma = 0;
  if (first) {
    const all = (await data.analyses({ analyse: ['A1'], indikator: [first.indikator], regionniva: ['kommune'] })) ?? [];
    funnel = all.filter((r) => r.maal === first.maal && r.botid === first.botid && r.gruppe === first.gruppe && r.periode === first.periode && r.sammenligning === A1_COMPARISON && isShown(r) && r.n !== null);
    // The spread of one person's outcome: from the pooled expected share (binomial), × √φ.
    const nSum = funnel.reduce((a, r) => a + r.n!, 0);
    const p = nSum ? funnel.reduce((a, r) => a + r.forventet! * r.n!, 0) / nSum / 100 : 0.5;
    const models = (await data.analysisModels()) ?? [];
    const fit = models.find((m) => m.analyse === 'A1' && m.indikator === first.indikator && m.maal === first.maal)?.meta?.['fit'] as Record<string, number> | undefined;
    const [from, to] = first.periode.split('-');
    const phi = fit?.[`phi_${from}_${to ?? from}`];
    sigma = 100 * Math.sqrt(Math.max(0.0001, p * (1 - p))) * Math.sqrt(phi && phi > 1 ? phi : 1);
  }
  return { available: true, a1, funnel, a2: mine.filter((r) => r.analyse === 'A2'), sigma };
}

/** The filter of a line's key (measure, group, years since settlement): the rows the comparison reads. */
function keyFilter(key: Key): { maal?: string[]; gruppe?: string[]; botid?: string[] } {
  return {
    ...(key.maal !== undefined ? { maal: [key.maal] } : {}),
    ...(key.gruppe !== undefined ? { gruppe: [key.gruppe] } : {}),
    ...(key.botid !== undefined ? { botid: [key.botid === null ? NULL_CATEGORY : String(key.botid)] } : {}),
  };
}

/** Municipality codes picked for comparison: ?sammenlign=0301&sammenlign=Bergen (names or codes). */
export function parsePicks(q: URLSearchParams, regions: Regions, self: string): string[] {
  const out: string[] = [];
  for (const v of q.getAll('sammenlign')) {
    for (const part of v.split(',')) {
      const code = resolveMunicipality(part, regions);
      if (code && code !== self && !out.includes(code)) out.push(code);
    }
  }
  return out.slice(0, MAX_PICKS);
}

export async function municipalityPage(data: DashboardData, lang: Lang, url: URL, kode: string): Promise<Child | null> {
  const regions = await data.regions();
  const k = regions.kommuner.get(kode);
  if (!k) return null;
  const metas = await data.indicators();
  const core = metas.filter((m) => m.kjerne);
  const { features, basis } = await cachedPeerFeatures(data, metas, await data.version());
  const peers = peerGroup(k.code, features, PEER_COUNT).map((p) => p.code);
  const picks = parsePicks(url.searchParams, regions, k.code);
  // Every card needs the municipality, its county and the country (three codes: the engine skips
  // to their row groups); only the compared indicator needs the peers and picks as well.
  const [lines, pub, comp, analyses] = await Promise.all([
    indicatorLines(data, core, [k.code, k.county, '0']),
    data.publication(),
    composition(data, basis, k),
    loadAnalyses(data, k),
  ]);
  const compareId = url.searchParams.get('indikator')?.toUpperCase();
  const chosen = lines.find((l) => l.meta.id === compareId) ?? lines.find((l) => l.meta.id === analyses.a1[0]?.indikator) ?? lines.find((l) => l.meta.ledd === 'integreringsresultat') ?? lines[0];
  const others = [...peers, ...picks];
  const compareLine = chosen?.maal && others.length
    ? { ...chosen, rows: [...chosen.rows, ...(await data.results({ indikator: chosen.meta.id, region: others, kjonn: ['alle'], lovregime: ['alle'], ...keyFilter(chosen.key) }))] }
    : chosen;
  const view: View = { lang, url, k, regions, lines, metas, comp, analyses, peers, picks, compareLine, features, threshold: pub?.thresholds?.['minDenominator'] };
  return <MunicipalityView {...view} />;
}

interface View {
  readonly lang: Lang;
  readonly url: URL;
  readonly k: Region;
  readonly regions: Regions;
  readonly lines: readonly IndicatorLine[];
  readonly metas: readonly IndicatorMeta[];
  readonly comp: Composition | null;
  readonly analyses: Analyses;
  readonly peers: readonly string[];
  readonly picks: readonly string[];
  readonly compareLine: IndicatorLine | undefined;
  readonly features: readonly PeerFeatures[];
  readonly threshold?: number | undefined;
}

const countyName = (v: View): string => v.regions.fylker.get(v.k.county)?.name ?? v.k.county;
const regionName = (v: View, code: string): string =>
  code === '0' ? (v.lang === 'en' ? 'Whole country' : 'Hele landet') : (v.regions.kommuner.get(code)?.name ?? v.regions.fylker.get(code)?.name ?? code);

function MunicipalityView(v: View): Child {
  const t = translator(v.lang);
  return (
    <Layout lang={v.lang} url={v.url} title={v.k.name} nav="kommune">
      <p class="breadcrumb"><a href={href('/kommune', v.lang)}>{t('Kommuner', 'Municipalities')}</a>{` › ${v.k.name}`}</p>
      <h1 class="ds-heading" data-size="lg">{`${v.k.name} (${v.k.code})`}</h1>
      <p class="lead">
        {t(
          `Hvordan det går med dem som er bosatt i ${v.k.name}, langs resultatkjeden. Tallene er ment for læring, ikke rangering: forskjeller kan skyldes hvem som bosettes, ikke bare hva kommunen gjør.`,
          `How those settled in ${v.k.name} fare, along the results chain. The figures are for learning, not ranking: differences may reflect who is settled, not only what the municipality does.`,
        )}
      </p>
      <Adjusted {...v} />
      <CompositionSection {...v} />
      {LEDD_ORDER.map((ledd) => (
        <section aria-labelledby={`p-${ledd}`} class="profile-link">
          <h2 id={`p-${ledd}`} class="ds-heading" data-size="sm">{leddName(v.lang, ledd)}</h2>
          <p class="hint">{leddHint(v.lang, ledd)}</p>
          <div class="trend-grid">
            {v.lines.filter((l) => l.meta.ledd === ledd).map((l) => <IndicatorTrend v={v} l={l} />)}
          </div>
        </section>
      ))}
      <Comparison {...v} />
      <SuppressionNote lang={v.lang} threshold={v.threshold} />
      <section aria-labelledby="annen-kommune">
        <h2 id="annen-kommune" class="ds-heading" data-size="xs">{t('Velg en annen kommune', 'Choose another municipality')}</h2>
        <MunicipalityPicker lang={v.lang} regions={v.regions} selected={v.k.code} idPrefix="annen" />
      </section>
    </Layout>
  );
}

/** A1 in plain words, A2 chain diagnosis, and the funnel plot; or a note that analyses are missing. */
function Adjusted(v: View): Child {
  const t = translator(v.lang);
  const a = v.analyses;
  const byId = new Map(v.metas.map((m) => [m.id, m]));
  if (!a.available || a.a1.length === 0) {
    return (
      <section aria-labelledby="justert" class="adjusted">
        <h2 id="justert" class="ds-heading" data-size="sm">{t('Resultat mot forventet', 'Results against expected')}</h2>
        <p class="ds-alert" data-color="info" data-size="sm">
          {a.available
            ? t(`Det finnes ingen justert sammenligning for ${v.k.name} (for få personer i perioden). Tallene under er ujusterte.`, `There is no adjusted comparison for ${v.k.name} (too few persons in the period). The figures below are unadjusted.`)
            : t('Justerte sammenligninger (resultat mot forventet ut fra hvem som ble bosatt) er ikke tilgjengelige i denne publiseringen. Tallene under er ujusterte.', 'Adjusted comparisons (results against what was expected from who was settled) are not available in this publication. The figures below are unadjusted.')}
        </p>
      </section>
    );
  }
  const first = a.a1.find((r) => isShown(r)) ?? a.a1[0]!;
  const firstMeta = byId.get(first.indikator);
  const diag = chainDiagnosis(a.a2, v.metas);
  return (
    <section aria-labelledby="justert" class="adjusted">
      <h2 id="justert" class="ds-heading" data-size="sm">{t('Resultat mot forventet', 'Results against expected')}</h2>
      <ul class="oe-list">
        {a.a1.map((r) => (
          <li>
            <strong>{observedExpectedSentence(v.lang, byId.get(r.indikator), r)}</strong>
            <span class="when">{` (${t('bosatt', 'settled')} ${r.periode}${r.n !== null ? `, n = ${count(v.lang, r.n)}` : ''})`}</span>
          </li>
        ))}
      </ul>
      <p class="hint">
        {t(
          'Forventet verdi er beregnet fra en modell med alder, kjønn, landbakgrunn, utdanning, barn, innvandringsgrunn, bosettingsår og ledighet i kommunen, uten kommunen selv. «Som forventet» betyr at 95 %-intervallet omfatter null. Sammenligningen sier ikke hva som er årsaken.',
          'The expected value comes from a model with age, sex, country background, education, children, reason for immigration, settlement year and local unemployment, leaving out the municipality itself. "As expected" means the 95 % interval includes zero. The comparison does not tell what the cause is.',
        )}
      </p>
      {diag.links.length ? (
        <div class="chain-diagnosis">
          <h3 class="ds-heading" data-size="2xs">{t('Hvor stopper kjeden opp?', 'Where does the chain stall?')}</h3>
          <p>
            {diag.weakest
              ? t(
                  `Svakeste ledd: ${leddName(v.lang, diag.weakest.ledd).toLowerCase()} (${outcomeName(v.lang, diag.weakest.meta, diag.weakest.row)}), som er signifikant lavere enn forventet.`,
                  `Weakest link: ${leddName(v.lang, diag.weakest.ledd).toLowerCase()} (${outcomeName(v.lang, diag.weakest.meta, diag.weakest.row)}), significantly lower than expected.`,
                )
              : t('Ingen ledd skiller seg ut: ingen er signifikant lavere enn forventet.', 'No link stands out: none is significantly lower than expected.')}
          </p>
          <div class="table-wrap" tabindex={0} role="region" aria-labelledby="a2-caption">
            <table class="ds-table" data-size="sm">
              <caption id="a2-caption">{t(`Leddene i kjeden for ${v.k.name}, justert (forskjell fra forventet)`, `The links of the chain for ${v.k.name}, adjusted (difference from expected)`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Ledd', 'Link')}</th>
                  <th scope="col">{t('Indikator', 'Indicator')}</th>
                  <th scope="col" class="num">{t('Forskjell (95 % KI)', 'Difference (95 % CI)')}</th>
                  <th scope="col">{t('Vurdering', 'Assessment')}</th>
                </tr>
              </thead>
              <tbody>
                {diag.links.map((l) => (
                  <tr>
                    <th scope="row">{leddName(v.lang, l.ledd)}</th>
                    <td>{outcomeName(v.lang, l.meta, l.row)}</td>
                    <td class="num">{isShown(l.row) ? differenceText(v.lang, l.row, l.meta ? unitOf(l.meta, l.row.maal) : 'prosent') : ':'}</td>
                    <td>{vurderingText(v.lang, l.row.vurdering)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {a.funnel.length > 1 ? (
        <Funnel
          id="trakt"
          title={t(`Traktdiagram: ${outcomeName(v.lang, firstMeta, first)}, bosatt ${first.periode}`, `Funnel plot: ${outcomeName(v.lang, firstMeta, first)}, settled ${first.periode}`)}
          summary={t(
            `Hver prikk er en kommune: forskjell mellom observert og forventet (prosentpoeng) mot antall personer. Kommuner innenfor traktens linjer er som forventet. ${v.k.name} er uthevet${isShown(first) ? ` med ${differenceText(v.lang, first, 'prosent')} og n = ${first.n}` : ''}. ${a.funnel.length} kommuner.`,
            `Each dot is a municipality: observed minus expected (percentage points) against number of persons. Municipalities inside the funnel's lines are as expected. ${v.k.name} is highlighted${isShown(first) ? ` at ${differenceText(v.lang, first, 'prosent')} and n = ${first.n}` : ''}. ${a.funnel.length} municipalities.`,
          )}
          points={a.funnel.map((r) => ({ code: r.region, name: regionName(v, r.region), n: r.n!, d: r.differanse! }))}
          highlight={v.k.code}
          sigma={a.sigma}
          xLabel={t('Antall personer i perioden', 'Persons in the period')}
          yLabel={t('Observert − forventet (prosentpoeng)', 'Observed − expected (percentage points)')}
          legend={{ limit95: t('95 %-grense', '95 % limit'), limit998: t('99,8 %-grense', '99.8 % limit'), highlight: v.k.name, others: t('Andre kommuner', 'Other municipalities') }}
          formatTick={(x, d) => num(v.lang, x, d)}
        />
      ) : null}
    </section>
  );
}

function CompositionSection(v: View): Child {
  const t = translator(v.lang);
  const c = v.comp;
  const share = (r: ResultRow | undefined): string => {
    if (!isPublished(r) || r.nevner === null || !isPublished(c?.total) || !c?.total?.nevner) return r?.status || '..';
    return `${num(v.lang, (100 * r.nevner) / c.total.nevner, 0)} % (${count(v.lang, r.nevner)})`;
  };
  return (
    <section aria-labelledby="hvem" class="composition">
      <h2 id="hvem" class="ds-heading" data-size="sm">{t('Hvem ble bosatt', 'Who was settled')}</h2>
      {!c ? (
        <p>{t('Sammensetningen er ikke publisert for denne kommunen (for få personer).', 'The composition is not published for this municipality (too few persons).')}</p>
      ) : (
        <>
          <p class="hint">
            {t(
              `Introdeltakere bosatt ${c.period} (${c.basis.id}, nevneren). Alder utover gruppene og landbakgrunn publiseres ikke per kommune.`,
              `Intro participants settled ${c.period} (${c.basis.id}, the denominator). Age beyond the groups and country background are not published per municipality.`,
            )}
          </p>
          <div class="table-wrap">
            <table class="ds-table composition-table" data-size="sm">
              <caption>{t(`Sammensetning, ${v.k.name}, ${c.period}`, `Composition, ${v.k.name}, ${c.period}`)}</caption>
              <thead><tr><th scope="col">{t('Gruppe', 'Group')}</th><th scope="col" class="num">{t('Andel (antall)', 'Share (number)')}</th></tr></thead>
              <tbody>
                <tr><th scope="row">{t('Alle', 'All')}</th><td class="num">{isPublished(c.total) && c.total.nevner !== null ? count(v.lang, c.total.nevner) : '..'}</td></tr>
                {c.groups.map((g) => <tr><th scope="row">{gruppeName(v.lang, g.gruppe)}</th><td class="num">{share(g.row)}</td></tr>)}
                {c.sexes.some((s) => s.row) ? c.sexes.map((s) => <tr><th scope="row">{s.kjonn === '1' ? t('Menn', 'Men') : t('Kvinner', 'Women')}</th><td class="num">{share(s.row)}</td></tr>) : null}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function sourceNote(v: View, shown: Shown): string | null {
  const t = translator(v.lang);
  if (shown.source === 'samlet' && shown.row) return t(`Årstallet er prikket eller mangler; viser samlet tall for ${periodeKey(shown.row)}.`, `The yearly figure is suppressed or missing; showing the pooled figure for ${periodeKey(shown.row)}.`);
  if (shown.source === 'fylke') return t(`Kommunens tall er prikket; viser ${countyName(v)}.`, `The municipality's figure is suppressed; showing ${countyName(v)}.`);
  return null;
}

/** One core indicator as a small time series with interval band, n in the table and the latest figure. */
function IndicatorTrend(p: { v: View; l: IndicatorLine }): Child {
  const { v, l } = p;
  const t = translator(v.lang);
  const name = `${l.meta.id} ${pick(l.meta.navn, v.lang)}`;
  if (!l.maal) {
    return (
      <article class="ds-card trend-card" aria-labelledby={`t-${l.meta.id}`}>
        <h3 id={`t-${l.meta.id}`} class="ds-heading" data-size="2xs">{name}</h3>
        <p>{t('Ingen tall publisert.', 'No figures published.')}</p>
      </article>
    );
  }
  const land = latestPublished(l.rows, { ...l.key, regionniva: 'land' });
  const shown = fallbackFigure(l.rows, l.key, v.k.code, v.k.county, land?.periode);
  const own = l.rows.filter((r) => r.regionniva === 'kommune' && r.region === v.k.code);
  const yearly = own.filter((r) => matches(r, l.key)).sort((a, b) => a.periode - b.periode);
  const pooled = own.filter((r) => isPooled(r) && matches(r, { ...l.key, vindu: windowOf(r) })).sort((a, b) => a.periode - b.periode);
  const country = l.rows.filter((r) => r.regionniva === 'land' && matches(r, l.key)).sort((a, b) => a.periode - b.periode);
  const series: Series[] = [
    { label: v.k.name, points: yearly.map((r) => pointOf(v.lang, r.periode, r, l.unit)) },
    ...(pooled.length ? [{ label: t(`${v.k.name}, samlet ${windowOf(pooled[0]!)} år`, `${v.k.name}, pooled ${windowOf(pooled[0]!)} years`), points: pooled.map((r) => ({ ...pointOf(v.lang, r.periode, r, l.unit), text: `${periodeKey(r)}: ${valueWithN(v.lang, r, l.unit)}` })), markersOnly: true }] : []),
    { label: t('Hele landet', 'Whole country'), points: country.map((r) => ({ ...pointOf(v.lang, r.periode, r, l.unit), lo: null, hi: null })) },
  ];
  const axis = axisFor(v.lang, l.unit);
  const xLabel = l.key.botid !== undefined ? t(`Bosettingsår (${l.key.botid} år etter)`, `Year of settlement (${l.key.botid} yr after)`) : t('År', 'Year');
  const lastOwn = [...yearly].reverse().find((r) => isPublished(r));
  const summary = t(
    `Utvikling for ${v.k.name} med 95 %-intervall, og hele landet. ${lastOwn ? `Siste publiserte år ${lastOwn.periode}: ${valueWithN(v.lang, lastOwn, l.unit)}.` : 'Ingen publiserte årstall for kommunen.'}${pooled.length ? ` Samlede tall for flere år vises som punkter.` : ''}`,
    `Trend for ${v.k.name} with 95 % interval, and the whole country. ${lastOwn ? `Latest published year ${lastOwn.periode}: ${valueWithN(v.lang, lastOwn, l.unit)}.` : 'No published yearly figures for the municipality.'}${pooled.length ? ' Pooled figures for several years are shown as points.' : ''}`,
  );
  const note = sourceNote(v, shown);
  return (
    <article class="ds-card trend-card" aria-labelledby={`t-${l.meta.id}`}>
      <h3 id={`t-${l.meta.id}`} class="ds-heading" data-size="2xs">
        <a href={href(`/indikator/${l.meta.id}`, v.lang, { region: v.k.code })}>{name}</a>
      </h3>
      <p class="measure-name">{measureName(v.lang, l.meta, l.maal)}</p>
      <p class="big-number">
        <Value lang={v.lang} row={shown.row} unit={l.unit} />
        <span class="when">
          {shown.row ? `${periodeKey(shown.row)}${shown.row.botid !== null ? `, ${shown.row.botid} ${t('år etter', 'yr after')}` : ''}` : ''}
          {isPublished(shown.row) && shown.row.nevner !== null ? ` · n = ${count(v.lang, shown.row.nevner)}` : ''}
        </span>
      </p>
      {note ? <p class="fallback-note">{note}</p> : null}
      <p class="compare-line">
        {`${t('Hele landet', 'Whole country')}: ${land ? valueWithN(v.lang, land, l.unit) : '..'}`}
        <span class="tag-unadjusted">{t(' · ujustert', ' · unadjusted')}</span>
      </p>
      <LineChart id={`mini-${l.meta.id}`} size="small" title={t(`${name}: utvikling`, `${name}: trend`)} summary={summary} xLabel={xLabel} yLabel={axis.yLabel}
        formatTick={axis.formatTick} formatY={(x) => withUnit(v.lang, x, l.unit)} series={series} tableLabel={t('Tallene som tabell', 'Figures as a table')}
        {...(l.unit === 'prosent' ? { yMin: 0, yMax: 100 } : {})} />
    </article>
  );
}

/** The chosen indicator for this municipality, its peers, picked municipalities, county and country. */
function Comparison(v: View): Child {
  const t = translator(v.lang);
  const l = v.compareLine;
  if (!l || !l.maal) return null;
  const land = latestPublished(l.rows, { ...l.key, regionniva: 'land' });
  const periode = land?.periode;
  const rowsFor = (code: string, niva: ResultRow['regionniva']): { year: ResultRow | undefined; pool: ResultRow | undefined } => ({
    year: l.rows.find((r) => matches(r, { ...l.key, regionniva: niva, region: code, periode })),
    pool: l.rows.filter((r) => isPooled(r) && r.regionniva === niva && r.region === code && r.periode === periode && matches(r, { ...l.key, vindu: windowOf(r) }))[0],
  });
  const entries: { code: string; niva: ResultRow['regionniva']; role: string }[] = [
    { code: v.k.code, niva: 'kommune', role: t('Denne kommunen', 'This municipality') },
    ...v.peers.map((c) => ({ code: c, niva: 'kommune' as const, role: t('Lignende kommune', 'Similar municipality') })),
    ...v.picks.map((c) => ({ code: c, niva: 'kommune' as const, role: t('Valgt av deg', 'Picked by you') })),
    { code: v.k.county, niva: 'fylke', role: t('Fylket', 'County') },
    { code: '0', niva: 'land', role: t('Landet', 'Country') },
  ];
  const poolLen = l.rows.find((r) => isPooled(r))?.vindu;
  const feature = new Map(v.features.map((f) => [f.code, f]));
  const featureText = (code: string): string => {
    const f = feature.get(code);
    if (!f) return '';
    const parts = [
      f.size !== null ? `${t('bosatte', 'settled')} ${count(v.lang, f.size)}` : null,
      f.centrality !== null ? `${t('sentralitet', 'centrality')} ${f.centrality}` : null,
      f.shareVgo !== null ? `${t('har vgo', 'has upper sec.')} ${num(v.lang, f.shareVgo, 0)} %` : null,
    ].filter(Boolean);
    return parts.join(', ');
  };
  const hidden = (name: string, value: string) => <input type="hidden" name={name} value={value} />;
  return (
    <section aria-labelledby="sammenlign" class="comparison">
      <h2 id="sammenlign" class="ds-heading" data-size="sm">{t('Sammenlign med andre kommuner', 'Compare with other municipalities')}</h2>
      <p class="hint">
        {t(
          `Lignende kommuner er de ${PEER_COUNT} som ligner mest på ${v.k.name} i antall bosatte (siste tre år), sentralitet (SSBs klasse 1–6) og sammensetning (andel under 25 år og andel med videregående blant introdeltakerne). Samme periode for alle; ujusterte tall. Rekkefølgen er ikke en rangering.`,
          `Similar municipalities are the ${PEER_COUNT} most like ${v.k.name} in persons settled (last three years), centrality (SSB class 1–6) and composition (shares under 25 and with upper secondary among intro participants). Same period for all; unadjusted figures. The order is not a ranking.`,
        )}
      </p>
      {v.peers.length === 0 ? <p>{t('Fant ingen lignende kommuner: for lite publisert data om størrelse og sammensetning.', 'No similar municipalities found: too little published data on size and composition.')}</p> : null}
      <form method="get" action={`/kommune/${v.k.code}`} class="filters compare-form">
        <div class="ds-field">
          <label class="ds-label" for="c-indikator">{t('Indikator', 'Indicator')}</label>
          <select class="ds-input" id="c-indikator" name="indikator">
            {v.lines.map((x) => <option value={x.meta.id} selected={x.meta.id === l.meta.id}>{`${x.meta.id} ${pick(x.meta.navn, v.lang)}`}</option>)}
          </select>
        </div>
        <div class="ds-field">
          <label class="ds-label" for="c-sammenlign">{t('Legg til kommune (navn eller nummer)', 'Add a municipality (name or number)')}</label>
          <input class="ds-input" id="c-sammenlign" name="sammenlign" list="kommuneliste" autocomplete="off" />
        </div>
        {v.picks.map((c) => hidden('sammenlign', c))}
        {v.lang === 'en' ? hidden('lang', 'en') : null}
        <button class="ds-button" type="submit">{t('Sammenlign', 'Compare')}</button>
      </form>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="cmp-caption">
        <table class="ds-table compare-table" data-size="sm">
          <caption id="cmp-caption">
            {`${l.meta.id} ${pick(l.meta.navn, v.lang)}${l.key.botid !== undefined ? `, ${l.key.botid} ${t('år etter bosetting', 'yr after settlement')}` : ''}: ${periode ?? ''}${poolLen ? t(` og samlet ${poolLen} år`, ` and pooled ${poolLen} years`) : ''}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('Region', 'Region')}</th>
              <th scope="col" class="num">{`${t('År', 'Year')} ${periode ?? ''}`}</th>
              <th scope="col" class="num">{t('95 % KI', '95 % CI')}</th>
              {poolLen ? <th scope="col" class="num">{t(`Samlet ${poolLen} år`, `Pooled ${poolLen} years`)}</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const r = rowsFor(e.code, e.niva);
              return (
                <tr class={e.code === v.k.code ? 'is-self' : undefined}>
                  <th scope="row">
                    {e.niva === 'kommune' && e.code !== v.k.code ? <a href={href(`/kommune/${e.code}`, v.lang)}>{regionName(v, e.code)}</a> : regionName(v, e.code)}
                    <span class="measure-name">{[e.role, e.niva === 'kommune' ? featureText(e.code) : ''].filter(Boolean).join(' · ')}</span>
                  </th>
                  <td class="num">{valueWithN(v.lang, r.year, l.unit)}</td>
                  <td class="num">{isPublished(r.year) && r.year.ki_nedre !== null && r.year.ki_ovre !== null ? `${num(v.lang, r.year.ki_nedre)}–${num(v.lang, r.year.ki_ovre)}` : ''}</td>
                  {poolLen ? <td class="num">{valueWithN(v.lang, r.pool, l.unit)}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** /kommune: a searchable picker and every municipality by county (works without JS). */
export async function municipalityIndex(data: DashboardData, lang: Lang, url: URL): Promise<Child> {
  const t = translator(lang);
  const regions = await data.regions();
  const counties = [...regions.fylker.values()].sort((a, b) => a.code.localeCompare(b.code));
  return (
    <Layout lang={lang} url={url} title={t('Kommuner', 'Municipalities')} nav="kommune">
      <h1 class="ds-heading" data-size="lg">{t('Kommuner', 'Municipalities')}</h1>
      <MunicipalityPicker lang={lang} regions={regions} />
      {counties.map((c) => (
        <section aria-labelledby={`fylke-${c.code}`}>
          <h2 id={`fylke-${c.code}`} class="ds-heading" data-size="2xs">{c.name}</h2>
          <ul class="columns">
            {[...regions.kommuner.values()].filter((k) => k.county === c.code).sort((a, b) => a.name.localeCompare(b.name, 'nb')).map((k) => (
              <li><a href={href(`/kommune/${k.code}`, lang)}>{k.name}</a></li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
