/**
 * Indicator page: definition and metadata in plain language, filters (plain GET form), time
 * series by group and by regime (national target lines where they exist), for link 3 a chart by
 * years since settlement, a map and table of municipalities or counties, and downloads.
 */
import type { Child } from 'hono/jsx';
import type { IndicatorMeta } from '../../../catalogue/types.ts';
import type { ResultRow } from '../../../contract/results.ts';
import { categoryLabel, type FallbackNote } from '../../../publish/index.ts';
import type { DashboardData, Regions } from '../data.ts';
import { href, pick, translator, type Lang } from '../i18n.ts';
import { gruppeName, leddName, nivaName, regimeName, SUBGROUPS } from '../labels.ts';
import { Layout } from '../components/layout.tsx';
import { SuppressionNote } from '../components/value.tsx';
import { cellText, measureMeta, seriesBy, unitOf, type Key } from '../select.ts';
import { withUnit } from '../format.ts';
import { filterOptions, parseFilters, type FilterOptions, type IndicatorFilters } from './indicator-filters.ts';
import { LineChart, type Series } from '../charts/line-chart.tsx';
import { RegionSection } from './indicator-regions.tsx';
import { Downloads } from './indicator-downloads.tsx';

export interface IndicatorView {
  readonly lang: Lang;
  readonly url: URL;
  readonly meta: IndicatorMeta;
  readonly national: readonly ResultRow[];
  readonly regional: readonly ResultRow[];
  readonly counties: readonly ResultRow[];
  readonly f: IndicatorFilters;
  readonly options: FilterOptions;
  readonly regions: Regions;
  readonly threshold?: number | undefined;
  /** pub_meta's fallbacks: which county a municipality's suppressed cells point to. */
  readonly fallbacksFor?: readonly FallbackNote[];
}

export async function indicatorPage(data: DashboardData, lang: Lang, url: URL, id: string): Promise<Child | null> {
  const meta = (await data.indicators()).find((m) => m.id === id.toUpperCase());
  if (!meta) return null;
  const national = await data.results({ indikator: meta.id, regionniva: ['land'], kjonn: ['alle'] });
  const f = parseFilters(url.searchParams, meta, national);
  const sel = {
    indikator: meta.id,
    maal: [f.maal],
    periode: [String(f.periode)],
    gruppe: [f.gruppe],
    lovregime: [f.lovregime],
    kjonn: ['alle'],
    ...(f.botid !== null ? { botid: [String(f.botid)] } : {}),
  };
  const [regional, counties, regions, pub] = await Promise.all([
    data.results({ ...sel, regionniva: [f.niva] }),
    // County figures are offered where a municipality's cell is suppressed (section 4.3).
    f.niva === 'kommune' ? data.results({ ...sel, regionniva: ['fylke'] }) : Promise.resolve([]),
    data.regions(),
    data.publication(),
  ]);
  const view: IndicatorView = {
    lang, url, meta, national, regional, counties: f.niva === 'fylke' ? regional : counties, f,
    options: filterOptions(meta, national), regions, threshold: pub?.thresholds?.['minDenominator'],
    fallbacksFor: (pub?.fallbacks ?? []).filter((x) => x.indikator === meta.id),
  };
  return <IndicatorPageView {...view} />;
}

function IndicatorPageView(v: IndicatorView): Child {
  const t = translator(v.lang);
  const name = `${v.meta.id} ${pick(v.lang, v.meta.navn)}`;
  return (
    <Layout lang={v.lang} url={v.url} title={name} nav="indikator">
      <p class="breadcrumb">
        <a href={href('/', v.lang)}>{t('Resultatkjeden', 'Results chain')}</a>
        {` › ${leddName(v.lang, v.meta.ledd)}`}
      </p>
      <h1 class="ds-heading" data-size="lg">{name}</h1>
      <p class="tags">
        <span class="ds-tag" data-color="accent">{leddName(v.lang, v.meta.ledd)}</span>{' '}
        <span class="ds-tag" data-color={v.meta.kjerne ? 'success' : 'neutral'}>
          {v.meta.kjerne ? t('Kjerneindikator', 'Core indicator') : t('Tilleggsindikator', 'Supplementary indicator')}
        </span>
      </p>
      <Definition {...v} />
      <FilterForm {...v} />
      <Charts {...v} />
      <RegionSection {...v} />
      <SuppressionNote lang={v.lang} threshold={v.threshold} />
      <Downloads {...v} />
    </Layout>
  );
}

