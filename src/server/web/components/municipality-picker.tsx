/** A plain GET form that takes the user to a municipality's profile (works without JS). */
import type { Child } from 'hono/jsx';
import type { Regions } from '../data.ts';
import { translator, type Lang } from '../i18n.ts';

export function MunicipalityPicker(p: { lang: Lang; regions: Regions; selected?: string }): Child {
  const t = translator(p.lang);
  const list = [...p.regions.kommuner.values()].filter((k) => k.code !== '9999').sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return (
    <form method="get" action="/kommune" class="picker">
      <div class="ds-field">
        <label class="ds-label" for="kode">{t('Kommune', 'Municipality')}</label>
        <select class="ds-input" id="kode" name="kode">
          {list.map((k) => <option value={k.code} selected={k.code === p.selected}>{`${k.name} (${k.code})`}</option>)}
        </select>
      </div>
      {p.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
      <button class="ds-button" type="submit">{t('Vis kommunen', 'Show municipality')}</button>
    </form>
  );
}
