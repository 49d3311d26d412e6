/**
 * Small-scale sanity of the generated distributions against the law (law-rules.md) and the
 * published magnitudes (data/refdata/magnitudes.csv).
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TILLATELSE, ELEMENT_ARBEIDSRETTET, TABLE_5_2_LABELS } from '../../src/contract/codes.ts';
import { generate, TRUTH_FILE } from '../../src/synth/index.ts';
import { addMonths, ageAt, dayOf, parseIso } from '../../src/synth/dates.ts';
import { loadCodeChanges } from '../../src/synth/refdata.ts';
import { guidelineGoal } from '../../src/synth/language.ts';
import { readCsv, type Rec } from './read-csv.ts';

let dir = '';
const t: Record<string, Rec[]> = {};
const persons = new Map<string, Rec>();
const share = (xs: readonly boolean[]) => xs.filter(Boolean).length / Math.max(1, xs.length);
const isNewAct = (p: Rec) => (p['forste_tillatelse_dato'] ?? '') >= '2021-01-01';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synth-dist-'));
  await generate({ scale: 'small', seed: 5, outDir: dir });
  for (const name of ['personer', 'introprogram', 'maal', 'elementer', 'oppstart', 'avslutning', 'proever', 'utfall', 'norsktimer']) {
    t[name] = readCsv(join(dir, `${name}.csv`)).rows;
  }
  t['truth'] = readCsv(join(dir, TRUTH_FILE)).rows;
  for (const p of t['personer']!) persons.set(p['person_id']!, p);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('every permit basis of law-rules §2 occurs; intro groups dominate; non-settled groups have no settlement date', () => {
  const ps = t['personer']!;
  const present = new Set(ps.map((p) => p['tillatelse']));
  for (const code of TILLATELSE) assert.ok(present.has(code), `missing ${code}`);
  const intro = ['ASYL_28', 'KOLLEKTIV_34', 'OVERFORING_35', 'HUMANITAER_38', 'BARNEFAMILIE_38_5', 'FAMILIE_FLYKTNING', 'FAMILIE_SELVSTENDIG_53'];
  const introShare = share(ps.map((p) => intro.includes(p['tillatelse']!)));
  assert.ok(introShare > 0.45 && introShare < 0.75, `intro permit share ${introShare}`);
  const dutyOnly = share(ps.map((p) => ['ARBEID_23', 'NAERING_25', 'FAMILIE_ARBEID'].includes(p['tillatelse']!)));
  assert.ok(dutyOnly > 0.05 && dutyOnly < 0.25, `duty-only share ${dutyOnly}`);
  for (const p of ps) {
    if (['FAMILIE_NORSK', 'ARBEID_23', 'NAERING_25', 'FAMILIE_ARBEID', 'EOS', 'ASYLSOKER_MOTTAK'].includes(p['tillatelse']!)) {
      assert.equal(p['bosettingsdato'], '', `${p['person_id']} ${p['tillatelse']} has a settlement date`);
    }
  }
});

test('the Ukraine cohort (KOLLEKTIV_34) dominates settlements 2022–24 and dwarfs 2019–21', () => {
  const settled = t['personer']!.filter((p) => p['bosettingsdato']);
  const in2224 = settled.filter((p) => p['bosettingsdato']! >= '2022' && p['bosettingsdato']! < '2025');
  const in1921 = settled.filter((p) => p['bosettingsdato']! >= '2019' && p['bosettingsdato']! < '2022');
  assert.ok(share(in2224.map((p) => p['tillatelse'] === 'KOLLEKTIV_34')) > 0.6);
  assert.ok(in2224.length > 3 * in1921.length, `${in2224.length} vs ${in1921.length}`);
  assert.ok(settled.every((p) => p['tillatelse'] !== 'KOLLEKTIV_34' || p['bosettingsdato']! >= '2022'));
  // The 2015–16 peak: clearly more settled in 2015–16 than in 2019–20. At `small` scale these are
  // about 140 and 70 persons, so the ratio's sampling error is about ±0.3: the bound is 1.5, not 2.
  const y = (a: string, b: string) => settled.filter((p) => p['bosettingsdato']! >= a && p['bosettingsdato']! < b).length;
  assert.ok(y('2015', '2017') > 1.5 * y('2019', '2021'), `${y('2015', '2017')} settled 2015–16 vs ${y('2019', '2021')} in 2019–20`);
});

test('programme lengths stay within the caps by subgroup and act (law-rules §3, §5)', () => {
  const lastGoal = new Map<string, string>();
  for (const m of t['maal']!) if (m['type'] === 'sluttmaal') lastGoal.set(m['person_id']!, m['sluttmaal']!);
  let oldAct = 0;
  let newAct = 0;
  let atCap = 0;
  let overCap = 0;
  for (const r of t['introprogram']!) {
    const p = persons.get(r['person_id']!)!;
    const start = parseIso(r['startdato']!);
    const edu = p['utdanning_medbrakt'];
    const birth = parseIso(`${p['fodt']}-01`);
    const sub = edu === 'vgo' || edu === 'hoyere' ? 'har_vgo' : ageAt(birth, start) < 25 ? 'under_25' : 'ovrige';
    const goal = lastGoal.get(r['person_id']!) ?? '';
    const neu = isNewAct(p);
    if (neu) newAct++;
    else oldAct++;
    const cap = !neu ? 24 + 12 : sub === 'har_vgo' ? 6 + 6 : (goal === 'fullfort_vgo' ? 36 : 24) + 12;
    const limit = addMonths(start, cap);
    assert.ok(parseIso(r['planlagt_slutt']!) <= limit, `${r['person_id']} ${sub} planned beyond ${cap} months`);
    if (r['sluttdato']) {
      // A few end past the maximum (planted for I4 "above the cap"), never by more than 100 days.
      if (parseIso(r['sluttdato']) > parseIso(r['planlagt_slutt']!)) {
        overCap++;
        assert.ok(parseIso(r['sluttdato']) <= limit + 100, `${r['person_id']} ended more than 100 days past the cap`);
      }
      if (parseIso(r['sluttdato']) === addMonths(start, cap - 12)) atCap++;
    }
    if (r['forlenget'] === 'false') assert.ok(parseIso(r['planlagt_slutt']!) <= addMonths(start, cap - (sub === 'har_vgo' && neu ? 6 : 12)));
  }
  assert.ok(oldAct > 100 && newAct > 100, `old ${oldAct}, new ${newAct}`);
  assert.ok(atCap > 20, 'some programmes run to the normal cap');
  assert.ok(overCap > 0 && overCap < 0.04 * (oldAct + newAct), `a few (not many) end past the cap: ${overCap}`);
});

test('start-up steps are mostly within 3 months of settlement, some late', () => {
  const plans = t['oppstart']!.filter((o) => o['type'] === 'integreringsplan');
  const lags = plans.map((o) => parseIso(o['dato']!) - parseIso(persons.get(o['person_id']!)!['bosettingsdato']!));
  const onTime = share(lags.map((d) => d <= 92));
  assert.ok(onTime > 0.65 && onTime < 0.97, `on time ${onTime}`);
  const types = new Set(t['oppstart']!.map((o) => o['type']));
  for (const ty of ['kompetansekartlegging', 'karriereveiledning', 'integreringsplan', 'integreringskontrakt', 'norskplan']) assert.ok(types.has(ty), ty);
});

test('language goals follow the guideline of law-rules §7, some set lower or higher', () => {
  const lastGoal = new Map<string, string>();
  for (const m of t['maal']!) if (m['type'] === 'sluttmaal') lastGoal.set(m['person_id']!, m['sluttmaal']!);
  const goals = t['maal']!.filter((m) => m['type'] === 'norskmaal');
  let same = 0;
  let lower = 0;
  let higher = 0;
  const rank = (l: string) => ['under_A1', 'A1', 'A2', 'B1', 'B2', 'C1'].indexOf(l);
  for (const g of goals) {
    const guide = guidelineGoal(persons.get(g['person_id']!)!['utdanning_medbrakt'] as 'vgo', lastGoal.get(g['person_id']!));
    const diff = rank(g['muntlig']!) - rank(guide[3]!);
    if (diff === 0) same++;
    else if (diff < 0) lower++;
    else higher++;
  }
  assert.ok(same / goals.length > 0.7, `guideline share ${same / goals.length}`);
  assert.ok(lower > 0 && higher > 0);
});

test('elements include education, every work-oriented type and the mandatory parts', () => {
  const els = new Set(t['elementer']!.map((e) => e['element']));
  for (const e of [...ELEMENT_ARBEIDSRETTET, 'norsk', 'samfunnskunnskap', 'grunnskole', 'vgo_yrkesfag']) assert.ok(els.has(e), e);
});

test('tests, completion reasons and regimes look like the registers', () => {
  const pr = t['proever']!;
  for (const k of ['norsk', 'samfunnskunnskap', 'statsborger', 'vgo_norsk']) assert.ok(pr.some((r) => r['prove'] === k), k);
  const oral = pr.filter((r) => r['prove'] === 'norsk' && r['delprove'] === 'muntlig');
  const b1 = share(oral.map((r) => ['B1', 'B2', 'C1'].includes(r['resultat']!)));
  assert.ok(b1 > 0.3 && b1 < 0.75, `oral B1+ ${b1}`);
  const av = t['avslutning']!;
  const labels = av.filter((a) => a['hovedaarsak']! in TABLE_5_2_LABELS);
  assert.ok(labels.length > 0 && labels.every((a) => !isNewAct(persons.get(a['person_id']!)!)), 'verbatim labels in old-act rows only');
  assert.ok(av.some((a) => a['aarsak2'] && isNewAct(persons.get(a['person_id']!)!)));
  assert.ok(av.every((a) => !a['aarsak2'] || isNewAct(persons.get(a['person_id']!)!)), 'old act has a single reason');
});

test('no rows after emigration or death', () => {
  for (const u of t['utfall']!) {
    const p = persons.get(u['person_id']!)!;
    const exit = p['utvandret_dato'] || p['dod_dato'];
    if (exit) assert.ok(dayOf(Number(u['aar']), 11, 1) < parseIso(exit), `${u['person_id']} ${u['aar']}`);
  }
  for (const n of t['norsktimer']!) {
    const p = persons.get(n['person_id']!)!;
    const exit = p['utvandret_dato'] || p['dod_dato'];
    if (exit) assert.ok(`${n['aar_mnd']}-01` < exit);
  }
});

/** Harmonises an old municipality code to the 2024 structure (first successor). */
function to2024(): (code: string) => string {
  const changes = loadCodeChanges().sort((a, b) => a.date.localeCompare(b.date));
  return (code) => {
    let c = code;
    for (const ch of changes) if (ch.oldCode === c) c = ch.newCode;
    return c;
  };
}

