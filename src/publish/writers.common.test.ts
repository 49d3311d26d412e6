/**
 * The shared writer suite (style.md §6, Hono's common.case.test.ts pattern): every format in
 * WRITERS writes the same fixture rows, its own reader (`Writer.read`, a general parser that shares
 * no code with the writer) parses the bytes back, and the cells, statuses and nulls must equal the
 * input. The Writer type requires `read`, so a format without a reader does not compile.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RESULT_COLUMNS, type ResultRow } from '../contract/results.ts';
import { WRITERS } from './writers.ts';
import type { PublicationMeta, ReadCell, WriteOptions } from './types.ts';
import type { JsonStatDataset } from './jsonstat.writer.ts';
import { fixtureRows } from '../../test/fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../../test/fixtures/fixture-catalogue.ts';

type Cell = ReadCell;

function expected(rows: readonly ResultRow[]): Record<string, Cell>[] {
  return rows.map((r) => Object.fromEntries(RESULT_COLUMNS.map((c) => [c, r[c]])));
}

function sortKey(r: Record<string, Cell>): string {
  return RESULT_COLUMNS.slice(0, 11).map((c) => String(r[c])).join('|');
}

function normalise(rows: readonly Record<string, Cell>[]): Record<string, Cell>[] {
  return rows.map((r) => Object.fromEntries(RESULT_COLUMNS.map((c) => [c, r[c] ?? (c === 'status' ? '' : null)]))).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

const published: PublicationMeta = { disclosure: 'on', generatedAt: '2024-06-01T12:00:00Z' };
const unprotected: PublicationMeta = { disclosure: 'off', generatedAt: '2024-06-01T12:00:00Z' };

describe('shared writer suite', () => {
  for (const writer of Object.values(WRITERS)) {
    describe(writer.format, () => {
      const cases: { indikator: string; note: string }[] = [
        { indikator: 'I1', note: 'shares with a suppressed and a no-data cell' },
        { indikator: 'I3', note: 'means (teller empty)' },
        { indikator: 'R1', note: 'botid, regimes and sex, one not-applicable cell' },
      ];
      for (const c of cases) {
        it(`round-trips ${c.indikator} (${c.note})`, async () => {
          const rows = fixtureRows().filter((r) => r.indikator === c.indikator);
          const meta = FIXTURE_CATALOGUE.find((m) => m.id === c.indikator) ?? null;
          const opts: WriteOptions = { publication: published };
          const parsed = await writer.read(await writer.write(rows, meta, opts));
          assert.deepEqual(normalise(parsed.rows), normalise(expected(rows)));
        });
      }

      it('keeps statuses and nulls of suppressed cells', async () => {
        const rows = fixtureRows().filter((r) => r.indikator === 'I1');
        const parsed = await writer.read(await writer.write(rows, null, { publication: published }));
        const hidden = parsed.rows.filter((r) => r['status'] === ':');
        assert.equal(hidden.length, rows.filter((r) => r.status === ':').length);
        assert.ok(hidden.length > 0);
        for (const r of hidden) {
          assert.equal(r['verdi'], null);
          assert.equal(r['teller'], null);
        }
        assert.ok(parsed.rows.some((r) => r['status'] === '..'));
      });

      it('round-trips text that needs CSV quoting (comma, quote, line break, non-ASCII)', async () => {
        // LF only: XML (inside XLSX) normalises CRLF to LF, and real codes hold neither.
        const rows = fixtureRows()
          .filter((r) => r.indikator === 'I3' && r.region === '0')
          .map((r, i) => ({ ...r, maal: i === 0 ? 'a,"b"' : 'kø\nlinje' }));
        const parsed = await writer.read(await writer.write(rows, null, {}));
        assert.deepEqual(normalise(parsed.rows), normalise(expected(rows)));
      });

      it('writes codes with leading zeros as text', async () => {
        const rows = fixtureRows().filter((r) => r.indikator === 'I1' && r.region === '0301');
        const parsed = await writer.read(await writer.write(rows, null, {}));
        assert.ok(parsed.rows.length > 0);
        assert.ok(parsed.rows.every((r) => r['region'] === '0301'));
      });

      it('marks unprotected output', async () => {
        const rows = fixtureRows().filter((r) => r.indikator === 'I3');
        const bytes = await writer.write(rows, null, { publication: unprotected });
        if (writer.format === 'json-stat2') {
          const doc = JSON.parse(new TextDecoder().decode(bytes)) as JsonStatDataset;
          assert.equal(doc.extension['ubeskyttet'], true);
          assert.match(doc.label, /UBESKYTTET/);
        } else {
          const parsed = await writer.read(bytes);
          assert.equal(parsed.header.at(-1), 'ubeskyttet');
          assert.ok(parsed.rows.every((r) => String(r['ubeskyttet']) === 'true'));
        }
      });
    });
  }
});
