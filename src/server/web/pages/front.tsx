/**
 * Front page: the results chain (indicators.md, section 3.2 of the report) — the three links side
 * by side, each with its core indicators: latest national value, a small trend, old act vs new
 * act, and the three intro subgroups the report asks to see separately (section 6).
 */
import type { Child } from 'hono/jsx';
import type { IndicatorMeta } from '../../../catalogue/types.ts';
import type { ResultRow } from '../../../contract/results.ts';
import { headlineRows, type DashboardData } from '../data.ts';
import { href, translator, type Lang } from '../i18n.ts';
import { pick } from '../../../shared/lang.ts';
import { gruppeName, leddHint, leddName, LEDD_ORDER, measureName, regimeShort, SUBGROUPS } from '../labels.ts';
import { Layout } from '../components/layout.tsx';
import { SuppressionNote, Value } from '../components/value.tsx';
import { MunicipalityPicker } from '../components/municipality-picker.tsx';
import { Sparkline } from '../charts/sparkline.tsx';
import { cellText, headlineBotid, isPublished, latestPublished, sameYearRegimes, seriesBy, totalGroup, unitOf, type Key } from '../select.ts';
import type { AnalysisRow } from '../../../contract/analysis.ts';
import type { Unit } from '../../../catalogue/types.ts';
import { count, withUnit } from '../format.ts';
import { A3_ADJUSTED, differenceText, isShown, latestWindow } from '../analyses.ts';
import type { Regions } from '../data.ts';

export interface Headline {
  readonly meta: IndicatorMeta;
  readonly rows: readonly ResultRow[];
  /** The fixed part of the key: measure, region, sex, and years since settlement for link 3. */
  readonly key: Key;
  readonly total: ResultRow['gruppe'];
}

/** National rows of each indicator and the key its headline figure uses (rows read in one statement). */
export async function loadHeadlines(data: DashboardData, metas: readonly IndicatorMeta[]): Promise<Headline[]> {
  // Every group and act are read (the card shows them): the key's group is not a filter here.
  const found = await headlineRows(data, metas, { regionniva: ['land'], kjonn: ['alle'] }, false);
  return found.map((f) => headline(f.meta, f.key ? f.key.maal : f.maal, f.rows));
}

function headline(meta: IndicatorMeta, maal: string | undefined, rows: readonly ResultRow[]): Headline {
  const botid = meta.ledd === 'integreringsresultat' ? headlineBotid(rows) : null;
  const key: Key = { maal, regionniva: 'land', kjonn: 'alle', ...(botid !== null ? { botid } : {}) };
  return { meta, rows, key, total: totalGroup(rows) };
}

export async function frontPage(data: DashboardData, lang: Lang, url: URL): Promise<Child> {
  const core = (await data.indicators()).filter((m) => m.kjerne);
  const [headlines, regions, pub, a3] = await Promise.all([
    loadHeadlines(data, core),
    data.regions(),
    data.publication(),
    data.analyses({ analyse: ['A3'], regionniva: ['land'] }),
  ]);
  return <FrontPage lang={lang} url={url} headlines={headlines} regions={regions} a3={a3 ?? []} threshold={pub?.thresholds?.['minDenominator']} />;
}

function FrontPage(p: { lang: Lang; url: URL; headlines: readonly Headline[]; regions: Regions; a3: readonly AnalysisRow[]; threshold?: number | undefined }): Child {
  const t = translator(p.lang);
  return (
    <Layout lang={p.lang} url={p.url} title={t('Resultatkjeden', 'The results chain')} nav="front">
      <h1 class="ds-heading" data-size="lg">{t('Integreringsmonitor: resultatkjeden', 'Integration monitor: the results chain')}</h1>
      <p class="lead">
        {t(
          'Indikatorene er ordnet i tre ledd. Når integreringen ikke blir bedre, viser kjeden hvor det stopper opp: loven er ikke satt ut i livet (innsats), den gir ikke kvalifikasjoner (programresultat), eller kvalifikasjonene gir ikke arbeid (integreringsresultat).',
          'The indicators are arranged in three links. When integration does not improve, the chain shows where it stalls: the act is not implemented (effort), it does not produce qualifications (programme results), or qualifications do not turn into work (integration outcomes).',
        )}
      </p>
      <div class="chain">
        {LEDD_ORDER.map((ledd, i) => (
          <section class="chain-link" aria-labelledby={`ledd-${ledd}`}>
            <h2 id={`ledd-${ledd}`} class="ds-heading" data-size="sm">
              <span class="step" aria-hidden="true">{i + 1}</span> {leddName(p.lang, ledd)}
            </h2>
            <p class="hint">{leddHint(p.lang, ledd)}</p>
            {p.headlines.filter((h) => h.meta.ledd === ledd).map((h) => <IndicatorCard lang={p.lang} h={h} a3={p.a3.filter((r) => r.indikator === h.meta.id && r.maal === h.key.maal && (h.key.botid === undefined || r.botid === h.key.botid))} />)}
          </section>
        ))}
      </div>
      <SuppressionNote lang={p.lang} threshold={p.threshold} />
      <section aria-labelledby="kommune-velger" class="picker-section">
        <h2 id="kommune-velger" class="ds-heading" data-size="xs">{t('Se én kommune', 'See one municipality')}</h2>
        <MunicipalityPicker lang={p.lang} regions={p.regions} />
      </section>
    </Layout>
  );
}

