/**
 * Municipality page: the municipality's profile across the results chain, beside its county and
 * the whole country (analysis A2 in indicators.md: place each link's key indicators side by side).
 * The report stresses comparisons are for learning how the act works, not for ranking.
 */
import type { Child } from 'hono/jsx';
import type { IndicatorMeta } from '../../../catalogue/types.ts';
import type { ResultRow } from '../../../contract/results.ts';
import type { DashboardData, Region, Regions } from '../data.ts';
import { href, pick, translator, type Lang } from '../i18n.ts';
import { leddHint, leddName, LEDD_ORDER } from '../labels.ts';
import { Layout } from '../components/layout.tsx';
import { SuppressionNote, Value } from '../components/value.tsx';
import { MunicipalityPicker } from '../components/municipality-picker.tsx';
import { find, headlineBotid, headlineMeasure, latestPublished, measureMeta, totalGroup, unitOf } from '../select.ts';
import { periodLabel } from './front.tsx';

interface ProfileLine {
  readonly meta: IndicatorMeta;
  readonly maal: string | undefined;
  readonly kommune: ResultRow | undefined;
  readonly fylke: ResultRow | undefined;
  readonly land: ResultRow | undefined;
}

/** One core indicator's headline cell for the municipality, its county and the country. */
async function profileLine(data: DashboardData, meta: IndicatorMeta, k: Region): Promise<ProfileLine> {
  const rows = await data.results({ indikator: meta.id, region: [k.code, k.county, '0'], kjonn: ['alle'], lovregime: ['alle'] });
  const maal = headlineMeasure(meta, rows);
  const mine = rows.filter((r) => r.maal === maal);
  const gruppe = totalGroup(mine);
  const botid = meta.ledd === 'integreringsresultat' ? headlineBotid(mine) : null;
  const key = { maal, gruppe, ...(botid !== null ? { botid } : {}) };
  // The period is the latest the country has a figure for, so all three columns compare the same year.
  const land = latestPublished(mine, { ...key, regionniva: 'land' });
  const at = land ? { ...key, periode: land.periode } : key;
  return {
    meta,
    maal,
    land,
    kommune: find(mine, { ...at, regionniva: 'kommune', region: k.code }),
    fylke: find(mine, { ...at, regionniva: 'fylke', region: k.county }),
  };
}

export async function municipalityPage(data: DashboardData, lang: Lang, url: URL, kode: string): Promise<Child | null> {
  const regions = await data.regions();
  const k = regions.kommuner.get(kode);
  if (!k) return null;
  const core = (await data.indicators()).filter((m) => m.kjerne);
  const [lines, pub] = await Promise.all([Promise.all(core.map((m) => profileLine(data, m, k))), data.publication()]);
  return <MunicipalityView lang={lang} url={url} k={k} regions={regions} lines={lines} threshold={pub?.thresholds?.['minDenominator']} />;
}

function MunicipalityView(p: { lang: Lang; url: URL; k: Region; regions: Regions; lines: readonly ProfileLine[]; threshold?: number | undefined }): Child {
  const t = translator(p.lang);
  const county = p.regions.fylker.get(p.k.county)?.name ?? p.k.county;
  return (
    <Layout lang={p.lang} url={p.url} title={p.k.name} nav="kommune">
      <p class="breadcrumb"><a href={href('/kommune', p.lang)}>{t('Kommuner', 'Municipalities')}</a>{` › ${p.k.name}`}</p>
      <h1 class="ds-heading" data-size="lg">{`${p.k.name} (${p.k.code})`}</h1>
      <p class="lead">
        {t(
          `Kommunens kjerneindikatorer langs resultatkjeden, ved siden av ${county} og hele landet. Tallene er ujusterte: forskjeller kan skyldes hvem som bosettes, ikke bare hva kommunen gjør. De er ment for læring, ikke rangering.`,
          `The municipality's core indicators along the results chain, beside ${county} and the whole country. Figures are unadjusted: differences may reflect who is settled, not only what the municipality does. They are meant for learning, not ranking.`,
        )}
      </p>
      {LEDD_ORDER.map((ledd) => (
        <section aria-labelledby={`p-${ledd}`}>
          <h2 id={`p-${ledd}`} class="ds-heading" data-size="sm">{leddName(p.lang, ledd)}</h2>
          <p class="hint">{leddHint(p.lang, ledd)}</p>
          <ProfileTable lang={p.lang} ledd={ledd} k={p.k} county={county} lines={p.lines.filter((l) => l.meta.ledd === ledd)} />
        </section>
      ))}
      <SuppressionNote lang={p.lang} threshold={p.threshold} />
      <section aria-labelledby="annen-kommune">
        <h2 id="annen-kommune" class="ds-heading" data-size="xs">{t('Velg en annen kommune', 'Choose another municipality')}</h2>
        <MunicipalityPicker lang={p.lang} regions={p.regions} selected={p.k.code} />
      </section>
    </Layout>
  );
}

function ProfileTable(p: { lang: Lang; ledd: string; k: Region; county: string; lines: readonly ProfileLine[] }): Child {
  const t = translator(p.lang);
  return (
    <div class="table-wrap">
      <table class="ds-table profile-table" data-size="sm">
        <caption>{`${leddName(p.lang, p.ledd as ProfileLine['meta']['ledd'])}: ${p.k.name}, ${p.county} ${t('og hele landet', 'and the whole country')}`}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Indikator', 'Indicator')}</th>
            <th scope="col">{t('Periode', 'Period')}</th>
            <th scope="col" class="num">{p.k.name}</th>
            <th scope="col" class="num">{p.county}</th>
            <th scope="col" class="num">{t('Hele landet', 'Whole country')}</th>
          </tr>
        </thead>
        <tbody>
          {p.lines.map((l) => {
            const unit = l.maal ? unitOf(l.meta, l.maal) : 'prosent';
            const mm = l.maal ? measureMeta(l.meta, l.maal) : undefined;
            return (
              <tr>
                <th scope="row">
                  <a href={href(`/indikator/${l.meta.id}`, p.lang, { niva: 'kommune' })}>{`${l.meta.id} ${pick(p.lang, l.meta.navn)}`}</a>
                  {mm ? <span class="measure-name">{pick(p.lang, mm.navn)}</span> : null}
                </th>
                <td>{l.land ? periodLabel(p.lang, l.land) : ''}</td>
                <td class="num"><Value lang={p.lang} row={l.kommune} unit={unit} /></td>
                <td class="num"><Value lang={p.lang} row={l.fylke} unit={unit} /></td>
                <td class="num"><Value lang={p.lang} row={l.land} unit={unit} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** /kommune: a picker and every municipality by county (works without JS). */
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
