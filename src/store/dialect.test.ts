/**
 * The dialect object at two levels (style guide §7): the text DuckDB's methods write for the
 * constructs behind capability flags, then the rows the native and the portable (standard-SQL)
 * forms return on a tiny fixture: they must agree, so a dialect without QUALIFY or GROUP BY ALL
 * gets the same answer from `portable`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, sql, type Store } from './index.ts';
import { portable } from './dialect.ts';

const SOURCE = { columns: ['person_id', 'sluttmaal'], from: 'maal', where: "type = 'sluttmaal'" } as const;

describe('SQL dialect', () => {
  let store: Store;
  before(async () => {
    store = await openStore(':memory:');
    await store.run(`CREATE TABLE maal AS SELECT * FROM (VALUES
      ('p1', 'sluttmaal', 'arbeid', DATE '2022-01-01'),
      ('p1', 'sluttmaal', 'utdanning', DATE '2023-05-01'),
      ('p1', 'norskmaal', NULL, DATE '2024-01-01'),
      ('p2', 'sluttmaal', 'arbeid', DATE '2021-03-01'),
      ('p3', 'norskmaal', NULL, DATE '2021-03-01')) t(person_id, type, sluttmaal, dato)`);
  });
  after(() => store.close());

  it('names itself and declares its capabilities', () => {
    assert.equal(sql.name, 'duckdb');
    assert.deepEqual(sql.capabilities, { qualify: true, groupByAll: true, lists: true, argMinMax: true, files: true });
  });

  it('writes QUALIFY and GROUP BY ALL where DuckDB has them, the standard forms otherwise', () => {
    assert.equal(
      sql.firstRowPer(SOURCE, 'person_id', 'dato DESC'),
      "SELECT person_id, sluttmaal FROM maal WHERE type = 'sluttmaal' QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY dato DESC) = 1",
    );
    assert.equal(sql.groupBy(['person_id']), 'GROUP BY ALL');
    assert.equal(portable.groupBy(['person_id', 'type']), 'GROUP BY person_id, type');
    assert.match(portable.firstRowPer(SOURCE, 'person_id', 'dato DESC'), /^SELECT person_id, sluttmaal FROM \(SELECT \*, row_number\(\) OVER/);
    assert.throws(() => portable.firstRowPer({ columns: ['*'], from: 'maal' }, 'person_id', 'dato'), /list the columns/);
    assert.throws(() => portable.groupBy([]), /no columns/);
  });

  it('native and portable first-row-per forms return the same rows (the latest goal per person)', async () => {
    const q = (text: string) => store.all(`${text} ORDER BY person_id`);
    const native = await q(sql.firstRowPer(SOURCE, 'person_id', 'dato DESC'));
    assert.deepEqual(native, [
      { person_id: 'p1', sluttmaal: 'utdanning' },
      { person_id: 'p2', sluttmaal: 'arbeid' },
    ]);
    assert.deepEqual(await q(portable.firstRowPer(SOURCE, 'person_id', 'dato DESC')), native);
  });

  it('native and portable GROUP BY return the same rows', async () => {
    const q = (groupBy: string) => store.all(`SELECT person_id, type, count(*) AS n FROM maal ${groupBy} ORDER BY person_id, type`);
    const native = await q(sql.groupBy(['person_id', 'type']));
    assert.equal(native.length, 4);
    assert.deepEqual(await q(portable.groupBy(['person_id', 'type'])), native);
  });
});
