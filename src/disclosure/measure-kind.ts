/**
 * What disclosure knows about each published measure, read from the catalogue only: its kind (whose
 * primary rule is in catalogue/measure-kinds.ts), its distribution and the measure it derives from.
 * A row whose measure the catalogue does not list is an error, never a guess.
 */
import type { IndicatorMeta, MeasureKind, MeasureMeta } from '../catalogue/types.ts';
import { measureKind } from '../catalogue/measure-kinds.ts';
import type { ResultRow } from '../contract/results.ts';

/** What disclosure needs to know about one measure of one indicator. */
export interface MeasureInfo {
  readonly kind: MeasureKind;
  /** Key of the distribution the measure belongs to (numerators add up to one denominator). */
  readonly additiveGroup: string | null;
  /** The measure this one is computed from (suppressed together with it), or null. */
  readonly derivedFrom?: string | null;
  /** A sensitive attribute (catalogue `sensitive`): "everyone in the group has it" must not be shown. */
  readonly sensitive?: boolean;
}

/** Lookup from (indikator, maal) to kind and additive group; families ('hoved:*') match by prefix. */
export class MeasureLookup {
  private readonly exact = new Map<string, MeasureInfo>();
  private readonly families: { indikator: string; prefix: string; info: MeasureInfo }[] = [];
  private readonly cache = new Map<string, MeasureInfo>();
  private readonly derivedIn = new Set<string>();

  constructor(catalogue: readonly IndicatorMeta[]) {
    for (const ind of catalogue) {
      // A sensitive attribute is a count of persons who have it (shares; docs/disclosure.md).
      for (const m of ind.maal) this.add(ind.id, m, ind.sensitive !== undefined && measureKind(m.kind).numerator);
      if (ind.maal.some((m) => m.derivedFrom)) this.derivedIn.add(ind.id);
    }
  }

  /** Whether the indicator has a derived measure (catalogue `derivedFrom`). */
  hasDerived(indikator: string): boolean {
    return this.derivedIn.has(indikator);
  }

  private add(indikator: string, m: MeasureMeta, sensitive: boolean): void {
    if (m.kode.endsWith('*')) {
      const prefix = m.kode.slice(0, -1);
      // The P1 main-reason family is a distribution even if the catalogue forgot to say so
      // (output contract: `hoved:<reason code>` = the one main reason of each person).
      const group = m.additiveGroup ?? (prefix === 'hoved:' ? `${indikator}:hoved` : null);
      this.families.push({ indikator, prefix, info: { kind: m.kind, additiveGroup: group, sensitive } });
    } else {
      this.exact.set(`${indikator}\u0000${m.kode}`, { kind: m.kind, additiveGroup: m.additiveGroup ?? null, derivedFrom: m.derivedFrom ?? null, sensitive });
    }
  }

  /** Kind and group for a row's measure, from the catalogue; throws for a measure the catalogue does not list. */
  info(row: Pick<ResultRow, 'indikator' | 'maal'>): MeasureInfo {
    const key = `${row.indikator}\u0000${row.maal}`;
    const hit = this.exact.get(key) ?? this.cache.get(key);
    if (hit) return hit;
    const fam = this.families.find((f) => f.indikator === row.indikator && row.maal.startsWith(f.prefix));
    if (!fam) throw new Error(`Disclosure: measure ${row.indikator}.${row.maal} is not in the catalogue, so its kind (and rule) is unknown`);
    this.cache.set(key, fam.info);
    return fam.info;
  }
}
