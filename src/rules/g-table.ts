/**
 * Grunnbeløpet (G) of the National Insurance scheme, as a dated table (law-rules §8).
 *
 * Source: data/refdata/grunnbelop_2010_2026.csv, copied here so the rules stay pure (no file I/O).
 * Values from navikt/dp-grunnbelop `Grunnbelop.kt` (MIT). G is adjusted every 1 May
 * (folketrygdloven § 1-4). 2020: decided September 2020 (COVID-delayed), in force from 1 May.
 * 2026: provisional (navikt/dp-grunnbelop test value, not confirmed against nav.no).
 * When a new G is decided: add a row here and in the CSV; validTo of the previous row follows.
 */
import type { DatedRow, DatedRuleTable } from './types.ts';

/** [in force from, G in NOK, note]. Keep sorted by date. */
const G_VALUES: readonly (readonly [string, number, string?])[] = [
  ['2010-05-01', 75641],
  ['2011-05-01', 79216],
  ['2012-05-01', 82122],
  ['2013-05-01', 85245],
  ['2014-05-01', 88370],
  ['2015-05-01', 90068],
  ['2016-05-01', 92576],
  ['2017-05-01', 93634],
  ['2018-05-01', 96883],
  ['2019-05-01', 99858],
  ['2020-05-01', 101351, 'decided Sept 2020 (COVID-delayed), in force retroactively from 1 May'],
  ['2021-05-01', 106399],
  ['2022-05-01', 111477],
  ['2023-05-01', 118620],
  ['2024-05-01', 124028],
  ['2025-05-01', 130160],
  ['2026-05-01', 136549, 'provisional: not confirmed against nav.no'],
];

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export const G_TABLE: DatedRuleTable<number> = {
  id: 'grunnbelop',
  title: { nb: 'Grunnbeløpet i folketrygden (G)', en: 'National Insurance basic amount (G)' },
  dateBasis: 'kalender',
  section: '§8',
  rows: G_VALUES.map(([from, g, note], i): DatedRow<number> => {
    const next = G_VALUES[i + 1];
    return {
      key: 'G',
      validFrom: from,
      validTo: next ? dayBefore(next[0]) : null,
      value: g,
      source: {
        law: 'folketrygdloven § 1-4; navikt/dp-grunnbelop Grunnbelop.kt (MIT)',
        report: '2.1 (Introduksjonsstønad: 2G, G = 99 858 per 1 May 2019)',
        postReport: from > '2019-05-01',
        ...(note ? { note } : {}),
      },
    };
  }),
};
