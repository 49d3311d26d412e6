/**
 * A small hand-made publication for the dashboard's browser tests: I1, I3, P4 and R2 over the
 * country, two counties and four municipalities, 2018–2023, old act / new act / both, the total
 * group and the three intro subgroups. Kinn (4602) is suppressed everywhere (its county, Vestland,
 * is published), and Sogndal (4640) has no data for under_25 — so the pages must explain ':' and
 * '..' and offer the county figure. Values are deterministic functions of the key.
 */
import type { Gruppe, Ledd, Lovregime, ResultRow, Kohort } from '../../src/contract/results.ts';
import { saveResults, type PublicationMeta } from '../../src/publish/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';

export const SUPPRESSED_KOMMUNE = '4602';
export const SUPPRESSED_FYLKE = '46';
export const NO_DATA_KOMMUNE = '4640';

const REGIONS: readonly { niva: ResultRow['regionniva']; code: string; shift: number }[] = [
  { niva: 'land', code: '0', shift: 0 },
  { niva: 'fylke', code: '03', shift: 4 },
  { niva: 'fylke', code: '46', shift: -3 },
  { niva: 'kommune', code: '0301', shift: 4 },
  { niva: 'kommune', code: '4601', shift: -2 },
  { niva: 'kommune', code: '4602', shift: -6 },
  { niva: 'kommune', code: '4640', shift: 1 },
];
const GROUPS: readonly { g: Gruppe; shift: number }[] = [
  { g: 'under_25', shift: 8 },
  { g: 'har_vgo', shift: 12 },
  { g: 'ovrige', shift: -9 },
];
const PERIODS = [2018, 2019, 2020, 2021, 2022, 2023];

/** Old act for cohorts up to 2022, new act from 2021 (integreringsloven in force 1 Jan 2021). */
function regimesFor(periode: number): Lovregime[] {
  const r: Lovregime[] = ['alle'];
  if (periode <= 2022) r.push('introduksjonsloven');
  if (periode >= 2021) r.push('integreringsloven');
  return r;
}

interface Spec {
  readonly indikator: string;
  readonly ledd: Ledd;
  readonly kohort: Kohort;
  readonly total: Gruppe;
  readonly measures: readonly { maal: string; base: number; mean?: boolean }[];
  readonly botid?: readonly number[];
}

const SPECS: readonly Spec[] = [
  { indikator: 'I1', ledd: 'innsats', kohort: 'aktive', total: 'intro', measures: [{ maal: 'grunnskole', base: 32 }, { maal: 'vgo', base: 14 }] },
  { indikator: 'I3', ledd: 'innsats', kohort: 'bosettingskohort', total: 'intro', measures: [{ maal: 'snitt', base: 610, mean: true }] },
  { indikator: 'P4', ledd: 'programresultat', kohort: 'bosettingskohort', total: 'intro', measures: [{ maal: 'b1_muntlig', base: 58 }, { maal: 'b1_muntlig_skriftlig', base: 41 }] },
  { indikator: 'R2', ledd: 'integreringsresultat', kohort: 'bosettingskohort', total: 'alle', measures: [{ maal: 'andel', base: 38 }], botid: [1, 2, 3] },
];

function cell(spec: Spec, m: Spec['measures'][number], key: { periode: number; botid: number | null; lovregime: Lovregime; region: (typeof REGIONS)[number]; gruppe: Gruppe; gshift: number }): ResultRow {
  const trend = (key.periode - 2018) * 1.5 + (key.lovregime === 'integreringsloven' ? 2 : 0) + (key.botid ?? 0) * 9;
  const raw = m.base + (m.mean ? 6 : 1) * (trend + key.region.shift + key.gshift);
  const verdi = Math.round((m.mean ? raw : Math.min(99, Math.max(1, raw))) * 10) / 10;
  const nevner = key.region.niva === 'land' ? 2400 : key.region.niva === 'fylke' ? 300 : 60;
  const teller = m.mean ? null : Math.round((verdi / 100) * nevner);
  const base = {
    indikator: spec.indikator, maal: m.maal, ledd: spec.ledd, kohort: spec.kohort, periode: key.periode, botid: key.botid,
    lovregime: key.lovregime, regionniva: key.region.niva, region: key.region.code, gruppe: key.gruppe, kjonn: 'alle' as const, mangler: 2,
  };
  const hidden = { teller: null, verdi: null, ki_nedre: null, ki_ovre: null };
  if (key.region.code === SUPPRESSED_KOMMUNE) return { ...base, ...hidden, nevner: null, status: ':' };
  if (key.region.code === NO_DATA_KOMMUNE && key.gruppe === 'under_25') return { ...base, ...hidden, nevner: null, status: '..' };
  const half = m.mean ? 40 : 1.96 * Math.sqrt((verdi * (100 - verdi)) / nevner);
  return { ...base, teller, nevner, verdi, ki_nedre: Math.round((verdi - half) * 10) / 10, ki_ovre: Math.round((verdi + half) * 10) / 10, status: '' };
}

export function browserFixtureRows(): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const spec of SPECS) {
    for (const m of spec.measures) {
      for (const periode of PERIODS) {
        for (const botid of spec.botid ?? [null]) {
          // Link 3: a cohort settled in Y is only measured up to the data's last year (2023).
          if (botid !== null && periode + botid > 2023) continue;
          for (const lovregime of regimesFor(periode)) {
            for (const region of REGIONS) {
              for (const { g, shift } of [{ g: spec.total, shift: 0 }, ...GROUPS]) {
                rows.push(cell(spec, m, { periode, botid, lovregime, region, gruppe: g, gshift: shift }));
              }
            }
          }
        }
      }
    }
  }
  return rows;
}

export const BROWSER_META: PublicationMeta = {
  disclosure: 'on',
  protectedBy: 'min_nevner+sekundaer',
  thresholds: { minDenominator: 5, minCount: 3, minMeanN: 5 },
  generatedAt: '2024-06-01T12:00:00Z',
  dataLastDate: '2023-12-31',
  fallbacks: [{ indikator: 'P4', kommune: SUPPRESSED_KOMMUNE, fylke: SUPPRESSED_FYLKE, suppressedShare: 1 }],
};

/** Availability as a core-indicator × group matrix (table 6.1). */
export const BROWSER_AVAILABILITY = {
  indikatorer: {
    I1: { under_25: 'full', har_vgo: 'full', ovrige: 'full' },
    I3: { under_25: 'full', har_vgo: 'full', ovrige: 'full' },
    P4: { under_25: 'full', har_vgo: 'delvis', ovrige: 'full' },
    R2: { under_25: 'delvis', har_vgo: 'delvis', ovrige: 'ingen' },
  },
};

/** A fresh in-memory store with the publication and an ingest report; close it after use. */
export async function browserFixtureStore(): Promise<Store> {
  const store = await openStore(':memory:');
  await store.run('CREATE TABLE ingest_filer (fil VARCHAR, tabell VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER)');
  await store.append('ingest_filer', [
    ['personer.csv', 'personer', 1200, 1188, 12],
    ['introprogram.csv', 'introprogram', 900, 900, 0],
  ]);
  await saveResults(store, browserFixtureRows(), BROWSER_META, { availability: BROWSER_AVAILABILITY });
  return store;
}
