/**
 * --dirty: plants realistic faults in about 0.5 % of rows (at least a few of each kind) and
 * records every one in the sidecar _planlagte_feil.csv (tabell, linje, kolonne, aarsak_kode).
 * Faults never cascade: personer faults go only on persons whose other rows are withheld, and a
 * duplicate is an extra row whose first occurrence stays valid.
 */
import { tableSpec } from '../contract/tables.ts';
import type { RejectionCode } from '../contract/rejections.ts';
import type { PersonTable } from './context.ts';
import * as k from './fault-kinds.ts';
import type { FaultKind } from './fault-kinds.ts';
import type { Rng } from './prng.ts';
import type { CsvFile } from './writer.ts';

export interface PlantedFault {
  readonly tabell: string;
  readonly linje: number;
  readonly kolonne: string;
  readonly aarsak_kode: RejectionCode;
}

/** Kinds for the personer rows of withheld persons (no rows elsewhere, so nothing cascades). */
const PERSON_KINDS: readonly FaultKind[] = [
  k.badDateFormat('ankomstdato'), k.impossibleDate('forste_tillatelse_dato'), k.futureDate('utvandret_dato', false),
  k.endBeforeStart('ankomstdato', 'bosettingsdato'), k.badMonth('fodt'), k.unknownCode('tillatelse', ['ASYL', 'FLYKTNING', 'X99']),
  k.unknownCode('kjonn', ['3', 'M', 'K']), k.unknownKommune('bosettingskommune'), k.nonBoolean('barn_under_18'),
  k.wrongFieldCount, k.fnrAsId, k.duplicateRow,
];

const TABLE_KINDS: Readonly<Partial<Record<PersonTable, readonly FaultKind[]>>> = {
  introprogram: [
    k.unknownKommune('kommune'), k.nonBoolean('heltid'), k.endBeforeStart('startdato', 'sluttdato'),
    k.badDateFormat('vedtaksdato'), k.duplicateRow, k.unknownPersonRow, k.wrongFieldCount,
  ],
  maal: [
    k.nonCefr('lytte'), k.nonCefr('muntlig'), k.unknownCode('sluttmaal', ['jobb', 'vgs', 'hoyskole']),
    k.impossibleDate('dato'), k.wrongFieldCount, k.unknownPersonRow,
  ],
  elementer: [
    k.unknownCode('element', ['praksis', 'spraakpraksis', 'kurs_x']), k.endBeforeStart('startdato', 'sluttdato'),
    k.futureDate('sluttdato'), k.nonBoolean('heltid'), k.wrongFieldCount,
  ],
  oppstart: [
    k.unknownCode('type', ['kartlegging', 'plan']), k.badDateFormat('dato'), k.nonBoolean('med_hjelp', true),
    k.unknownCode('utfort_av', ['nav', 'staten']),
  ],
  norsktimer: [
    k.negative('timer'), k.badMonth('aar_mnd'), k.notNumber('timer'), k.duplicateRow, k.unknownPersonRow, k.wrongFieldCount,
  ],
  avslutning: [
    k.unknownCode('hovedaarsak', ['jobbet', 'skole', 'Sluttet']), k.impossibleDate('dato'),
    k.nonBoolean('sluttmaal_oppnaadd', true), k.futureDate('dato'),
  ],
  proever: [k.badTestResult, k.unknownCode('delprove', ['snakke', 'lesing']), k.futureDate('dato')],
  utfall: [
    k.unknownKommune('bosted'), k.nonBoolean('sysselsatt'), k.negative('yrkesinntekt'), k.duplicateRow,
    k.unknownPersonRow, k.wrongFieldCount,
  ],
  utdanning_norge: [k.unknownCode('nivaa', ['master', 'bachelor']), k.badDateFormat('dato')],
};

/** Expected rows per person, to lift the rate in small tables so every kind occurs a few times. */
const ROWS_PER_PERSON: Readonly<Record<PersonTable, number>> = {
  personer: 1, introprogram: 0.4, maal: 0.7, elementer: 1.8, oppstart: 0.8, norsktimer: 12,
  avslutning: 0.3, proever: 2, utfall: 4, utdanning_norge: 0.12,
};

export const FAULT_RATE = 0.005;
const MIN_PER_KIND = 4;

export class DirtyPlanter {
  readonly faults: PlantedFault[] = [];
  private readonly next = new Map<string, number>();
  private readonly rates = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    persons: number,
    private readonly unknownKommuner: readonly string[],
  ) {
    for (const [table, per] of Object.entries(ROWS_PER_PERSON)) {
      const kinds = table === 'personer' ? PERSON_KINDS.length : (TABLE_KINDS[table as PersonTable]?.length ?? 0);
      this.rates.set(table, Math.min(0.2, Math.max(FAULT_RATE, (MIN_PER_KIND * kinds * 1.5) / (persons * per))));
    }
  }

  /** Whether the next person is withheld and gets a faulty personer row instead. */
  withholdPerson(): boolean {
    return this.rng.chance(this.rates.get('personer') ?? FAULT_RATE);
  }

  /** Writes a withheld person's personer row with one fault (falls back to a clean row). */
  writeFaultyPerson(file: CsvFile, fields: readonly string[]): void {
    if (!this.tryKinds(file, 'personer', PERSON_KINDS, fields)) file.row(fields);
  }

  /** Writes a row, planting a fault at the table's rate. */
  write(file: CsvFile, table: PersonTable, fields: readonly string[]): void {
    const kinds = TABLE_KINDS[table];
    if (kinds && this.rng.chance(this.rates.get(table) ?? FAULT_RATE) && this.tryKinds(file, table, kinds, fields)) return;
    file.row(fields);
  }

  /** Tries kinds round-robin from the table's pointer until one applies to this row. */
  private tryKinds(file: CsvFile, table: string, kinds: readonly FaultKind[], fields: readonly string[]): boolean {
    const spec = tableSpec(table);
    if (!spec) return false;
    const ctx = { rng: this.rng, cols: spec.columns.map((c) => c.name), unknownKommuner: this.unknownKommuner };
    const start = this.next.get(table) ?? 0;
    for (let i = 0; i < kinds.length; i++) {
      const idx = (start + i) % kinds.length;
      const res = (kinds[idx] as FaultKind)(fields, ctx);
      if (!res) continue;
      this.next.set(table, idx + 1);
      res.rows.forEach((r, j) => {
        const line = file.row(r);
        // Ingest reports a duplicate under the first column of the table's unique key.
        const kolonne = res.reason === 'duplikat' ? (spec.unique?.[0] ?? '') : res.column;
        if (j === res.faulty) this.faults.push({ tabell: table, linje: line, kolonne, aarsak_kode: res.reason });
      });
      return true;
    }
    return false;
  }
}

/** Four-digit codes that are no municipality in any structure. */
export function unknownKommuneCodes(known: ReadonlySet<string>): string[] {
  return ['0199', '2399', '4699', '5099', '1899', '0899', '2999', '3999'].filter((c) => !known.has(c));
}
