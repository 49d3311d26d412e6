/** Selection expressions and the wildcard matcher (src/server/selection.ts), without HTTP. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MatchBudget, globMatch, parseSelection, resolveSelection, sortValues, splitExpressions } from '../../src/server/selection.ts';
import { ApiError } from '../../src/server/errors.ts';

const PERIODS = ['2019', '2020', '2021', '2022', '2023', '2021-2023'];
const REGIONS = sortValues('region', ['4601', '0', '46', '03', '0301', '4602']);

/** A reference matcher: the glob as a regular expression (fine for the short, tame cases here). */
function reference(pattern: string, value: string): boolean {
  const body = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\-]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`).test(value);
}

describe('globMatch', () => {
  it('agrees with a reference matcher on random patterns and values', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'b', '4', '*', '?'];
    for (let i = 0; i < 3000; i++) {
      const p = Array.from({ length: 1 + rnd(6) }, () => alphabet[rnd(5)]).join('');
      const v = Array.from({ length: rnd(7) }, () => alphabet[rnd(3)]).join('');
      assert.equal(globMatch(p, v, new MatchBudget()), reference(p, v), `${p} ~ ${v}`);
    }
  });

  it('matches the pathological pattern quickly, within its cost bound', () => {
    const value = 'a'.repeat(64);
    const pattern = `${'*a'.repeat(30)}x`;
    const t0 = performance.now();
    assert.equal(globMatch(pattern, value, new MatchBudget()), false);
    assert.ok(performance.now() - t0 < 50, 'linear, not exponential');
  });

  it('refuses a request that would spend more than the budget', () => {
    const budget = new MatchBudget(1000);
    const values = Array.from({ length: 500 }, (_, i) => `k${String(i).padStart(60, '0')}`);
    assert.throws(
      () => resolveSelection('region', ['*0*0*0*0*0*0*x'], values, budget),
      (e: unknown) => e instanceof ApiError && e.status === 400 && e.code === 'selection_too_costly',
    );
  });
});

describe('selection expressions', () => {
  const sel = (dim: string, raw: string, existing: readonly string[]) => resolveSelection(dim, splitExpressions(raw), existing);

  it('splits on commas outside parentheses', () => {
    assert.deepEqual(splitExpressions('range(2019,2021),0301, top(2)'), ['range(2019,2021)', '0301', 'top(2)']);
  });

  it('resolves *, codes, ? and * wildcards in metadata order', () => {
    assert.equal(sel('region', '*', REGIONS), undefined);
    assert.deepEqual(sel('region', '4601,0', REGIONS), ['0', '4601']);
    assert.deepEqual(sel('region', '46*', REGIONS), ['46', '4601', '4602']);
    assert.deepEqual(sel('region', '460?', REGIONS), ['4601', '4602']);
    assert.deepEqual(sel('region', '??', REGIONS), ['03', '46']);
  });

  it('top(n) is the latest periods, bottom(n) the earliest; elsewhere first and last', () => {
    const periods = sortValues('periode', PERIODS);
    assert.deepEqual(periods, ['2019', '2020', '2021', '2022', '2023', '2021-2023']);
    assert.deepEqual(sel('periode', 'top(2)', ['2019', '2020', '2021']), ['2020', '2021']);
    assert.deepEqual(sel('periode', 'TOP(2,1)', ['2019', '2020', '2021']), ['2019', '2020']);
    assert.deepEqual(sel('periode', 'bottom(1)', ['2019', '2020', '2021']), ['2019']);
    assert.deepEqual(sel('region', 'top(2)', REGIONS), ['0', '03']);
    assert.deepEqual(sel('region', 'bottom(2)', REGIONS), ['4601', '4602']);
  });

  it('from, to and range follow metadata order and include their ends', () => {
    assert.deepEqual(sel('periode', 'from(2022)', PERIODS), ['2022', '2023', '2021-2023']);
    assert.deepEqual(sel('periode', 'to(2020)', PERIODS), ['2019', '2020']);
    assert.deepEqual(sel('periode', 'range(2020,2022)', PERIODS), ['2020', '2021', '2022']);
    assert.deepEqual(sel('periode', 'range(2022,2020)', PERIODS), ['2020', '2021', '2022']);
  });

  it('takes a pooled period as a value of its own', () => {
    assert.deepEqual(sel('periode', '2021-2023', PERIODS), ['2021-2023']);
    assert.deepEqual(sel('periode', '2023', PERIODS), ['2023']);
  });

  it('refuses unknown codes and malformed expressions', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ApiError).code;
      }
      return 'none';
    };
    assert.equal(code(() => sel('region', '9999', REGIONS)), 'unknown_value');
    assert.equal(code(() => sel('region', '99*', REGIONS)), 'unknown_value');
    assert.equal(code(() => sel('periode', 'from(1999)', PERIODS)), 'unknown_value');
    for (const bad of ['top(0)', 'top(x)', 'top()', 'drop(1)', 'range(1)', '', "0301'", 'a b', 'top(1,2,3)']) {
      assert.equal(code(() => parseSelection('region', bad)), 'bad_value', bad);
    }
  });
});

describe('sortValues', () => {
  it('orders regions country → counties → municipalities, periods by last year then window, ingen last', () => {
    assert.deepEqual(REGIONS, ['0', '03', '46', '0301', '4601', '4602']);
    assert.deepEqual(sortValues('botid', ['ingen', '10', '2', '1']), ['1', '2', '10', 'ingen']);
    assert.deepEqual(sortValues('kjonn', ['alle', '2', '1']), ['1', '2', 'alle']);
    assert.deepEqual(sortValues('gruppe', ['alle', 'ovrige', 'under_25', 'har_vgo']), ['under_25', 'har_vgo', 'ovrige', 'alle']);
    assert.deepEqual(sortValues('periode', ['2020-2022', '2023', '2022', '2021-2023']), ['2022', '2020-2022', '2023', '2021-2023']);
  });
});
