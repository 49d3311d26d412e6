/**
 * A small hand-made publication for the dashboard's browser tests: I1, I3, P4 and R2 over the
 * country, two counties and four municipalities, 2018–2023, old act / new act / both, the total
 * group and the three intro subgroups. Kinn (4602) is suppressed everywhere (its county, Vestland,
 * is published), and Sogndal (4640) has no data for under_25 — so the pages must explain ':' and
 * '..' and offer the county figure. Values are deterministic functions of the key.
 */
import type { Gruppe, Ledd, Lovregime, ResultRow, Kohort } from '../../src/contract/results.ts';
import { ANALYSIS_COLUMNS, type AnalysisRow } from '../../src/contract/analysis.ts';
import { loadResults, saveResults, type PublicationMeta } from '../../src/publish/index.ts';
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
  const size = key.region.niva === 'land' ? 2400 : key.region.niva === 'fylke' ? 300 : ({ '0301': 90, '4640': 30 } as Record<string, number>)[key.region.code] ?? 60;
  const share = ({ under_25: 0.3, har_vgo: 0.25, ovrige: 0.45 } as Record<string, number>)[key.gruppe] ?? 1;
  const nevner = Math.round(size * share);
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

/** Pooled windows are written when the publish stage stores `vindu` (checked once per process). */
let windowsStored: Promise<boolean> | undefined;
export function publishStoresWindows(): Promise<boolean> {
  return (windowsStored ??= (async () => {
    const probe = await openStore(':memory:');
    try {
      const row = browserFixtureRows()[0]!;
      await saveResults(probe, [{ ...row, vindu: 3 }], BROWSER_META);
      const back = await loadResults(probe, { indikator: row.indikator });
      return back[0]?.vindu === 3;
    } finally {
      await probe.close();
    }
  })());
}

/**
 * Pooled 3-year windows at municipality level (periode = the window's last year): the sums of the
 * yearly cells, so Kinn — suppressed every single year — is published pooled.
 */
export function pooledFixtureRows(): ResultRow[] {
  const yearly = browserFixtureRows().filter((r) => r.regionniva === 'kommune' && r.lovregime === 'alle');
  const out: ResultRow[] = [];
  for (const r of yearly) {
    if (r.periode < 2020) continue;
    // The sum of the window's three years (each year's nevner varies by group, as the yearly cells do).
    const nevner = 3 * (r.region === SUPPRESSED_KOMMUNE ? 12 : (r.nevner ?? 60));
    if (r.region === NO_DATA_KOMMUNE && r.gruppe === 'under_25') {
      out.push({ ...r, vindu: 3 });
      continue;
    }
    const verdi = r.region === SUPPRESSED_KOMMUNE ? 47.5 : (r.verdi ?? 50);
    const mean = r.teller === null && r.indikator === 'I3';
    const half = mean ? 25 : 1.96 * Math.sqrt((verdi * (100 - verdi)) / nevner);
    out.push({
      ...r, vindu: 3, nevner, verdi, teller: mean ? null : Math.round((verdi / 100) * nevner), status: '',
      ki_nedre: Math.round((verdi - half) * 10) / 10, ki_ovre: Math.round((verdi + half) * 10) / 10,
    });
  }
  return out;
}

/** Municipalities of the funnel plot (real codes, so names resolve); Bergen and Kinn among them. */
const FUNNEL_KOMMUNER = ['0301', '1101', '1103', '1106', '1108', '1111', '1119', '1120', '1121', '1124', '1127', '1130', '1149', '1505', '1506', '1508', '1520', '1531', '4601', SUPPRESSED_KOMMUNE, NO_DATA_KOMMUNE];

