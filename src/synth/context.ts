/** What every table stage receives: the random stream, the row sink and the municipality helpers. */
import type { MunicipalityModel, Municipality } from './municipalities.ts';
import type { Rng } from './prng.ts';
import type { Person } from './types.ts';

/** Table names written by the person stages. */
export type PersonTable =
  | 'personer' | 'introprogram' | 'maal' | 'elementer' | 'oppstart' | 'norsktimer'
  | 'avslutning' | 'proever' | 'utfall' | 'utdanning_norge';

export type Emit = (table: PersonTable, fields: string[]) => void;

export interface GenContext {
  readonly rng: Rng;
  readonly emit: Emit;
  readonly munis: MunicipalityModel;
  /** Municipality code valid at `day` for the person (merged old units chosen per person). */
  codeOf(p: Person, m: Municipality, day: number): string;
  /** Average G of a calendar year (law-rules §8). */
  g(year: number): number;
  /**
   * Planted act effect: percentage points added to the employment probability under the new act.
   * `undefined` = the realistic default: no planted term, but the act still reaches employment
   * through the programme rules (length caps, in-programme status, exit reason). A number (also 0)
   * = the controlled mode: employment has no act-dependent path except exactly this term.
   */
  readonly actEffectPp: number | undefined;
  /** Counts intro participants per 2024 municipality code and year (for KOSTRA figures). */
  countParticipant(code: string, year: number): void;
}

export const bool = (b: boolean): string => (b ? 'true' : 'false');