function Definition(v: IndicatorView): Child {
  const t = translator(v.lang);
  const m = v.meta;
  const targets = m.malverdier ?? [];
  return (
    <section aria-labelledby="om" class="definition">
      <h2 id="om" class="ds-heading" data-size="sm">{t('Om indikatoren', 'About the indicator')}</h2>
      <p>{pick(v.lang, m.beskrivelse)}</p>
      <dl class="meta-list">
        <dt>{t('Hvem telles med', 'Who is counted')}</dt>
        <dd>{pick(v.lang, m.populasjon)}</dd>
        <dt>{t('Hva måles', 'What is measured')}</dt>
        <dd>{pick(v.lang, m.teller)}</dd>
        <dt>{t('Kohort', 'Cohort')}</dt>
        <dd>
          {categoryLabel('kohort', m.kohort, v.lang)}
          {m.kohorter.length > 1 ? ` (${t('også', 'also')}: ${m.kohorter.filter((k) => k !== m.kohort).map((k) => categoryLabel('kohort', k, v.lang)).join(', ')})` : ''}
        </dd>
        <dt>{t('Mål', 'Measures')}</dt>
        <dd>{m.maal.map((x) => pick(v.lang, x.navn)).join('; ')}</dd>
        {targets.length ? (
          <>
            <dt>{t('Nasjonale mål', 'National targets')}</dt>
            <dd>{targets.map((x) => pick(v.lang, x.navn)).join('; ')}</dd>
          </>
        ) : null}
        <dt>{t('Datakilder', 'Data sources')}</dt>
        <dd>{m.kilder.join(', ') || '–'}</dd>
        <dt>{t('Kapittel i NIBR-rapporten (2020)', 'Section of the NIBR report (2020)')}</dt>
        <dd>{m.kapittel}</dd>
      </dl>
    </section>
  );
}