const a = (p: Partial<AnalysisRow> & Pick<AnalysisRow, 'analyse' | 'indikator' | 'maal' | 'sammenligning' | 'region' | 'regionniva'>): AnalysisRow => ({
  kohort: 'bosettingskohort', botid: null, gruppe: 'alle', periode: '2020-2022', n: null, observert: null, forventet: null,
  differanse: null, ki_nedre: null, ki_ovre: null, krympet: null, vurdering: null, status: '', ...p,
});

/** Hand-made analyses (A1 R2 two years after settlement; A2 for Bergen; A3 for P4 and R2). */
export function analysisFixtureRows(): AnalysisRow[] {
  const rows: AnalysisRow[] = [];
  FUNNEL_KOMMUNER.forEach((code, i) => {
    const base = { analyse: 'A1' as const, indikator: 'R2', maal: 'andel', botid: 2, sammenligning: 'kommune_mot_forventet', region: code, regionniva: 'kommune' as const };
    if (code === '4601') {
      rows.push(a({ ...base, n: 412, observert: 54, forventet: 50, differanse: 4, ki_nedre: -1, ki_ovre: 9, krympet: 3.1, vurdering: 'som_forventet' }));
      rows.push(a({ ...base, periode: '2019-2021', n: 380, observert: 51, forventet: 50, differanse: 1, ki_nedre: -4, ki_ovre: 6, krympet: 0.8, vurdering: 'som_forventet' }));
      return;
    }
    if (code === NO_DATA_KOMMUNE) {
      rows.push(a({ ...base, status: ':' }));
      return;
    }
    const n = 25 + ((i * 37) % 400);
    const d = ((i * 7) % 19) - 9;
    const se = 100 * Math.sqrt(0.25 / n);
    const lo = Math.round((d - 1.96 * se) * 10) / 10;
    const hi = Math.round((d + 1.96 * se) * 10) / 10;
    rows.push(a({ ...base, n, observert: 50 + d, forventet: 50, differanse: d, ki_nedre: lo, ki_ovre: hi, krympet: d / 2, vurdering: lo > 0 ? 'hoyere' : hi < 0 ? 'lavere' : 'som_forventet' }));
  });
  // A2 for Bergen: each link's key indicator, adjusted; programme results significantly lower.
  rows.push(a({ analyse: 'A2', indikator: 'I1', maal: 'grunnskole', kohort: 'aktive', sammenligning: 'ledd_innsats', region: '4601', regionniva: 'kommune', n: 300, observert: 30, forventet: 31, differanse: -1, ki_nedre: -5, ki_ovre: 3, vurdering: 'som_forventet' }));
  rows.push(a({ analyse: 'A2', indikator: 'P4', maal: 'b1_muntlig', sammenligning: 'ledd_programresultat', region: '4601', regionniva: 'kommune', n: 280, observert: 49, forventet: 55, differanse: -6, ki_nedre: -10, ki_ovre: -2, vurdering: 'lavere' }));
  rows.push(a({ analyse: 'A2', indikator: 'R2', maal: 'andel', botid: 2, sammenligning: 'ledd_integreringsresultat', region: '4601', regionniva: 'kommune', n: 412, observert: 54, forventet: 50, differanse: 4, ki_nedre: -1, ki_ovre: 9, vurdering: 'som_forventet' }));
  rows.push(a({ analyse: 'A2', indikator: 'P4', maal: 'programresultat', sammenligning: 'svakeste_ledd', region: '4601', regionniva: 'kommune', n: 280, observert: 49, forventet: 55, differanse: -6, ki_nedre: -10, ki_ovre: -2, vurdering: 'lavere' }));
  // A3: new vs old act, raw and adjusted, over the overlap years; and the standardised old-act line.
  for (const [indikator, maal, botid] of [['P4', 'b1_muntlig', null], ['R2', 'andel', 2]] as const) {
    const common = { analyse: 'A3' as const, indikator, maal, botid, gruppe: (indikator === 'P4' ? 'intro' : 'alle') as AnalysisRow['gruppe'], region: '0', regionniva: 'land' as const, periode: '2021-2022' };
    rows.push(a({ ...common, sammenligning: 'ny_mot_gammel_lov', n: 4800, observert: 64, forventet: 58, differanse: 6, ki_nedre: 4.1, ki_ovre: 7.9 }));
    rows.push(a({ ...common, sammenligning: 'ny_mot_gammel_lov_justert', n: 4800, observert: 64, forventet: 62.5, differanse: 1.5, ki_nedre: -0.6, ki_ovre: 3.6 }));
    for (let y = 2018; y <= 2021; y++) {
      rows.push(a({ ...common, periode: String(y), sammenligning: 'gammel_lov_standardisert', n: 2400, observert: 50 + (y - 2018) * 1.5, forventet: 55 + (y - 2018) * 1.5 }));
    }
  }
  return rows;
}

