/** What the analyses need to know about the store: tables, last dates, average G; person facts present. */
import { averageG, ruleOrNull } from '../rules/index.ts';
import { dataLastDate, preparePersonFacts, tableNames } from '../engine/index.ts';
import type { Store } from '../store/index.ts';
import type { FrameContext } from './outcomes.ts';

export async function frameContext(store: Store): Promise<FrameContext> {
  let tables = await tableNames(store);
  if (!tables.has('personer')) throw new Error('the store has no personer table: run ingest first');
  // The engine's person facts (law rules per person); built here when compute has not run.
  if (!tables.has('person_fakta')) {
    await preparePersonFacts(store, tables);
    tables = await tableNames(store);
  }
  const lastDate = await dataLastDate(store, tables);
  const lastOutcomeYear = tables.has('utfall')
    ? ((await store.all<{ y: number | null }>(`SELECT max(aar) AS y FROM utfall`))[0]?.y ?? null)
    : null;
  const g = new Map<number, number>();
  for (let y = 1990; y <= Math.max(Number(lastDate.slice(0, 4)), lastOutcomeYear ?? 0); y++) {
    const v = ruleOrNull(() => averageG(y));
    if (v !== null) g.set(y, v);
  }
  return { tables, lastDate, lastOutcomeYear, averageG: g };
}
