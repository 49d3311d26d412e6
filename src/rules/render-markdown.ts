/**
 * Renders the rule tables as Markdown for docs/law-rules.md (pure; the docs test checks the file
 * is up to date). Regenerate: node --import tsx scripts/... or see src/rules/README.md.
 */
import type { DateBasis, DatedRow, DatedRuleTable } from './types.ts';

const DATE_BASIS: Record<DateBasis, string> = {
  forste_tillatelse: 'first residence permit date',
  vedtak: 'decision date',
  bosetting: 'settlement date (civics: decision date)',
  programstart: 'programme start',
  soknad: 'application date',
  kalender: 'calendar date',
};

export const GENERATED_BEGIN = '<!-- BEGIN GENERATED RULE TABLES (src/rules/render-markdown.ts) -->';
export const GENERATED_END = '<!-- END GENERATED RULE TABLES -->';

function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '');
  if (typeof v === 'string') return `\`${v}\``;
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : String(x)}`)
      .join(', ');
  }
  return String(v);
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function rowLine(r: DatedRow): string {
  const src = r.source;
  const note = [src.postReport ? '**post-report**' : '', src.note ?? '', src.url ? `<${src.url}>` : '']
    .filter(Boolean)
    .join(' ');
  return `| \`${r.key}\` | ${r.validFrom ?? '…'} | ${r.validTo ?? '…'} | ${cell(formatValue(r.value))} | ${cell(src.law)} | ${cell(src.report ?? '—')} | ${cell(note)} |`;
}

/** One table as a Markdown section. */
export function tableMarkdown(t: DatedRuleTable): string {
  return [
    `### ${t.title.nb} — \`${t.id}\` (${t.section})`,
    '',
    `*${t.title.en}.* Row selected by: ${DATE_BASIS[t.dateBasis]}. Validity dates are inclusive; … = open.`,
    '',
    '| key | valid from | valid to | value | legal source | report | notes |',
    '|---|---|---|---|---|---|---|',
    ...t.rows.map(rowLine),
    '',
  ].join('\n');
}

/** Every table, between the generated-section markers. */
export function rulesMarkdown(tables: Readonly<Record<string, DatedRuleTable>>): string {
  return [GENERATED_BEGIN, '', ...Object.values(tables).map(tableMarkdown), GENERATED_END].join('\n');
}
