/** The 2024 municipality structure (SSB KLASS 131), the target of harmonisation. */
import { readFileSync } from 'node:fs';
import { parseCsvRecords } from './csv-text.ts';
import { refdataPath } from './paths.ts';

export interface Municipality {
  /** 4-digit code, 2024 structure; `9999` = "Uoppgitt" (unknown). */
  readonly kommune: string;
  readonly navn: string;
  /** 2-digit county code. */
  readonly fylke: string;
  readonly fylkesnavn: string;
}

/** The code SSB uses for "municipality not stated"; always valid. */
export const UNKNOWN_MUNICIPALITY = '9999';

/** Parses kommuner_2024.csv text (kommunenummer,kommunenavn,fylkesnummer,fylkesnavn). Pure. */
export function parseMunicipalities(text: string): Municipality[] {
  return parseCsvRecords(text).map((r) => ({
    kommune: r['kommunenummer'] ?? '',
    navn: r['kommunenavn'] ?? '',
    fylke: r['fylkesnummer'] ?? '',
    fylkesnavn: r['fylkesnavn'] ?? '',
  }));
}

/** The 2024 municipalities with their county, read from data/refdata/kommuner_2024.csv. */
export function loadMunicipalities(): Municipality[] {
  return parseMunicipalities(readFileSync(refdataPath('kommuner_2024.csv'), 'utf8'));
}
