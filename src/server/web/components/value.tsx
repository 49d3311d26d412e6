/**
 * A figure or SSB's status symbol. A suppressed cell (':') carries its explanation as a tooltip
 * (title) and as hidden text for screen readers, and points to the page's visible footnote.
 */
import type { Child } from 'hono/jsx';
import type { Unit } from '../../../catalogue/types.ts';
import type { ResultRow } from '../../../contract/results.ts';
import type { Lang } from '../i18n.ts';
import { cellNote, cellText } from '../select.ts';

export const SUPPRESSION_NOTE_ID = 'note-prikking';

export function Value(p: { lang: Lang; row: ResultRow | undefined; unit: Unit }): Child {
  const text = cellText(p.lang, p.row, p.unit);
  const note = cellNote(p.lang, p.row);
  if (!note) return <span class="value">{text}</span>;
  return (
    <span class={`value status ${p.row?.status === ':' ? 'suppressed' : 'missing'}`}>
      <abbr title={note} aria-describedby={p.row?.status === ':' ? SUPPRESSION_NOTE_ID : undefined}>{text}</abbr>
      <span class="ds-sr-only">{` (${note})`}</span>
    </span>
  );
}

/** The visible footnote every page with suppressed cells carries. */
export function SuppressionNote(p: { lang: Lang; threshold?: number | undefined }): Child {
  const nb = `«:» betyr at tallet er prikket for å hindre at enkeltpersoner kan gjenkjennes${p.threshold ? ` (færre enn ${p.threshold} personer, eller tall som ville avslørt et slikt tall)` : ''}. Der en kommunes tall er prikket, vises fylkets tall i stedet. «..» betyr at tall mangler.`;
  const en = `“:” means the figure is suppressed to prevent individuals from being identified${p.threshold ? ` (fewer than ${p.threshold} persons, or a figure that would reveal one)` : ''}. Where a municipality's figure is suppressed, the county's figure is shown instead. “..” means no data.`;
  return <p id={SUPPRESSION_NOTE_ID} class="footnote">{p.lang === 'en' ? en : nb}</p>;
}