test('outcomes: men above women; the planted municipality effect shows in municipal employment', () => {
  const refugee = (p: Rec) => !['ARBEID_23', 'NAERING_25', 'FAMILIE_ARBEID', 'EOS', 'FAMILIE_NORSK'].includes(p['tillatelse']!);
  const rows = t['utfall']!.filter((u) => refugee(persons.get(u['person_id']!)!));
  const emp = (kjonn: string) => share(rows.filter((u) => persons.get(u['person_id']!)!['kjonn'] === kjonn).map((u) => u['sysselsatt'] === 'true'));
  assert.ok(emp('1') > emp('2') + 0.08, `men ${emp('1')} women ${emp('2')}`);

  const harmonise = to2024();
  const effect = new Map(t['truth']!.map((r) => [r['kommune']!, Number(r['effekt_logodds'])]));
  const byMuni = new Map<string, { n: number; e: number }>();
  for (const u of rows) {
    const k = harmonise(u['bosted']!);
    const acc = byMuni.get(k) ?? { n: 0, e: 0 };
    acc.n++;
    acc.e += u['sysselsatt'] === 'true' ? 1 : 0;
    byMuni.set(k, acc);
  }
  const munis = [...byMuni].filter(([, v]) => v.n >= 30).map(([k, v]) => ({ x: effect.get(k)!, y: v.e / v.n }));
  assert.ok(munis.length > 20, `${munis.length} municipalities with ≥ 30 person-years`);
  const mx = munis.reduce((s, m) => s + m.x, 0) / munis.length;
  const my = munis.reduce((s, m) => s + m.y, 0) / munis.length;
  const cov = munis.reduce((s, m) => s + (m.x - mx) * (m.y - my), 0);
  const vx = munis.reduce((s, m) => s + (m.x - mx) ** 2, 0);
  const vy = munis.reduce((s, m) => s + (m.y - my) ** 2, 0);
  const r = cov / Math.sqrt(vx * vy);
  assert.ok(r > 0.3, `correlation between planted effect and employment rate ${r.toFixed(2)}`);
});
