/**
 * Every indicator produces rows on `medium` synthetic data (generate → ingest → compute).
 * The data and store are cached under out/test-cache/, keyed by a hash of the generator, contract
 * and ingest code (test/fixtures/test-cache.ts), so repeated runs only compute.
 */
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFINITIONS, windowOf } from '../../src/catalogue/index.ts';
import { windowEnd } from '../../src/catalogue/windows.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { computeAll } from '../../src/engine/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { cachedStore } from '../fixtures/test-cache.ts';

let store: Store;
let rows: ResultRow[] = [];
let lastDate = '';
let lastOutcomeYear: number | null = null;

before(async () => {
  store = await openStore(await cachedStore('medium-engine', 'medium', 7));
  const result = await computeAll(store);
  rows = result.rows;
  lastDate = result.dataLastDate;
  lastOutcomeYear = (await store.all<{ y: number | null }>(`SELECT max(aar) AS y FROM utfall`))[0]?.y ?? null;
});
after(async () => store?.close());

describe('engine on medium synthetic data', () => {
  it('every indicator has published rows (R10 and I8 from the survey table)', () => {
    const published = new Set(rows.filter((r) => r.status === '').map((r) => r.indikator));
    const without = DEFINITIONS.map((d) => d.id).filter((id) => !published.has(id));
    assert.deepEqual(without, []);
    // R10 takes the trust/belonging questions, I8 the others (section 5.3 vs 5.1); codes `sporsmal:<question>`.
    const r10 = new Set(rows.filter((r) => r.indikator === 'R10').map((r) => r.maal));
    const i8 = new Set(rows.filter((r) => r.indikator === 'I8').map((r) => r.maal));
    assert.ok([...r10].every((m) => /^sporsmal:(tillit|tilhorighet)/.test(m)) && r10.size > 0, [...r10].join());
    assert.ok([...i8].every((m) => /^sporsmal:/.test(m) && !/^sporsmal:(tillit|tilhorighet)/.test(m)) && i8.size > 0, [...i8].join());
  });

  it('values are shares within 0–100 with the value inside its interval', () => {
    const shares = rows.filter((r) => r.status === '' && r.teller !== null);
    assert.ok(shares.length > 1000);
    for (const r of shares.slice(0, 50_000)) {
      assert.ok(r.verdi! >= 0 && r.verdi! <= 100, JSON.stringify(r));
      assert.ok(r.teller! <= r.nevner!, JSON.stringify(r));
      assert.ok(r.ki_nedre! <= r.verdi! && r.verdi! <= r.ki_ovre!, JSON.stringify(r));
    }
  });

  it('a country total equals the count over both regimes (true totals, not sums of rounded parts)', () => {
    const key = (r: ResultRow) => `${r.indikator}|${r.maal}|${r.periode}|${r.botid}|${r.gruppe}`;
    const land = rows.filter((r) => r.regionniva === 'land' && r.kjonn === 'alle' && r.status === '' && r.indikator === 'R2');
    const sums = new Map<string, number>();
    for (const r of land) if (r.lovregime !== 'alle') sums.set(key(r), (sums.get(key(r)) ?? 0) + r.nevner!);
    let checked = 0;
    for (const r of land) {
      if (r.lovregime !== 'alle' || !sums.has(key(r))) continue;
      assert.equal(r.nevner, sums.get(key(r)), key(r));
      checked++;
    }
    assert.ok(checked > 10);
  });

  it('no published cell has an open observation window (complete cohorts only)', () => {
    let checked = 0;
    for (const r of rows) {
      // `..` rows of an absent source table carry no figure.
      if (r.status === '..' && r.nevner === null) continue;
      const w = windowOf(r.indikator, r.kohort, r.maal);
      assert.ok(w, `${r.indikator} ${r.kohort}: no observation window`);
      const end = windowEnd(w, r.periode, r.botid, { lastDate, lastOutcomeYear });
      assert.ok(end !== null && end <= lastDate, `${r.indikator} ${r.maal} ${r.kohort} ${r.periode} botid ${r.botid}: window closes ${end}, data end ${lastDate}`);
      checked++;
    }
    assert.ok(checked > 100_000, `checked ${checked}`);
  });
});
