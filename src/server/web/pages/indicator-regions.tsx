/**
 * The indicator page's regional view: a map and a sortable table of municipalities or counties.
 * Where a municipality's yearly figure is suppressed, the map and the table show its pooled figure
 * (the window ending in the chosen year, issue 11) and say so, else the table offers its county's
 * figure (section 4.3).
 * With ?region= a county narrows the table to its municipalities and a municipality is marked.
 * The table has no link per row (hundreds of Tab stops): the region field above is the picker.
 * Sorting is by links in the column headers (GET, no JS), announced with aria-sort.
 */
import type { Child } from 'hono/jsx';
import { periodeKey, type ResultRow } from '../../../contract/results.ts';
import { href, translator } from '../i18n.ts';
import { gruppeName, nivaName } from '../labels.ts';
import { Value } from '../components/value.tsx';
import { Choropleth, MAP_MIN_N, type MapValue } from '../map/choropleth.tsx';
import { cellNote, cellText, isPublished, unitOf } from '../select.ts';
import { count, num, unitTitle } from '../format.ts';
import type { Unit } from '../../../catalogue/types.ts';
import type { IndicatorView } from './indicator.tsx';
import type { IndicatorFilters } from './indicator-filters.ts';

interface Line {
  readonly code: string;
  readonly name: string;
  readonly row: ResultRow;
}

/** Orders the table: by name (nb collation), value or persons; unpublished values always last. */
export function sortLines<T extends { name: string; row: ResultRow }>(lines: readonly T[], sort: IndicatorFilters['sort'], dir: IndicatorFilters['retning']): T[] {
  const sign = dir === 'desc' ? -1 : 1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'nb');
  const metric = (l: T): number | null => (sort === 'verdi' ? (isPublished(l.row) ? l.row.verdi : null) : isPublished(l.row) ? l.row.nevner : null);
  return [...lines].sort((a, b) => {
    if (sort === 'navn') return sign * byName(a, b);
    const x = metric(a);
    const y = metric(b);
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || byName(a, b);
  });
}

