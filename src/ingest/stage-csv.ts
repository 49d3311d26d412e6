/**
 * Reads a CSV file into the staging table `_stg` (ln, nf, one VARCHAR per contract column) with
 * exact physical line numbers: one row per physical line (in file order, blank lines kept as
 * NULL; DuckDB's parallel line reader for plain files, an exact split on LF for mixed line ends,
 * lone CRs and very long lines), and the fields are split in SQL. A record whose quoted field
 * contains line breaks spans several physical lines; those lines are found by their odd number
 * of quote characters and paired with resynchronisation (pairQuoteToggles): a pair is joined
 * only when it gives a well-formed record, so an unbalanced quote costs one rejected line.
 * A record gets the line number of its first line.
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

/**
 * A quoted field may span at most this many physical lines; a quote that does not close within
 * it counts as never closed (the line is rejected and reading goes on with the next line).
 */
export const MAX_RECORD_LINES = 1000;

/**
 * Pairs the lines with an odd number of quote characters into multi-line records, RFC 4180 with
 * resynchronisation: toggle i opens a record closed by toggle i + 1 only when the joined lines
 * form a valid record (`valid(i)`, see validPairs); otherwise line i alone
 * is a broken record (rejected) and the next toggle is tried as an opener. So an unbalanced
 * quote costs its own line, never the lines after it.
 */
export function pairQuoteToggles(
  toggles: readonly number[],
  valid: (i: number) => boolean = () => true,
): { spans: [number, number][]; broken: number[] } {
  const spans: [number, number][] = [];
  const broken: number[] = [];
  let i = 0;
  while (i < toggles.length) {
    if (i + 1 < toggles.length && valid(i)) {
      spans.push([toggles[i]!, toggles[i + 1]!]);
      i += 2;
    } else {
      broken.push(toggles[i]!);
      i += 1;
    }
  }
  return { spans, broken };
}

/** Double-encoded UTF-8 (æ read as "Ã¦"): Ã followed by a Latin-1 supplement or cp1252 punctuation character. */
const MOJIBAKE = 'Ã[\\x{0080}-\\x{00BF}\\x{2020}\\x{2026}\\x{02DC}\\x{0152}\\x{0160}\\x{017D}\\x{201A}-\\x{201E}\\x{2122}]';

async function firstMojibakeLine(store: Store): Promise<number | null> {
  const rows = await store.all<{ ln: number | null }>(
    `SELECT min(rowid) + 1 AS ln FROM _lines WHERE contains(l, 'Ã') AND regexp_matches(l, ${sql.lit(MOJIBAKE)})`,
  );
  return rows[0]?.ln ?? null;
}

/** SQL: the text is one well-formed record with the header's field count. */
function whole(l: string, delimiter: string, fieldCount: number): string {
  return `(${sql.csvWellFormed(l, delimiter)} AND len(${sql.csvFields(l, delimiter)}) = ${fieldCount})`;
}

/**
 * Indexes i for which toggles i and i + 1 join into a valid record (see pairQuoteToggles): the
 * joined lines are one well-formed record with the header's field count, span fewer than
 * MAX_RECORD_LINES lines, and no line between them is a complete record by itself (an
 * unbalanced quote 490 lines before another would otherwise swallow the 488 rows between).
 */
async function validPairs(store: Store, toggles: readonly number[], delimiter: string, fieldCount: number): Promise<Set<number>> {
  await store.run('CREATE OR REPLACE TEMP TABLE _tog (i INTEGER, r BIGINT)');
  for (let k = 0; k < toggles.length; k += 1000) {
    const values = toggles.slice(k, k + 1000).map((r, j) => `(${k + j}, ${r})`).join(', ');
    await store.run(`INSERT INTO _tog VALUES ${values}`);
  }
  const rows = await store.all<{ i: number }>(`
    WITH pairs AS (
      SELECT a.i, a.r AS s, b.r AS e FROM _tog a JOIN _tog b ON b.i = a.i + 1 WHERE b.r - a.r < ${MAX_RECORD_LINES}),
    inside AS (
      SELECT p.i, p.s, p.e, x.r, rtrim(coalesce(x.l, ''), chr(13)) AS l
      FROM pairs p JOIN (SELECT rowid AS r, l FROM _lines) x ON x.r BETWEEN p.s AND p.e),
    joined AS (
      SELECT i, string_agg(l, chr(10) ORDER BY r) AS l,
        -- an inner line that is a complete record by itself: the quote would swallow real rows
        count(*) FILTER (WHERE r > s AND r < e AND l <> '' AND ${whole('l', delimiter, fieldCount)}) AS whole_inner
      FROM inside GROUP BY i)
    SELECT i FROM joined WHERE whole_inner = 0 AND ${whole('l', delimiter, fieldCount)}`);
  await store.run('DROP TABLE _tog');
  return new Set(rows.map((r) => Number(r.i)));
}

/** Creates the records relation and returns its name (a view when no record spans lines). */
async function buildRecords(store: Store, notes: string[], delimiter: string, fieldCount: number): Promise<string> {
  const toggles = await store.all<{ r: number }>(
    `SELECT rowid AS r FROM _lines WHERE rowid > 0 AND l IS NOT NULL ` +
      `AND (length(l) - length(replace(l, '"', ''))) % 2 = 1 ORDER BY rowid`,
  );
  const rs = toggles.map((t) => Number(t.r));
  const plain = `SELECT (rowid + 1)::INTEGER AS ln, rtrim(l, chr(13)) AS l FROM _lines WHERE rowid > 0 AND l IS NOT NULL`;
  const valid = rs.length > 1 ? await validPairs(store, rs, delimiter, fieldCount) : new Set<number>();
  const { spans, broken } = pairQuoteToggles(rs, (i) => valid.has(i));
  if (broken.length > 0) {
    const shown = broken.slice(0, 10).map((r) => r + 1).join(', ');
    notes.push(
      `${broken.length} linje(r) med anførselstegn som ikke lukkes innenfor en gyldig rad: linje ${shown}${broken.length > 10 ? ' …' : ''}; ` +
        'hver slik linje avvises alene, og lesingen fortsetter på neste linje',
    );
  }
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
  // Blank lines are NULL in both readers (a CRLF file's empty line too).
  await store.run(
    source.lineMode === 'fast'
      ? `CREATE OR REPLACE TEMP TABLE _lines AS SELECT l FROM ${sql.readLines(source.path)}`
      : `CREATE OR REPLACE TEMP TABLE _lines AS SELECT NULLIF(rtrim(l, chr(13)), '') AS l FROM ${sql.readLinesExact(source.path)}`,
  );
  const moji = await firstMojibakeLine(store);
  if (moji !== null) {
    return {
      rowsRead: 0,
      notes,
      refusal: `linje ${moji} ser ut som dobbeltkodet UTF-8 (f.eks. «Ã¸» for «ø»): filen lastes ikke / line ${moji} looks like double-encoded UTF-8 (mojibake): file not loaded`,
    };
  }
  const blank = await store.all<{ n: number }>('SELECT count(*) AS n FROM _lines WHERE rowid > 0 AND l IS NULL');
  const rec = await buildRecords(store, notes, source.skilletegn, source.header.length);
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