function IndicatorCard(p: { lang: Lang; h: Headline; a3: readonly AnalysisRow[] }): Child {
  const t = translator(p.lang);
  const { meta, rows, key, total } = p.h;
  const maal = key.maal;
  if (!maal) {
    return (
      <article class="ds-card indicator-card">
        <h3 class="ds-heading" data-size="2xs"><a href={href(`/indikator/${meta.id}`, p.lang)}>{`${meta.id} ${pick(meta.navn, p.lang)}`}</a></h3>
        <p>{t('Ingen tall publisert ennå.', 'No figures published yet.')}</p>
      </article>
    );
  }
  const unit = unitOf(meta, maal);
  const main = latestPublished(rows, { ...key, gruppe: total, lovregime: 'alle' });
  const trend = seriesBy(rows, { ...key, gruppe: total, lovregime: 'alle' }, 'periode');
  const when = main ? periodLabel(p.lang, main) : '';
  const trendText = trend.map((s) => `${s.x}: ${cellText(p.lang, s.row, unit)}`).join(', ');
  const ci = isPublished(main) && main.ki_nedre !== null && main.ki_ovre !== null ? `${withUnit(p.lang, main.ki_nedre, unit)} – ${withUnit(p.lang, main.ki_ovre, unit)}` : null;
  return (
    <article class="ds-card indicator-card" aria-labelledby={`kort-${meta.id}`}>
      <h3 id={`kort-${meta.id}`} class="ds-heading" data-size="2xs">
        <a href={href(`/indikator/${meta.id}`, p.lang)}>{`${meta.id} ${pick(meta.navn, p.lang)}`}</a>
      </h3>
      <p class="measure-name">{measureName(p.lang, meta, maal)}</p>
      <p class="big-number">
        <Value lang={p.lang} row={main} unit={unit} />
        <span class="when">{when}</span>
      </p>
      <p class="card-flags">
        <span class="ds-tag" data-color="neutral" data-size="sm">{t('Ujustert', 'Unadjusted')}</span>
      </p>
      {isPublished(main) ? (
        <details class="card-details">
          <summary>{t('Antall og usikkerhet', 'Number and uncertainty')}</summary>
          <p>{`n = ${main.nevner !== null ? count(p.lang, main.nevner) : '..'}${ci ? `; ${t('95 %-intervall', '95 % interval')}: ${ci}` : ''}${main.mangler ? `; ${t('utelatt for manglende data', 'left out for missing data')}: ${count(p.lang, main.mangler)}` : ''}`}</p>
        </details>
      ) : null}
      <Sparkline points={trend.map((s) => ({ x: s.x, y: s.row.status === '' ? s.row.verdi : null, text: '' }))} label={`${t('Utvikling', 'Trend')}: ${trendText}`} />
      <ActCompare lang={p.lang} h={p.h} a3={p.a3} unit={unit} />
      <dl class="compare groups">
        {SUBGROUPS.map((g) => {
          const r = main ? rows.find((x) => x.gruppe === g && x.lovregime === 'alle' && x.periode === main.periode && (key.botid === undefined || x.botid === key.botid)) : undefined;
          return (
            <div>
              <dt>{gruppeName(p.lang, g)}</dt>
              <dd><Value lang={p.lang} row={r} unit={unit} /></dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}

/**
 * Old vs new act on a card: the adjusted difference (A3) where it exists, and the unadjusted
 * figures of the latest year both acts have — never two different years.
 */
function ActCompare(p: { lang: Lang; h: Headline; a3: readonly AnalysisRow[]; unit: Unit }): Child {
  const t = translator(p.lang);
  const same = sameYearRegimes(p.h.rows, { ...p.h.key, gruppe: p.h.total });
  const adj = latestWindow(p.a3.filter((r) => r.sammenligning === A3_ADJUSTED))[0];
  return (
    <div class="act-compare">
      {same ? (
        <dl class="compare">
          {([['introduksjonsloven', same.old], ['integreringsloven', same.neu]] as const).map(([reg, r]) => (
            <div>
              <dt>{`${regimeShort(p.lang, reg)} ${same.periode}`}</dt>
              <dd><Value lang={p.lang} row={r} unit={p.unit} />{r.nevner !== null ? <span class="when">{` n = ${count(p.lang, r.nevner)}`}</span> : null}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="hint">{t('Ingen år med tall for begge lover.', 'No year with figures for both acts.')}</p>
      )}
      {adj && isShown(adj) ? (
        <p class="adjusted-line">
          <span class="ds-tag" data-color="accent" data-size="sm">{t('Justert', 'Adjusted')}</span>
          {` ${t('Ny mot gammel lov', 'New vs old act')} (${adj.periode}): ${differenceText(p.lang, adj, p.unit)}`}
        </p>
      ) : null}
      <p class="hint"><a href={href('/lov', p.lang) + `#lov-${p.h.meta.id}`}>{t('Mer om ny og gammel lov', 'More on new and old act')}</a></p>
    </div>
  );
}

/** "2023", or for link 3 "bosatt 2021, 2 år etter". */
export function periodLabel(lang: Lang, row: ResultRow): string {
  if (row.botid === null) return String(row.periode);
  return lang === 'en'
    ? `settled ${row.periode}, ${row.botid} yr after`
    : `bosatt ${row.periode}, ${row.botid} år etter`;
}
