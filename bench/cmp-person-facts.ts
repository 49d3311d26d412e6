/**
 * Compares person facts built by the SQL step with the TypeScript oracle on a store, column by
 * column, and prints both times:  node --import tsx bench/cmp-person-facts.ts <store.duckdb>
 */
import { openStore } from '../src/store/index.ts';
import { preparePersonFacts, preparePersonFactsTs, tableNames } from '../src/engine/index.ts';
const db = process.argv[2]!;
const store = await openStore(db);
const tables = await tableNames(store);
let t = performance.now();
await preparePersonFactsTs(store, tables);
console.log('ts', ((performance.now() - t) / 1000).toFixed(2), 's');
await store.run('CREATE OR REPLACE TEMP TABLE pf_ts AS SELECT * FROM person_fakta');
t = performance.now();
await preparePersonFacts(store, tables);
console.log('sql', ((performance.now() - t) / 1000).toFixed(2), 's');
const a = await store.all<{ n: number }>('SELECT count(*) n FROM (SELECT * FROM pf_ts EXCEPT ALL SELECT * FROM person_fakta)');
const b = await store.all<{ n: number }>('SELECT count(*) n FROM (SELECT * FROM person_fakta EXCEPT ALL SELECT * FROM pf_ts)');
console.log('ts-only', a[0]!.n, 'sql-only', b[0]!.n);
const cols = await store.all<{ column_name: string }>("SELECT column_name FROM (DESCRIBE person_fakta)");
for (const { column_name: c } of cols) {
  const d = await store.all<{ n: number }>(`SELECT count(*) n FROM pf_ts t JOIN person_fakta s USING (person_id) WHERE t."${c}" IS DISTINCT FROM s."${c}"`);
  if (Number(d[0]!.n) > 0) {
    const ex = await store.all(`SELECT t.person_id, t."${c}" AS ts, s."${c}" AS sq FROM pf_ts t JOIN person_fakta s USING (person_id) WHERE t."${c}" IS DISTINCT FROM s."${c}" LIMIT 3`);
    console.log(c, d[0]!.n, JSON.stringify(ex));
  }
}
const ty = await store.all("SELECT a.column_name, a.column_type, b.column_type bt FROM (DESCRIBE pf_ts) a JOIN (DESCRIBE person_fakta) b USING (column_name) WHERE a.column_type <> b.column_type");
console.log('type diffs', JSON.stringify(ty));
await store.close();
