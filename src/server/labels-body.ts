/** GET /api/v1/etiketter: every label of every code in both languages (shared/labels.ts), as data. */
import { CATEGORY_LABELS, DIMENSION_LABELS, MEASURE_FAMILY_LABELS, NULL_CATEGORY, NULL_CATEGORY_LABEL, REASON_LABELS, STATUS_LABELS } from '../shared/labels.ts';
import { pick, type Lang } from '../shared/lang.ts';

export function labelsBody(lang: Lang): Record<string, unknown> {
  return {
    spraak: lang,
    dimensjoner: Object.fromEntries(
      Object.entries(DIMENSION_LABELS).map(([dim, t]) => [
        dim,
        { navn: pick(t, lang), tekster: t, verdier: CATEGORY_LABELS[dim] ?? {} },
      ]),
    ),
    status: STATUS_LABELS,
    maalfamilier: MEASURE_FAMILY_LABELS,
    aarsaker: REASON_LABELS,
    tom_verdi: { kode: NULL_CATEGORY, tekster: NULL_CATEGORY_LABEL },
  };
}
