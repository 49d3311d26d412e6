/**
 * Reads a CSV file into the staging table `_stg` (ln, nf, one VARCHAR per contract column) with
 * exact physical line numbers: DuckDB reads one row per physical line (in file order, blank lines
 * kept as NULL), and the fields are split in SQL. A record whose quoted field contains line
 * breaks spans several physical lines; those lines are found by their odd number of quote
 * characters, paired, and joined, and the record gets the line number of its first line.
 */
import type { Store } from '../store/index.ts';
import { sql } from '../store/index.ts';
import type { TableSpec } from '../contract/index.ts';
import type { CsvSource } from './sniff.ts';

export interface StageResult {
  readonly rowsRead: number;
  readonly notes: string[];
  /** Set when the file must be refused after reading (mojibake found). */
  readonly refusal?: string;
}

/** Pairs lines with an odd number of quotes: [open, close] spans, and a last unclosed one. */
export function pairQuoteToggles(toggles: readonly number[]): { spans: [number, number][]; unclosed: number | null } {
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < toggles.length; i += 2) spans.push([toggles[i]!, toggles[i + 1]!]);
  return { spans, unclosed: toggles.length % 2 === 1 ? toggles[toggles.length - 1]! : null };
}

/** Double-encoded UTF-8 (æ read as "Ã¦"): Ã followed by a Latin-1 supplement or cp1252 punctuation character. */
const MOJIBAKE = 'Ã[\\x{0080}-\\x{00BF}\\x{2020}\\x{2026}\\x{02DC}\\x{0152}\\x{0160}\\x{017D}\\x{201A}-\\x{201E}\\x{2122}]';

async function firstMojibakeLine(store: Store): Promise<number | null> {
  const rows = await store.all<{ ln: number | null }>(
    `SELECT min(rowid) + 1 AS ln FROM _lines WHERE contains(l, 'Ã') AND regexp_matches(l, ${sql.lit(MOJIBAKE)})`,
  );
  return rows[0]?.ln ?? null;
}

/** Creates the records relation and returns its name (a view when no record spans lines). */
async function buildRecords(store: Store, notes: string[]): Promise<string> {
  const toggles = await store.all<{ r: number }>(
    `SELECT rowid AS r FROM _lines WHERE rowid > 0 AND l IS NOT NULL ` +
      `AND (length(l) - length(replace(l, '"', ''))) % 2 = 1 ORDER BY rowid`,
  );
  const { spans, unclosed } = pairQuoteToggles(toggles.map((t) => Number(t.r)));
  const plain = `SELECT (rowid + 1)::INTEGER AS ln, rtrim(l, chr(13)) AS l FROM _lines WHERE rowid > 0 AND l IS NOT NULL`;
  if (unclosed !== null) notes.push(`linje ${unclosed + 1}: anførselstegn som aldri lukkes`);
  if (spans.length === 0) {
    await store.run(`CREATE OR REPLACE TEMP VIEW _rec_v AS ${plain}`);
    return '_rec_v';
  }
  notes.push(`${spans.length} rad(er) med linjeskift inne i anførselstegn; linjenummer er radens første linje`);
  await store.run('CREATE OR REPLACE TEMP TABLE _spans (s BIGINT, e BIGINT)');
  for (let i = 0; i < spans.length; i += 1000) {
    const values = spans.slice(i, i + 1000).map(([s, e]) => `(${s}, ${e})`).join(', ');
    await store.run(`INSERT INTO _spans VALUES ${values}`);
  }
  // Each line finds the latest span starting at or before it (ASOF); inside it when rowid ≤ e.
  await store.run(`CREATE OR REPLACE TEMP TABLE _rec_t AS
    WITH tagged AS (
      SELECT x.rowid AS r, x.l, CASE WHEN x.rowid <= sp.e THEN sp.s END AS s
      FROM (SELECT rowid, l FROM _lines) x ASOF LEFT JOIN _spans sp ON x.rowid >= sp.s)
    SELECT (r + 1)::INTEGER AS ln, rtrim(l, chr(13)) AS l FROM tagged WHERE s IS NULL AND r > 0 AND l IS NOT NULL
    UNION ALL
    SELECT (s + 1)::INTEGER AS ln, string_agg(rtrim(coalesce(l, ''), chr(13)), chr(10) ORDER BY r) AS l
    FROM tagged WHERE s IS NOT NULL GROUP BY s`);
  return '_rec_t';
}

/** Loads `source` into `_stg` for table `spec`, given the matched column positions. */
export async function stageCsv(
  store: Store,
  source: CsvSource,
  spec: TableSpec,
  position: ReadonlyMap<string, number>,
): Promise<StageResult> {
  const notes: string[] = [];
  await store.run(`CREATE OR REPLACE TEMP TABLE _lines AS SELECT l FROM ${sql.readLines(source.path)}`);
  const moji = await firstMojibakeLine(store);
  if (moji !== null) {
    return {
      rowsRead: 0,
      notes,
      refusal: `linje ${moji} ser ut som dobbeltkodet UTF-8 (f.eks. «Ã¸» for «ø»): filen lastes ikke / line ${moji} looks like double-encoded UTF-8 (mojibake): file not loaded`,
    };
  }
  const blank = await store.all<{ n: number }>('SELECT count(*) AS n FROM _lines WHERE rowid > 0 AND l IS NULL');
  const rec = await buildRecords(store, notes);
  const d = source.skilletegn;
  const cols = spec.columns.map((c) => {
    const pos = position.get(c.name);
    return pos === undefined ? `NULL::VARCHAR AS ${sql.quoteIdent(c.name)}` : `NULLIF(f[${pos}], '') AS ${sql.quoteIdent(c.name)}`;
  });
  await store.run(`CREATE OR REPLACE TEMP TABLE _stg AS
    SELECT ln, CASE WHEN wf THEN len(f) ELSE -1 END AS nf, ${cols.join(', ')}
    FROM (SELECT ln, ${sql.csvFields('l', d)} AS f, ${sql.csvWellFormed('l', d)} AS wf FROM ${rec})`);
  await store.run(rec === '_rec_v' ? 'DROP VIEW _rec_v' : 'DROP TABLE _rec_t; DROP TABLE _spans');
  await store.run('DROP TABLE IF EXISTS _lines');
  const n = await store.all<{ n: number }>('SELECT count(*) AS n FROM _stg');
  const blanks = Number(blank[0]?.n ?? 0);
  if (blanks > 0) notes.push(`${blanks} tomme linjer hoppet over`);
  return { rowsRead: Number(n[0]?.n ?? 0), notes };
}
