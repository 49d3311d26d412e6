/**
 * The indicator page's regional view: a map and a table of municipalities or counties. Where a
 * municipality's figure is suppressed, the table offers its county's figure (section 4.3: "offer
 * coarser groupings where a municipality's cells are suppressed").
 */
import type { Child } from 'hono/jsx';
import type { ResultRow } from '../../../contract/results.ts';
import { href, translator } from '../i18n.ts';
import { gruppeName, nivaName } from '../labels.ts';
import { Value } from '../components/value.tsx';
import { Choropleth, type MapValue } from '../map/choropleth.tsx';
import { cellNote, cellText, unitOf } from '../select.ts';
import { count, num } from '../format.ts';
import type { Unit } from '../../../catalogue/types.ts';
import type { IndicatorView } from './indicator.tsx';

export function RegionSection(v: IndicatorView): Child {
  const t = translator(v.lang);
  const unit = unitOf(v.meta, v.f.maal);
  const names = v.f.niva === 'kommune' ? v.regions.kommuner : v.regions.fylker;
  const byCode = new Map(v.regional.map((r) => [r.region, r]));
  const countyRow = new Map(v.counties.map((r) => [r.region, r]));
  const codes = [...new Set([...byCode.keys()])].filter((c) => c !== '9999').sort();
  const values = new Map<string, MapValue>();
  for (const [code, r] of byCode) {
    const note = cellNote(v.lang, r);
    values.set(code, {
      value: r.status === '' ? r.verdi : null,
      suppressed: r.status === ':',
      text: cellText(v.lang, r, unit) + (note ? ` (${note})` : ''),
    });
  }
  const when = v.f.botid !== null ? `${t('bosatt', 'settled')} ${v.f.periode}, ${v.f.botid} ${t('år etter', 'yr after')}` : String(v.f.periode);
  const caption = `${nivaName(v.lang, v.f.niva)}: ${gruppeName(v.lang, v.f.gruppe)}, ${when}`;
  const suppressedCount = [...byCode.values()].filter((r) => r.status === ':').length;
  return (
    <section aria-labelledby="regioner">
      <h2 id="regioner" class="ds-heading" data-size="sm">{t('Kommuner og fylker', 'Municipalities and counties')}</h2>
      {suppressedCount > 0 ? (
        <p class="ds-alert suppressed-summary" data-color="info" data-size="sm">
          {t(
            `${suppressedCount} av ${byCode.size} tall er prikket for å hindre at enkeltpersoner kan gjenkjennes. Fylkets tall vises i stedet der det finnes.`,
            `${suppressedCount} of ${byCode.size} figures are suppressed to prevent individuals from being identified. The county's figure is shown instead where available.`,
          )}
        </p>
      ) : null}
      <div class="region-view">
        <Choropleth lang={v.lang} level={v.f.niva} title={caption} values={values} format={(x) => num(v.lang, x, unit === 'kr' ? 0 : 1)} />
        <div class="table-wrap" tabindex={0} role="region" aria-labelledby="region-caption">
          <table class="ds-table region-table" data-size="sm" data-zebra="true">
            <caption id="region-caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{v.f.niva === 'kommune' ? t('Kommune', 'Municipality') : t('Fylke', 'County')}</th>
                <th scope="col" class="num">{t('Verdi', 'Value')}</th>
                <th scope="col" class="num">{t('95 % KI', '95 % CI')}</th>
                <th scope="col" class="num">{t('Personer', 'Persons')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <RegionRow v={v} code={code} name={names.get(code)?.name ?? code} row={byCode.get(code)!} county={countyOf(v, code, countyRow)} unit={unit} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function countyOf(v: IndicatorView, code: string, counties: ReadonlyMap<string, ResultRow>): ResultRow | undefined {
  if (v.f.niva !== 'kommune') return undefined;
  const fallback = (v.fallbacksFor ?? []).find((x) => x.kommune === code)?.fylke;
  const county = fallback ?? v.regions.kommuner.get(code)?.county ?? code.slice(0, 2);
  return counties.get(county);
}

function RegionRow(p: { v: IndicatorView; code: string; name: string; row: ResultRow; county: ResultRow | undefined; unit: Unit }): Child {
  const { v, row } = p;
  const t = translator(v.lang);
  const link = v.f.niva === 'kommune' ? href(`/kommune/${p.code}`, v.lang) : undefined;
  const ci = row.status === '' && row.ki_nedre !== null && row.ki_ovre !== null ? `${num(v.lang, row.ki_nedre)}–${num(v.lang, row.ki_ovre)}` : '';
  const countyName = p.county ? v.regions.fylker.get(p.county.region)?.name ?? p.county.region : '';
  return (
    <tr class={row.status === ':' ? 'is-suppressed' : undefined}>
      <th scope="row">{link ? <a href={link}>{p.name}</a> : p.name}</th>
      <td class="num">
        <Value lang={v.lang} row={row} unit={p.unit} />
        {row.status === ':' && p.county ? (
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
