/**
 * A5 data availability (table 6.1 of the report): core indicators × groups, saying whether data
 * exists and for how many persons, computed from what is actually loaded.
 */
import type { IndicatorDef } from '../catalogue/index.ts';
import { GROUPS } from '../contract/dimensions.ts';
import type { Gruppe, ResultRow } from '../contract/results.ts';

const GRUPPER: readonly Gruppe[] = GROUPS.map((g) => g.kode);
import type { Store } from '../store/index.ts';

export interface AvailabilityCell {
  readonly data: boolean;
  /** Persons in the denominator over all periods (country, both regimes, both sexes; link 3: botid 1). */
  readonly personer: number;
}

export interface AvailabilityRow {
  readonly indikator: string;
  readonly navn: { readonly nb: string; readonly en: string };
  readonly kilder: readonly string[];
  readonly manglendeKilder: readonly string[];
  readonly grupper: Readonly<Record<Gruppe, AvailabilityCell>>;
}

export interface Availability {
  readonly generert: string;
  readonly indikatorer: readonly AvailabilityRow[];
}

/** Builds the matrix from the computed rows (before disclosure control) and the missing tables. */
export function availabilityMatrix(defs: readonly IndicatorDef[], rows: readonly ResultRow[], missing: ReadonlyMap<string, readonly string[]>): Availability {
  const persons = new Map<string, number>();
  const firstMeasure = new Map(defs.map((d) => [d.id, d.measures[0]?.kode]));
  for (const r of rows) {
    if (r.status !== '' || r.vindu || r.regionniva !== 'land' || r.lovregime !== 'alle' || r.kjonn !== 'alle') continue;
    if (r.botid !== null && r.botid !== 1) continue;
    const first = firstMeasure.get(r.indikator);
    if (first !== r.maal && !(first?.endsWith('*') ?? false)) continue;
    const key = `${r.indikator}|${r.gruppe}`;
    persons.set(key, (persons.get(key) ?? 0) + (r.nevner ?? 0) + (r.mangler ?? 0));
  }
  const indikatorer = defs.filter((d) => d.kjerne).map((d): AvailabilityRow => {
    const grupper = Object.fromEntries(
      GRUPPER.map((g) => {
        const n = persons.get(`${d.id}|${g}`) ?? 0;
        return [g, { data: n > 0, personer: n }];
      }),
    ) as Record<Gruppe, AvailabilityCell>;
    return { indikator: d.id, navn: d.navn, kilder: d.kilder, manglendeKilder: missing.get(d.id) ?? [], grupper };
  });
  return { generert: new Date().toISOString(), indikatorer };
}

/** Stores the matrix as the table `tilgjengelighet` (one row per indicator × group). */
export async function saveAvailability(store: Store, a: Availability): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS tilgjengelighet`);
  await store.run(`CREATE TABLE tilgjengelighet (indikator VARCHAR, gruppe VARCHAR, data BOOLEAN, personer BIGINT, manglende_kilder VARCHAR)`);
  await store.append('tilgjengelighet', a.indikatorer.flatMap((r) =>
    GRUPPER.map((g) => [r.indikator, g, r.grupper[g].data, r.grupper[g].personer, r.manglendeKilder.join(',')] as const),
  ));
}
