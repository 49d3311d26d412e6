/** Small builders for the definitions: they keep each definition a short, readable table row. */
import type { FactSpec, MeasureSpec } from '../ir.ts';
import type { Text, Unit } from '../types.ts';

export const share = (kode: string, navn: Text, fact: FactSpec, extra: Partial<MeasureSpec> = {}): MeasureSpec => ({
  kode,
  navn,
  kind: 'share',
  enhet: 'prosent',
  fact,
  ...extra,
});

export const mean = (kode: string, navn: Text, fact: FactSpec, enhet: Unit): MeasureSpec => ({
  kode,
  navn,
  kind: 'mean',
  enhet,
  fact,
});

export const median = (kode: string, navn: Text, fact: FactSpec, enhet: Unit): MeasureSpec => ({
  kode,
  navn,
  kind: 'median',
  enhet,
  fact,
});
