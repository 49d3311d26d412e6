/**
 * A searchable municipality picker that works without JS: a text input with a `<datalist>` of
 * every municipality ("Bergen (4601)"), in a plain GET form. The browser filters the list as the
 * user types; the server accepts a code, a name or the list's "Name (code)" text.
 */
import type { Child } from 'hono/jsx';
import type { Regions } from '../data.ts';
import { translator, type Lang } from '../i18n.ts';

export const DATALIST_ID = 'kommuneliste';

/** "4601", "Bergen", "bergen (4601)" → "4601"; undefined when nothing matches. */
export function resolveMunicipality(text: string, regions: Regions): string | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const code = /\((\d{4})\)\s*$/.exec(s)?.[1] ?? (/^\d{4}$/.test(s) ? s : undefined);
  if (code) return regions.kommuner.has(code) ? code : undefined;
  const lower = s.toLocaleLowerCase('nb');
  for (const k of regions.kommuner.values()) if (k.name.toLocaleLowerCase('nb') === lower) return k.code;
  return undefined;
}

/** The list of municipalities for every picker on the page (rendered once). */
export function MunicipalityDatalist(p: { regions: Regions }): Child {
  const list = [...p.regions.kommuner.values()].filter((k) => k.code !== '9999').sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return (
    <datalist id={DATALIST_ID}>
      {list.map((k) => <option value={`${k.name} (${k.code})`} />)}
    </datalist>
  );
}

export function MunicipalityPicker(p: { lang: Lang; regions: Regions; selected?: string; idPrefix?: string; action?: string; name?: string; label?: string; button?: string; hidden?: Record<string, string> }): Child {
  const t = translator(p.lang);
  const id = `${p.idPrefix ?? 'kv'}-kode`;
  const sel = p.selected ? p.regions.kommuner.get(p.selected) : undefined;
  return (
    <form method="get" action={p.action ?? '/kommune'} class="picker" role="search">
      <div class="ds-field">
        <label class="ds-label" for={id}>{p.label ?? t('Kommune (skriv navn eller nummer)', 'Municipality (type a name or number)')}</label>
        <input class="ds-input" id={id} name={p.name ?? 'kode'} list={DATALIST_ID} autocomplete="off" value={sel ? `${sel.name} (${sel.code})` : undefined} />
      </div>
      {Object.entries(p.hidden ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      {p.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
      <button class="ds-button" type="submit">{p.button ?? t('Vis kommunen', 'Show municipality')}</button>
      <MunicipalityDatalist regions={p.regions} />
    </form>
  );
}

export interface ChosenRegion {
  readonly code: string;
  readonly niva: 'land' | 'fylke' | 'kommune';
  readonly name: string;
}

/**
 * Any region by code or name: '0' / "Hele landet" → the country; a county code or name; else a
 * municipality as resolveMunicipality. undefined when nothing matches (the page says so).
 */
export function resolveRegion(text: string, regions: Regions, lang: Lang): ChosenRegion | undefined {
  const s = text.trim();
  const country = lang === 'en' ? 'Whole country' : 'Hele landet';
  if (s === '' || s === '0' || /^(hele landet|whole country|norge|norway)$/i.test(s)) return { code: '0', niva: 'land', name: country };
  const code = /\((?:fylke |county )?(\d{2})\)\s*$/.exec(s)?.[1] ?? (/^\d{2}$/.test(s) ? s : undefined);
  if (code && regions.fylker.has(code)) return { code, niva: 'fylke', name: regions.fylker.get(code)!.name };
  const lower = s.toLocaleLowerCase('nb');
  for (const f of regions.fylker.values()) if (f.name.toLocaleLowerCase('nb') === lower) return { code: f.code, niva: 'fylke', name: f.name };
  const k = resolveMunicipality(s, regions);
  return k ? { code: k, niva: 'kommune', name: regions.kommuner.get(k)!.name } : undefined;
}

/** Datalist of the country, counties and municipalities, for the indicator page's region field. */
export function RegionDatalist(p: { regions: Regions; lang: Lang; id: string }): Child {
  const t = translator(p.lang);
  const counties = [...p.regions.fylker.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const list = [...p.regions.kommuner.values()].filter((k) => k.code !== '9999').sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return (
    <datalist id={p.id}>
      <option value={t('Hele landet', 'Whole country')} />
      {counties.map((f) => <option value={`${f.name} (${t('fylke', 'county')} ${f.code})`} />)}
      {list.map((k) => <option value={`${k.name} (${k.code})`} />)}
    </datalist>
  );
}