export const ANALYSIS_MODEL_META = {
  analyse: 'A1', indikator: 'R2', maal: 'andel', formula: 'sysselsatt ~ alder + kjonn + landgruppe + utdanning + barn + kategori + aar + ledighet',
  covariates: ['alder', 'kjonn', 'landgruppe'], n: 9000, missing: { utdanning: 12 }, fit: { phi_2020_2022: 1.3, tau2_2020_2022: 4 }, software: 'fixture', fittedAt: '2024-06-01T12:00:00Z',
};

export interface FixtureOptions {
  /** Write pub_analyser / pub_analyser_modeller (default true). */
  readonly analyses?: boolean;
}

/** A fresh in-memory store with the publication and an ingest report; close it after use. */
export async function browserFixtureStore(opts: FixtureOptions = {}): Promise<Store> {
  const store = await openStore(':memory:');
  await store.run('CREATE TABLE ingest_filer (fil VARCHAR, tabell VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER)');
  await store.append('ingest_filer', [
    ['personer.csv', 'personer', 1200, 1188, 12],
    ['introprogram.csv', 'introprogram', 900, 900, 0],
  ]);
  await store.run('CREATE TABLE ingest_avviste (tabell VARCHAR, fil VARCHAR, linje INTEGER, kolonne VARCHAR, aarsak_kode VARCHAR, aarsak VARCHAR, verdi VARCHAR)');
  await store.append('ingest_avviste', [
    ...Array.from({ length: 8 }, (_, i) => ['personer', 'personer.csv', 10 + i, 'fodt', 'ugyldig_dato', 'ugyldig dato', 'x']),
    ...Array.from({ length: 4 }, (_, i) => ['personer', 'personer.csv', 40 + i, 'kjonn', 'ukjent_kode', 'ukjent kode', '9']),
  ]);
  await store.run('CREATE TABLE kommune_aar (kommune VARCHAR, aar INTEGER, sentralitet INTEGER)');
  await store.append('kommune_aar', [['0301', 2023, 1], ['4601', 2023, 2], ['4602', 2023, 5], ['4640', 2023, 5], ['4601', 2022, 3]]);
  const pooled = (await publishStoresWindows()) ? pooledFixtureRows() : [];
  await saveResults(store, [...browserFixtureRows(), ...pooled], BROWSER_META, { availability: BROWSER_AVAILABILITY });
  if (opts.analyses !== false) {
    await store.run(`CREATE TABLE pub_analyser (${ANALYSIS_COLUMNS.map((c) => `"${c}" ${['botid'].includes(c) ? 'INTEGER' : ['n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet'].includes(c) ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`);
    await store.append('pub_analyser', analysisFixtureRows().map((r) => ANALYSIS_COLUMNS.map((c) => r[c])));
    await store.run('CREATE TABLE pub_analyser_modeller ("analyse" VARCHAR, indikator VARCHAR, maal VARCHAR, meta_json VARCHAR)');
    await store.append('pub_analyser_modeller', [['A1', 'R2', 'andel', JSON.stringify(ANALYSIS_MODEL_META)]]);
  }
  return store;
}
