/**
 * The writers' labels come from the one label table (src/shared/labels.ts) used by the CLI, the
 * API and the dashboard, so a code has the same name in every channel (e.g. `innsats` = "Effort").
 */
export {
  DIMENSION_LABELS,
  CATEGORY_LABELS,
  STATUS_LABELS,
  NULL_CATEGORY,
  NULL_CATEGORY_LABEL,
  COUNTRY_NAME,
  categoryLabel,
  regionLevel,
} from '../shared/labels.ts';
export { pick } from '../shared/lang.ts';
