/** The short human summary printed after an ingest (Norwegian, English with --lang en). */
import { REJECTION_REASONS, type RejectionCode } from '../contract/index.ts';
import { getLang, tr } from '../shared/lang.ts';
import type { IngestReport } from './types.ts';

const fmt = (n: number) => n.toLocaleString(getLang() === 'en' ? 'en-GB' : 'nb-NO');

export function formatSummary(r: IngestReport): string {
  const lines: string[] = [];
  lines.push(r.ok ? tr('Innlesing fullført.', 'Ingest completed.') : tr('Innlesing feilet: lageret er ikke endret.', 'Ingest failed: the store was not changed.'));
  for (const e of r.errors) lines.push(`  ! ${e}`);
  const width = Math.max(8, ...r.files.map((f) => f.fil.length));
  lines.push(`  ${tr('fil', 'file').padEnd(width)}  ${tr('lest', 'read').padStart(11)}  ${tr('lastet', 'loaded').padStart(11)}  ${tr('avvist', 'rejected').padStart(9)}`);
  for (const f of r.files) {
    const refused = r.refused.find((x) => x.fil === f.fil);
    const tail = refused ? `  ${tr('AVVIST FIL', 'FILE REFUSED')}: ${refused.aarsak}` : f.tegnsett && !f.tegnsett.startsWith('utf-8') ? `  (${f.tegnsett})` : '';
    lines.push(`  ${f.fil.padEnd(width)}  ${fmt(f.rows_read).padStart(11)}  ${fmt(f.rows_loaded).padStart(11)}  ${fmt(f.rows_rejected).padStart(9)}${tail}`);
  }
  if (r.absent_tables.length > 0) lines.push(`  ${tr('ingen fil (ingen data)', 'no file (no data)')}: ${r.absent_tables.join(', ')}`);
  if (r.top_reasons.length > 0) {
    lines.push(tr('Vanligste avvisningsårsaker:', 'Most frequent rejection reasons:'));
    for (const t of r.top_reasons) {
      const text = REJECTION_REASONS[t.aarsak_kode as RejectionCode];
      lines.push(`  ${fmt(t.n).padStart(9)}  ${t.aarsak_kode} — ${text ? tr(text.nb, text.en) : ''}`);
    }
  }
  if (r.ok) lines.push(`${tr('Lager', 'Store')}: ${r.db_path}`);
  if (r.report_path) lines.push(`${tr('Rapport', 'Report')}: ${r.report_path}`);
  return `${lines.join('\n')}\n`;
}
