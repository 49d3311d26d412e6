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
import { href, translator, type Lang } from '../i18n.ts';
import { pick } from '../../../shared/lang.ts';
import { gruppeName, leddName, measureName, nivaName, regimeName, SUBGROUPS } from '../labels.ts';
import { Layout } from '../components/layout.tsx';
import { SuppressionNote } from '../components/value.tsx';
import { isPooled, unitOf, type Key } from '../select.ts';
import { axisFor, pointsBy } from '../charts/series.ts';
import { RegionDatalist, resolveRegion, type ChosenRegion } from '../components/municipality-picker.tsx';
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
  /** Pooled municipal cells whose window ends in the chosen period (issue 11: the fallback for a suppressed year). */
  readonly pooled?: readonly ResultRow[];
  readonly counties: readonly ResultRow[];
  readonly f: IndicatorFilters;
  readonly options: FilterOptions;
  readonly regions: Regions;
  readonly threshold?: number | undefined;
  /** pub_meta's fallbacks: which county a municipality's suppressed cells point to. */
  readonly fallbacksFor?: readonly FallbackNote[];
  /** The chosen region (?region=), or undefined when the text matched none (the page says so). */
  readonly chosen: ChosenRegion | undefined;
  /** Rows of the chosen region (all periods, kjonn alle) when it is not the country. */
  readonly regionRows: readonly ResultRow[];
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
  const regions = await data.regions();
  const chosen = resolveRegion(f.region, regions, lang);
  const [regional, counties, pub, regionRows] = await Promise.all([
    data.results({ ...sel, regionniva: [f.niva] }),
    // County figures are offered where a municipality's cell is suppressed (section 4.3).
    f.niva === 'kommune' ? data.results({ ...sel, regionniva: ['fylke'] }) : Promise.resolve([]),
    data.publication(),
    chosen && chosen.code !== '0' ? data.results({ indikator: meta.id, region: [chosen.code], kjonn: ['alle'], maal: [f.maal] }) : Promise.resolve([]),
  ]);
  const view: IndicatorView = {
    lang, url, meta, national, regional: regional.filter((r) => !isPooled(r)), pooled: regional.filter(isPooled), counties: (f.niva === 'fylke' ? regional : counties).filter((r) => !isPooled(r)), f,
    options: filterOptions(meta, national), regions, threshold: pub?.thresholds?.['minDenominator'],
    fallbacksFor: (pub?.fallbacks ?? []).filter((x) => x.indikator === meta.id),
    chosen, regionRows,
  };
  return <IndicatorPageView {...view} />;
}

