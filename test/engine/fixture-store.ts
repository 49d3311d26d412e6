/**
 * Builds a tiny in-memory store with the schema ingest produces (one typed table per contract
 * table; kommune columns harmonised with the original in <col>_opprinnelig; ingest_kjoring and
 * ref_kommuner), so engine tests do not depend on the ingest stage.
 */
import { TABLES, type ColumnType } from '../../src/contract/tables.ts';
import { openStore, sql, type SqlValue, type Store } from '../../src/store/index.ts';

const DUCK_TYPE: Record<ColumnType, string> = {
  pseudonym: 'VARCHAR', string: 'VARCHAR', date: 'DATE', month: 'DATE', int: 'INTEGER', number: 'DOUBLE',
  bool: 'BOOLEAN', kommune: 'VARCHAR', code: 'VARCHAR',
};

export type FixtureRow = Record<string, SqlValue | undefined>;
export type FixtureData = Partial<Record<string, readonly FixtureRow[]>>;

/** Creates the store: every table in `data` (others are absent, as when a file is not delivered). */
export async function fixtureStore(data: FixtureData, lastDate: string): Promise<Store> {
  const store = await openStore(':memory:');
  for (const spec of TABLES) {
    const rows = data[spec.name];
    if (!rows) continue;
    const cols: [string, string][] = [];
    for (const c of spec.columns) {
      cols.push([c.name, DUCK_TYPE[c.type]]);
      if (c.type === 'kommune') cols.push([`${c.name}_opprinnelig`, 'VARCHAR']);
    }
    await store.run(`CREATE TABLE ${spec.name} (${cols.map(([n, t]) => `${sql.quoteIdent(n)} ${t}`).join(', ')})`);
    for (const row of rows) {
      const values = cols.map(([n, t]) => {
        const v = row[n];
        if (v === undefined || v === null) return null;
        // month columns are stored as the first of the month
        return t === 'DATE' && typeof v === 'string' && v.length === 7 ? `${v}-01` : v;
      });
      await store.run(
        `INSERT INTO ${spec.name} VALUES (${cols.map(([, t], i) => `CAST($${i + 1} AS ${t})`).join(', ')})`,
        values,
      );
    }
  }
  await store.run(`CREATE TABLE ingest_kjoring (data_siste_dato DATE)`);
  await store.run(`INSERT INTO ingest_kjoring VALUES (${sql.dateLit(lastDate)})`);
  await store.run(`CREATE TABLE ref_kommuner (kommune VARCHAR, navn VARCHAR, fylke VARCHAR, fylkesnavn VARCHAR)`);
  await store.run(`INSERT INTO ref_kommuner VALUES
    ('0301', 'Oslo', '03', 'Oslo'), ('3101', 'Halden', '31', 'Østfold'),
    ('4601', 'Bergen', '46', 'Vestland'), ('9999', 'Uoppgitt', '99', 'Uoppgitt')`);
  return store;
}
