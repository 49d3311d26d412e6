/**
 * "Ny og gammel lov" (/lov): old act vs new act per core indicator (analysis A3). Where the
 * analyses exist: the raw difference and the difference adjusted for who came, with intervals and
 * n, and the composition-standardised old-act line beside the new act. Always: the same-year raw
 * comparison from the published results (never two different years), and the caveats of report
 * §3.1 (the 2020 pandemic year, reforms at the same time).
 */
import type { Child } from 'hono/jsx';
import type { IndicatorMeta } from '../../../catalogue/types.ts';
import type { AnalysisRow } from '../../../contract/analysis.ts';
import { parsePeriodeKey } from '../../../contract/results.ts';
import type { DashboardData } from '../data.ts';
import { href, translator, type Lang } from '../i18n.ts';
import { pick } from '../../../shared/lang.ts';
import { regimeShort } from '../labels.ts';
import { Layout } from '../components/layout.tsx';
import { SuppressionNote } from '../components/value.tsx';
import { LineChart, type Series } from '../charts/line-chart.tsx';
import { axisFor, pointsBy, valueWithN } from '../charts/series.ts';
import { withUnit } from '../format.ts';
import { sameYearRegimes, unitOf } from '../select.ts';
import { A3_ADJUSTED, A3_RAW, analysisValue, differenceText, isShown, latestWindow, nText, outcomeName } from '../analyses.ts';
import { loadHeadlines, type Headline } from './front.tsx';

export async function actComparisonPage(data: DashboardData, lang: Lang, url: URL): Promise<Child> {
  const metas = await data.indicators();
  const core = metas.filter((m) => m.kjerne);
  const [headlines, a3, pub] = await Promise.all([
    loadHeadlines(data, core),
    data.analyses({ analyse: ['A3'], regionniva: ['land'] }),
    data.publication(),
  ]);
  return <ActView lang={lang} url={url} headlines={headlines} a3={a3} threshold={pub?.thresholds?.['minDenominator']} />;
}

/** The caveats of report §3.1, shown beside every act comparison. */
export function ActCaveats(p: { lang: Lang }): Child {
  const t = translator(p.lang);
  return (
    <div class="ds-alert caveats" data-color="warning" data-size="sm">
      <p><strong>{t('Les med forsiktighet', 'Read with care')}</strong></p>
      <ul>
        <li>{t('2020 var et pandemiår: arbeidsmarkedet, norskopplæringen og bosettingen var uvanlig, og de siste kullene under gammel lov ble berørt.', '2020 was a pandemic year: the labour market, language training and settlement were unusual, and the last cohorts under the old act were affected.')}</li>
        <li>{t('Andre reformer kom samtidig med integreringsloven, og hvem som ble bosatt endret seg (rapportens kapittel 3.1). En forskjell mellom lovene er derfor ikke bare virkningen av loven.', 'Other reforms came at the same time as the Integration Act, and who was settled changed (section 3.1 of the report). A difference between the acts is therefore not just the effect of the act.')}</li>
        <li>{t('Ujusterte tall sammenligner alltid samme år og samme oppfølgingstid. Justerte tall tar hensyn til hvem som kom (alder, kjønn, landbakgrunn, utdanning, barn, innvandringsgrunn) og ledighet.', 'Unadjusted figures always compare the same year and the same follow-up. Adjusted figures take account of who came (age, sex, country background, education, children, reason for immigration) and unemployment.')}</li>
      </ul>
    </div>
  );
}

function ActView(p: { lang: Lang; url: URL; headlines: readonly Headline[]; a3: readonly AnalysisRow[] | null; threshold?: number | undefined }): Child {
  const t = translator(p.lang);
  return (
    <Layout lang={p.lang} url={p.url} title={t('Ny og gammel lov', 'New and old act')} nav="lov">
      <h1 class="ds-heading" data-size="lg">{t('Ny og gammel lov', 'New and old act')}</h1>
      <p class="lead">
        {t(
          'Integreringsloven erstattet introduksjonsloven 1. januar 2021. Her sammenlignes de to lovene for hver kjerneindikator: først ujustert, i samme år, og så justert for hvem som kom.',
          'The Integration Act replaced the Introduction Act on 1 January 2021. Here the two acts are compared for each core indicator: first unadjusted, in the same year, then adjusted for who came.',
        )}
      </p>
      <ActCaveats lang={p.lang} />
      {p.a3 === null ? (
        <p class="ds-alert" data-color="info" data-size="sm">
          {t('Justerte sammenligninger av lovene er ikke tilgjengelige i denne publiseringen. Under vises bare ujusterte tall fra samme år.', 'Adjusted comparisons of the acts are not available in this publication. Only unadjusted same-year figures are shown below.')}
        </p>
      ) : null}
      {p.headlines.map((h) => <ActIndicator lang={p.lang} h={h} a3={(p.a3 ?? []).filter((r) => r.indikator === h.meta.id)} />)}
      <SuppressionNote lang={p.lang} threshold={p.threshold} />
    </Layout>
  );
}