export function RegionSection(v: IndicatorView): Child {
  const t = translator(v.lang);
  const unit = unitOf(v.meta, v.f.maal);
  const names = v.f.niva === 'kommune' ? v.regions.kommuner : v.regions.fylker;
  const chosen = v.chosen && v.chosen.code !== '0' ? v.chosen : undefined;
  const inScope = (code: string): boolean => !(chosen?.niva === 'fylke' && v.f.niva === 'kommune') || (v.regions.kommuner.get(code)?.county ?? code.slice(0, 2)) === chosen.code;
  const byCode = new Map(v.regional.filter((r) => r.region !== '9999').map((r) => [r.region, r]));
  const countyRow = new Map(v.counties.map((r) => [r.region, r]));
  const lines: Line[] = [...byCode].filter(([code]) => inScope(code)).map(([code, row]) => ({ code, name: names.get(code)?.name ?? code, row }));
  const sorted = sortLines(lines, v.f.sort, v.f.retning);
  const pools = new Map((v.pooled ?? []).filter((r) => r.regionniva === 'kommune' && isPublished(r)).map((r) => [r.region, r]));
  const values = new Map<string, MapValue>();
  for (const [code, r] of byCode) {
    const note = cellNote(v.lang, r);
    const pool = r.status !== '' ? pools.get(code) : undefined;
    if (pool) {
      values.set(code, {
        value: pool.verdi,
        suppressed: false,
        text: `${cellText(v.lang, pool, unit)} (${t('samlet', 'pooled')} ${periodeKey(pool)}, n = ${count(v.lang, pool.nevner ?? 0)}; ${t('årstallet er prikket', 'the yearly figure is suppressed')})`,
        n: pool.nevner,
        selected: chosen?.code === code,
      });
      continue;
    }
    values.set(code, {
      value: r.status === '' ? r.verdi : null,
      suppressed: r.status === ':',
      text: cellText(v.lang, r, unit) + (r.nevner !== null && r.status === '' ? ` (n = ${count(v.lang, r.nevner)})` : '') + (note ? ` (${note})` : ''),
      n: r.nevner,
      selected: chosen?.code === code,
    });
  }
  const when = v.f.botid !== null ? `${t('bosatt', 'settled')} ${v.f.periode}, ${v.f.botid} ${t('år etter', 'yr after')}` : String(v.f.periode);
  const scope = chosen?.niva === 'fylke' && v.f.niva === 'kommune' ? ` ${t('i', 'in')} ${chosen.name}` : '';
  const caption = `${nivaName(v.lang, v.f.niva)}${scope}: ${gruppeName(v.lang, v.f.gruppe)}, ${when}`;
  const suppressedCount = lines.filter((l) => l.row.status === ':').length;
  return (
    <section aria-labelledby="regioner">
      <h2 id="regioner" class="ds-heading" data-size="sm">{t('Kommuner og fylker', 'Municipalities and counties')}</h2>
      {suppressedCount > 0 ? (
        <p class="ds-alert suppressed-summary" data-color="info" data-size="sm">
          {t(
            `${suppressedCount} av ${lines.length} tall er prikket for å hindre at enkeltpersoner kan gjenkjennes. Kommunens samlede tall for flere år vises i stedet der det er publisert, ellers fylkets tall.`,
            `${suppressedCount} of ${lines.length} figures are suppressed to prevent individuals from being identified. The municipality's pooled figure for several years is shown instead where published, else the county's figure.`,
          )}
        </p>
      ) : null}
      <div class="region-view">
        <Choropleth lang={v.lang} level={v.f.niva} title={caption} values={values} format={(x) => num(v.lang, x, unit === 'kr' ? 0 : 1)}
          legendTitle={`${caption} — ${unitTitle(v.lang, unit)}`} minN={MAP_MIN_N} />
        <div class="table-wrap region-table-wrap" tabindex={0} role="region" aria-labelledby="region-caption">
          <table class="ds-table region-table" data-size="sm" data-zebra="true">
            <caption id="region-caption">{caption}</caption>
            <thead>
              <tr>
                <SortHeader v={v} col="navn" label={v.f.niva === 'kommune' ? t('Kommune', 'Municipality') : t('Fylke', 'County')} />
                <SortHeader v={v} col="verdi" label={`${t('Verdi', 'Value')}`} num />
                <th scope="col" class="num">{t('95 % KI', '95 % CI')}</th>
                <SortHeader v={v} col="n" label={t('Personer', 'Persons')} num />
              </tr>
            </thead>
            <tbody>
              {sorted.map((l) => (
                <RegionRow v={v} line={l} pool={l.row.status !== '' ? pools.get(l.code) : undefined} county={countyOf(v, l.code, countyRow)} unit={unit} selected={chosen?.code === l.code} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p class="footnote">
        {t(
          `Rekkefølgen i tabellen er bare en sortering, ikke en rangering: tallene er ujusterte, og små kommuner har stor usikkerhet. På kartet får kommuner med færre enn ${MAP_MIN_N} personer ingen fargeklasse.`,
          `The order of the table is only a sort, not a ranking: the figures are unadjusted, and small municipalities are very uncertain. On the map, municipalities with fewer than ${MAP_MIN_N} persons get no colour class.`,
        )}
      </p>
    </section>
  );
}

function SortHeader(p: { v: IndicatorView; col: IndicatorFilters['sort']; label: string; num?: boolean }): Child {
  const t = translator(p.v.lang);
  const active = p.v.f.sort === p.col;
  const next = active && p.v.f.retning === 'asc' ? 'desc' : 'asc';
  const q = new URLSearchParams(p.v.url.search);
  q.set('sort', p.col);
  q.set('retning', next);
  const link = `${p.v.url.pathname}?${q.toString()}#regioner`;
  const state = active ? (p.v.f.retning === 'asc' ? 'ascending' : 'descending') : undefined;
  const hint = next === 'asc' ? t('sorter stigende', 'sort ascending') : t('sorter synkende', 'sort descending');
  return (
    <th scope="col" class={p.num ? 'num' : undefined} aria-sort={state}>
      <a href={link} class="sort-link">
        {p.label}
        <span aria-hidden="true" class="sort-mark">{active ? (p.v.f.retning === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        <span class="ds-sr-only">{` (${hint})`}</span>
      </a>
    </th>
  );
}

function countyOf(v: IndicatorView, code: string, counties: ReadonlyMap<string, ResultRow>): ResultRow | undefined {
  if (v.f.niva !== 'kommune') return undefined;
  const fallback = (v.fallbacksFor ?? []).find((x) => x.kommune === code)?.fylke;
  const county = fallback ?? v.regions.kommuner.get(code)?.county ?? code.slice(0, 2);
  return counties.get(county);
}

function RegionRow(p: { v: IndicatorView; line: Line; pool: ResultRow | undefined; county: ResultRow | undefined; unit: Unit; selected: boolean }): Child {
  const { v } = p;
  const row = p.line.row;
  const t = translator(v.lang);
  const ci = row.status === '' && row.ki_nedre !== null && row.ki_ovre !== null ? `${num(v.lang, row.ki_nedre)}–${num(v.lang, row.ki_ovre)}` : '';
  const countyName = p.county ? v.regions.fylker.get(p.county.region)?.name ?? p.county.region : '';
  const cls = [row.status === ':' ? 'is-suppressed' : '', p.selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <tr class={cls || undefined} data-region={p.line.code}>
      <th scope="row">{p.selected && v.f.niva === 'kommune' ? <a href={href(`/kommune/${p.line.code}`, v.lang)}>{p.line.name}</a> : p.line.name}</th>
      <td class="num">
        <Value lang={v.lang} row={row} unit={p.unit} />
        {p.pool ? (
          <span class="pool-fallback">
            {`${t('Samlet', 'Pooled')} ${periodeKey(p.pool)}: `}
            <Value lang={v.lang} row={p.pool} unit={p.unit} />
            {p.pool.nevner !== null ? ` (n = ${count(v.lang, p.pool.nevner)})` : ''}
          </span>
        ) : row.status === ':' && p.county ? (
          <span class="county-fallback">
            {`${t('Fylket', 'County')} (${countyName}): `}
            <Value lang={v.lang} row={p.county} unit={p.unit} />
          </span>
        ) : null}
      </td>
      <td class="num">{ci}</td>
      <td class="num">{row.nevner !== null ? count(v.lang, row.nevner) : ''}</td>
    </tr>
  );
}
