/**
 * A municipality's profile: every core indicator (all three links of the results chain) for the
 * municipality with its county and the country beside it, latest period, all groups and regimes,
 * both sexes together (report § 4: compare a municipality with its county and the country).
 */
import type { ResultRow } from '../contract/results.ts';
import { COUNTRY_NAME, categoryLabel } from '../shared/labels.ts';
import { pick, type Lang } from '../shared/lang.ts';
import type { ApiData } from './api-data.ts';
import { ApiError, badRequest } from './errors.ts';

export async function municipalityProfile(data: ApiData, kode: string, lang: Lang): Promise<Record<string, unknown>> {
  if (!/^\d{4}$/.test(kode)) {
    throw badRequest('bad_region', 'Kommunenummer må ha fire sifre.', 'A municipality code has four digits.');
  }
  const kommune = (await data.kommuner()).find((k) => k.kode === kode);
  if (!kommune) throw new ApiError(404, 'unknown_region', `Ukjent kommune: ${kode}.`, `Unknown municipality: ${kode}.`);
  const regions = ['0', kommune.fylke, kommune.kode];
  const indikatorer: Record<string, unknown>[] = [];
  for (const meta of (await data.catalogue()).filter((m) => m.kjerne)) {
    const periode = await data.latestPeriod(meta.id);
    if (periode === null) continue;
    const kjonn = (await data.dimensionValues(meta.id)).get('kjonn') ?? [];
    const rows: ResultRow[] = await data.results({
      indikator: meta.id,
      periode: [String(periode)],
      region: regions,
      ...(kjonn.includes('alle') ? { kjonn: ['alle'] } : {}),
    });
    indikatorer.push({
      id: meta.id,
      ledd: meta.ledd,
      ledd_navn: categoryLabel('ledd', meta.ledd, lang),
      navn: pick(meta.navn, lang),
      kapittel: meta.kapittel,
      periode,
      maal: meta.maal.map((m) => ({ kode: m.kode, navn: pick(m.navn, lang), enhet: m.enhet })),
      malverdier: meta.malverdier ?? [],
      rader: rows,
    });
  }
  return {
    kommune: { kode: kommune.kode, navn: kommune.navn },
    fylke: { kode: kommune.fylke, navn: kommune.fylkesnavn },
    land: { kode: '0', navn: pick(COUNTRY_NAME, lang) },
    indikatorer,
  };
}