function Select(p: { id: string; label: string; value: string; options: readonly { value: string; label: string }[] }): Child {
  return (
    <div class="ds-field">
      <label class="ds-label" for={`f-${p.id}`}>{p.label}</label>
      <select class="ds-input" id={`f-${p.id}`} name={p.id}>
        {p.options.map((o) => <option value={o.value} selected={o.value === p.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

function FilterForm(v: IndicatorView): Child {
  const t = translator(v.lang);
  const measureLabel = (code: string): string => {
    const mm = measureMeta(v.meta, code);
    return mm && !mm.kode.endsWith('*') ? pick(v.lang, mm.navn) : code;
  };
  return (
    <section aria-labelledby="utvalg">
      <h2 id="utvalg" class="ds-heading" data-size="sm">{t('Velg utvalg', 'Choose selection')}</h2>
      <form method="get" action={`/indikator/${v.meta.id}`} class="filters">
        <Select id="maal" label={t('Mål', 'Measure')} value={v.f.maal} options={v.options.maal.map((c) => ({ value: c, label: measureLabel(c) }))} />
        <Select id="gruppe" label={t('Gruppe', 'Group')} value={v.f.gruppe} options={v.options.gruppe.map((g) => ({ value: g, label: gruppeName(v.lang, g) }))} />
        <Select id="lovregime" label={t('Lov', 'Act')} value={v.f.lovregime} options={v.options.lovregime.map((r) => ({ value: r, label: regimeName(v.lang, r) }))} />
        <Select id="periode" label={t('Periode', 'Period')} value={String(v.f.periode)} options={v.options.periode.map((p) => ({ value: String(p), label: String(p) }))} />
        {v.f.botid !== null ? (
          <Select id="botid" label={t('År etter bosetting', 'Years since settlement')} value={String(v.f.botid)} options={v.options.botid.map((b) => ({ value: String(b), label: String(b) }))} />
        ) : null}
        <Select id="niva" label={t('Regionnivå', 'Regional level')} value={v.f.niva} options={(['kommune', 'fylke'] as const).map((n) => ({ value: n, label: nivaName(v.lang, n) }))} />
        {v.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <button class="ds-button" type="submit">{t('Vis', 'Show')}</button>
      </form>
    </section>
  );
}

function Charts(v: IndicatorView): Child {
  const t = translator(v.lang);
  const unit = unitOf(v.meta, v.f.maal);
  const fmt = (x: number): string => withUnit(v.lang, x, unit);
  const base: Key = { maal: v.f.maal, regionniva: 'land', kjonn: 'alle', ...(v.f.botid !== null ? { botid: v.f.botid } : {}) };
  const toSeries = (label: string, key: Key, by: 'periode' | 'botid'): Series => ({
    label,
    points: seriesBy(v.national, key, by).map((s) => ({ x: s.x, y: s.row.status === '' ? s.row.verdi : null, text: cellText(v.lang, s.row, unit) })),
  });
  const groups = [...new Set([v.f.gruppe, ...SUBGROUPS])].filter((g) => v.options.gruppe.includes(g));
  const byGroup = groups.map((g) => toSeries(gruppeName(v.lang, g), { ...base, gruppe: g, lovregime: v.f.lovregime }, 'periode'));
  const byRegime = v.options.lovregime.map((r) => toSeries(regimeName(v.lang, r), { ...base, gruppe: v.f.gruppe, lovregime: r }, 'periode'));
  const targets = (v.meta.malverdier ?? []).filter((m) => m.maal === v.f.maal).map((m) => ({ label: pick(v.lang, m.navn), value: m.verdi }));
  const isShare = unit === 'prosent';
  const common = { formatY: fmt, targets, tableLabel: t('Vis tallene i diagrammet som tabell', 'Show the chart figures as a table'), ...(isShare ? { yMin: 0, yMax: 100 } : {}) };
  const measure = measureMeta(v.meta, v.f.maal);
  const mname = measure && !measure.kode.endsWith('*') ? pick(v.lang, measure.navn) : v.f.maal;
  const xLabel = v.f.botid !== null ? t('Bosettingsår', 'Year of settlement') : t('År', 'Year');
  const cohorts = v.options.periode.slice(-5);
  const byBotid = cohorts.map((p) => toSeries(`${t('Bosatt', 'Settled')} ${p}`, { ...base, botid: undefined, periode: p, gruppe: v.f.gruppe, lovregime: v.f.lovregime }, 'botid'));
  return (
    <section aria-labelledby="utvikling">
      <h2 id="utvikling" class="ds-heading" data-size="sm">{t('Utvikling i hele landet', 'Trend for the whole country')}</h2>
      <div class="charts">
        <LineChart id="chart-gruppe" {...common} title={`${mname}: ${t('etter gruppe', 'by group')} (${regimeName(v.lang, v.f.lovregime)})`}
          summary={t('Linjediagram over tid, én linje per gruppe.', 'Line chart over time, one line per group.')} xLabel={xLabel} yLabel={mname} series={byGroup} />
        <LineChart id="chart-lov" {...common} title={`${mname}: ${t('gammel og ny lov', 'old and new act')} (${gruppeName(v.lang, v.f.gruppe)})`}
          summary={t('Linjediagram over tid, én linje per lov.', 'Line chart over time, one line per act.')} xLabel={xLabel} yLabel={mname} series={byRegime} />
        {v.f.botid !== null ? (
          <LineChart id="chart-botid" {...common} formatX={(x) => String(x)} title={`${mname}: ${t('etter år siden bosetting', 'by years since settlement')} (${gruppeName(v.lang, v.f.gruppe)})`}
            summary={t('Linjediagram, én linje per bosettingskull, etter antall år siden bosetting.', 'Line chart, one line per settlement cohort, by years since settlement.')} xLabel={t('År siden bosetting', 'Years since settlement')} yLabel={mname} series={byBotid} />
        ) : null}
      </div>
      <p class="caveat">
        {t(
          'Sammenligningen av gammel og ny lov er ujustert. 2020 var et pandemiår, og flere reformer kom samtidig med integreringsloven (rapportens kapittel 3.1).',
          'The old-vs-new act comparison is unadjusted. 2020 was a pandemic year, and several reforms came at the same time as the Integration Act (section 3.1 of the report).',
        )}
      </p>
    </section>
  );
}