function IndicatorPageView(v: IndicatorView): Child {
  const t = translator(v.lang);
  const name = `${v.meta.id} ${pick(v.meta.navn, v.lang)}`;
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
      <p class="jump"><a href="#last-ned">{t('Gå til nedlasting', 'Go to downloads')}</a></p>
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
      <p>{pick(m.beskrivelse, v.lang)}</p>
      <dl class="meta-list">
        <dt>{t('Hvem telles med', 'Who is counted')}</dt>
        <dd>{pick(m.populasjon, v.lang)}</dd>
        <dt>{t('Hva måles', 'What is measured')}</dt>
        <dd>{pick(m.teller, v.lang)}</dd>
        <dt>{t('Kohort', 'Cohort')}</dt>
        <dd>
          {categoryLabel('kohort', m.kohort, v.lang)}
          {m.kohorter.length > 1 ? ` (${t('også', 'also')}: ${m.kohorter.filter((k) => k !== m.kohort).map((k) => categoryLabel('kohort', k, v.lang)).join(', ')})` : ''}
        </dd>
        <dt>{t('Mål', 'Measures')}</dt>
        <dd>{m.maal.map((x) => pick(x.navn, v.lang)).join('; ')}</dd>
        {targets.length ? (
          <>
            <dt>{t('Nasjonale mål', 'National targets')}</dt>
            <dd>{targets.map((x) => pick(x.navn, v.lang)).join('; ')}</dd>
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
  const measureLabel = (code: string): string => measureName(v.lang, v.meta, code);
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
        <Select id="niva" label={t('Tabell og kart', 'Table and map')} value={v.f.niva} options={(['kommune', 'fylke'] as const).map((n) => ({ value: n, label: nivaName(v.lang, n) }))} />
        <div class="ds-field">
          <label class="ds-label" for="f-region">{t('Region (skriv navn eller nummer)', 'Region (type a name or number)')}</label>
          <input class="ds-input" id="f-region" name="region" list="regionliste" autocomplete="off" value={v.chosen && v.chosen.code !== '0' ? `${v.chosen.name} (${v.chosen.niva === 'fylke' ? `${t('fylke', 'county')} ` : ''}${v.chosen.code})` : v.chosen ? '' : v.f.region} />
          <RegionDatalist regions={v.regions} lang={v.lang} id="regionliste" />
        </div>
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
  const local = v.chosen && v.chosen.code !== '0' ? v.chosen : undefined;
  const base: Key = { maal: v.f.maal, regionniva: local ? local.niva : 'land', kjonn: 'alle', ...(v.f.botid !== null ? { botid: v.f.botid } : {}) };
  const source = local ? v.regionRows : v.national;
  const toSeries = (label: string, key: Key, by: 'periode' | 'botid'): Series => ({ label, points: pointsBy(v.lang, source, key, by, unit) });
  const where = local ? local.name : t('hele landet', 'the whole country');
  const groups = [...new Set([v.f.gruppe, ...SUBGROUPS])].filter((g) => v.options.gruppe.includes(g));
  const byGroup = groups.map((g) => toSeries(gruppeName(v.lang, g), { ...base, gruppe: g, lovregime: v.f.lovregime }, 'periode'));
  const byRegime = v.options.lovregime.map((r) => toSeries(regimeName(v.lang, r), { ...base, gruppe: v.f.gruppe, lovregime: r }, 'periode'));
  const targets = (v.meta.malverdier ?? []).filter((m) => m.maal === v.f.maal).map((m) => ({ label: pick(m.navn, v.lang), value: m.verdi }));
  if (local) {
    // The country beside the chosen region, without band, for reference.
    const land: Series = { label: t('Hele landet', 'Whole country'), points: pointsBy(v.lang, v.national, { ...base, regionniva: 'land', gruppe: v.f.gruppe, lovregime: v.f.lovregime }, 'periode', unit).map((p) => ({ ...p, lo: null, hi: null })) };
    byGroup.splice(1, byGroup.length - 1, ...byGroup.slice(1).filter((s) => s.points.some((p) => p.y !== null)));
    byRegime.push(land);
  }
  const isShare = unit === 'prosent';
  const axis = axisFor(v.lang, unit);
  const common = { formatY: fmt, formatTick: axis.formatTick, targets, tableLabel: t('Vis tallene i diagrammet som tabell', 'Show the chart figures as a table'), ...(isShare ? { yMin: 0, yMax: 100 } : {}) };
  const lastText = (s: Series): string => {
    const last = [...s.points].reverse().find((p) => p.y !== null);
    return last ? `${s.label} ${last.x}: ${last.text}` : `${s.label}: ${t('ingen publiserte tall', 'no published figures')}`;
  };
  const describe = (kind: string, series: readonly Series[]): string =>
    t(`${kind} Skyggen rundt linjene er 95 %-intervallet. Siste verdier: `, `${kind} The shading around the lines is the 95 % interval. Latest values: `) + series.map(lastText).join('; ') + '.';
  const mname = measureName(v.lang, v.meta, v.f.maal);
  const xLabel = v.f.botid !== null ? t('Bosettingsår', 'Year of settlement') : t('År', 'Year');
  const cohorts = v.options.periode.slice(-5);
  const byBotid = cohorts.map((p) => toSeries(`${t('Bosatt', 'Settled')} ${p}`, { ...base, botid: undefined, periode: p, gruppe: v.f.gruppe, lovregime: v.f.lovregime }, 'botid'));
  return (
    <section aria-labelledby="utvikling">
      <h2 id="utvikling" class="ds-heading" data-size="sm">{t(`Utvikling: ${where}`, `Trend: ${where}`)}</h2>
      {v.chosen === undefined ? (
        <p class="ds-alert" data-color="warning" data-size="sm" role="status">
          {t(`Fant ingen region som heter «${v.f.region}». Viser hele landet.`, `No region called “${v.f.region}” was found. Showing the whole country.`)}
        </p>
      ) : null}
      {local?.niva === 'kommune' ? <p><a href={href(`/kommune/${local.code}`, v.lang)}>{t(`Se kommuneprofilen for ${local.name}`, `See the municipality profile of ${local.name}`)}</a></p> : null}
      <div class="charts">
        <LineChart id="chart-gruppe" {...common} title={`${mname}: ${t('etter gruppe', 'by group')} (${regimeName(v.lang, v.f.lovregime)})`}
          summary={describe(t(`Linjediagram over tid for ${where}, én linje per gruppe.`, `Line chart over time for ${where}, one line per group.`), byGroup)} xLabel={xLabel} yLabel={axis.yLabel} series={byGroup} />
        <LineChart id="chart-lov" {...common} title={`${mname}: ${t('gammel og ny lov', 'old and new act')} (${gruppeName(v.lang, v.f.gruppe)})`}
          summary={describe(t(`Linjediagram over tid for ${where}, én linje per lov.`, `Line chart over time for ${where}, one line per act.`), byRegime)} xLabel={xLabel} yLabel={axis.yLabel} series={byRegime} />
        {v.f.botid !== null ? (
          <LineChart id="chart-botid" {...common} formatX={(x) => String(x)} title={`${mname}: ${t('etter år siden bosetting', 'by years since settlement')} (${gruppeName(v.lang, v.f.gruppe)})`}
            summary={describe(t('Linjediagram, én linje per bosettingskull, etter antall år siden bosetting.', 'Line chart, one line per settlement cohort, by years since settlement.'), byBotid)} xLabel={t('År siden bosetting', 'Years since settlement')} yLabel={axis.yLabel} series={byBotid} />
        ) : null}
      </div>
      <p class="caveat">
        {t(
          'Sammenligningen av gammel og ny lov i diagrammet er ujustert: sammenlign bare samme år. 2020 var et pandemiår, og flere reformer kom samtidig med integreringsloven (rapportens kapittel 3.1). ',
          'The old-vs-new act comparison in the chart is unadjusted: compare the same year only. 2020 was a pandemic year, and several reforms came at the same time as the Integration Act (section 3.1 of the report). ',
        )}
        <a href={href('/lov', v.lang)}>{t('Justert sammenligning: Ny og gammel lov', 'Adjusted comparison: New and old act')}</a>
      </p>
    </section>
  );
}
