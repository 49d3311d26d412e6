/** Small builders for hand-made result tables. */
import type { IndicatorMeta, MeasureMeta } from '../../src/catalogue/types.ts';
import type { ResultRow } from '../../src/contract/results.ts';

export function cell(over: Partial<ResultRow> & { region: string; teller: number | null; nevner: number | null }): ResultRow {
  const niva = over.region === '0' ? 'land' : over.region.length === 2 ? 'fylke' : 'kommune';
  const verdi = over.teller !== null && over.nevner ? Math.round((1000 * over.teller) / over.nevner) / 10 : null;
  return {
    indikator: 'T1', maal: 'a', ledd: 'programresultat', kohort: 'avslutningskohort', periode: 2022, botid: null,
    lovregime: 'alle', regionniva: niva, gruppe: 'alle', kjonn: 'alle', verdi, ki_nedre: verdi, ki_ovre: verdi,
    mangler: 0, status: '', ...over,
  };
}

export function catalogue(measures: Partial<MeasureMeta>[] = [{ kode: 'a' }]): IndicatorMeta[] {
  const text = { nb: 'T1', en: 'T1' };
  return [{
    id: 'T1', ledd: 'programresultat', navn: text, beskrivelse: text, populasjon: text, teller: text, kilder: [],
    kjerne: false, kapittel: '4.3', kohort: 'avslutningskohort', kohorter: ['avslutningskohort'], breakdowns: ['region'],
    maal: measures.map((m) => ({ kode: 'a', navn: text, kind: 'share' as const, enhet: 'prosent' as const, ...m })),
  }];
}

/** "region/maal/kjonn/…" labels of the suppressed rows, sorted. */
export function hiddenLabels(rows: readonly ResultRow[], dims: (keyof ResultRow)[] = ['region']): string[] {
  return rows.filter((r) => r.status === ':').map((r) => dims.map((d) => String(r[d])).join('/')).sort();
}