function ActIndicator(p: { lang: Lang; h: Headline; a3: readonly AnalysisRow[] }): Child {
  const t = translator(p.lang);
  const { meta, rows, key, total } = p.h;
  const name = `${meta.id} ${pick(meta.navn, p.lang)}`;
  const maal = key.maal;
  const unit = maal ? unitOf(meta, maal) : 'prosent';
  const same = maal ? sameYearRegimes(rows, { ...key, gruppe: total }) : null;
  // One outcome: the headline measure at the headline follow-up (A3 writes one per botid).
  const mine = p.a3.filter((r) => r.maal === maal && (key.botid === undefined || r.botid === key.botid));
  const raw = latestWindow(mine.filter((r) => r.sammenligning === A3_RAW))[0];
  const adj = latestWindow(mine.filter((r) => r.sammenligning === A3_ADJUSTED))[0];
  const standardised = mine.filter((r) => r.sammenligning.includes('standardisert'));
  const id = `lov-${meta.id}`;
  return (
    <section aria-labelledby={id} class="act-indicator">
      <h2 id={id} class="ds-heading" data-size="sm"><a href={href(`/indikator/${meta.id}`, p.lang)}>{name}</a></h2>
      {!maal ? <p>{t('Ingen tall publisert.', 'No figures published.')}</p> : (
        <div class="table-wrap" tabindex={0} role="region" aria-labelledby={`${id}-cap`}>
          <table class="ds-table act-table" data-size="sm">
            <caption id={`${id}-cap`}>{outcomeName(p.lang, meta, { indikator: meta.id, maal, botid: key.botid ?? null })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Sammenligning', 'Comparison')}</th>
                <th scope="col">{t('Periode', 'Period')}</th>
                <th scope="col" class="num">{regimeShort(p.lang, 'introduksjonsloven')}</th>
                <th scope="col" class="num">{regimeShort(p.lang, 'integreringsloven')}</th>
                <th scope="col" class="num">{t('Forskjell (95 % KI)', 'Difference (95 % CI)')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('Ujustert, samme år', 'Unadjusted, same year')}</th>
                <td>{same ? String(same.periode) : '..'}</td>
                <td class="num">{same ? valueWithN(p.lang, same.old, unit) : '..'}</td>
                <td class="num">{same ? valueWithN(p.lang, same.neu, unit) : '..'}</td>
                <td class="num">{same ? withUnit(p.lang, same.neu.verdi! - same.old.verdi!, unit === 'prosent' ? 'prosentpoeng' : unit) : t('Ingen år med tall for begge lover', 'No year with figures for both acts')}</td>
              </tr>
              {raw ? <A3Row lang={p.lang} label={t('Ujustert, overlappende år (analyse)', 'Unadjusted, overlapping years (analysis)')} r={raw} meta={meta} /> : null}
              {adj ? <A3Row lang={p.lang} label={t('Justert for hvem som kom', 'Adjusted for who came')} r={adj} meta={meta} /> : null}
            </tbody>
          </table>
        </div>
      )}
      {standardised.length > 1 && maal ? <StandardisedChart lang={p.lang} h={p.h} rows={standardised} /> : null}
    </section>
  );
}

function A3Row(p: { lang: Lang; label: string; r: AnalysisRow; meta: IndicatorMeta }): Child {
  const unit = unitOf(p.meta, p.r.maal);
  return (
    <tr>
      <th scope="row">{p.label}</th>
      <td>{p.r.periode}</td>
      <td class="num">{analysisValue(p.lang, p.r.forventet, unit)}</td>
      <td class="num">{analysisValue(p.lang, p.r.observert, unit)}</td>
      <td class="num">{isShown(p.r) ? `${differenceText(p.lang, p.r, unit)} ${nText(p.lang, p.r.n)}` : p.r.status || '..'}</td>
    </tr>
  );
}

/** New act as published, old act raw and reweighted to the new act's composition, by year. */
function StandardisedChart(p: { lang: Lang; h: Headline; rows: readonly AnalysisRow[] }): Child {
  const t = translator(p.lang);
  const { meta, rows, key, total } = p.h;
  const unit = unitOf(meta, key.maal!);
  const axis = axisFor(p.lang, unit);
  const year = (r: AnalysisRow) => parsePeriodeKey(r.periode)?.periode ?? 0;
  const sorted = [...p.rows].sort((a, b) => year(a) - year(b));
  const pt = (r: AnalysisRow, v: number | null) => ({ x: year(r), y: v, text: v === null ? '..' : withUnit(p.lang, v, unit) });
  const series: Series[] = [
    { label: regimeShort(p.lang, 'integreringsloven'), points: pointsBy(p.lang, rows, { ...key, gruppe: total, lovregime: 'integreringsloven' }, 'periode', unit) },
    { label: t('Gammel lov, ujustert', 'Old act, unadjusted'), points: sorted.map((r) => pt(r, r.observert)) },
    { label: t('Gammel lov, med ny lovs sammensetning', "Old act, with the new act's composition"), points: sorted.map((r) => pt(r, r.forventet)) },
  ];
  return (
    <LineChart id={`std-${meta.id}`} title={t(`${meta.id}: ny lov mot gammel lov med samme sammensetning`, `${meta.id}: new act against the old act with the same composition`)}
      summary={t('Linjediagram etter år: ny lov, gammel lov ujustert, og gammel lov vektet til ny lovs sammensetning av grupper, landbakgrunn, kjønn og alder.', "Line chart by year: new act, old act unadjusted, and old act reweighted to the new act's mix of groups, country background, sex and age.")}
      xLabel={t('År', 'Year')} yLabel={axis.yLabel} formatTick={axis.formatTick} formatY={(x) => withUnit(p.lang, x, unit)} series={series}
      tableLabel={t('Tallene som tabell', 'Figures as a table')} {...(unit === 'prosent' ? { yMin: 0, yMax: 100 } : {})} />
  );
}
