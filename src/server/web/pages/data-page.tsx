/**
 * Data page: publication facts (dates in Norwegian or English format), the availability matrix
 * (table 6.1 of the report, analysis A5) as a real table by group and act, and data quality: the
 * ingest report per file and the rejected rows' reasons grouped and counted. No raw JSON.
 */
import type { Child } from 'hono/jsx';
import type { IndicatorMeta } from '../../../catalogue/types.ts';
import type { Gruppe, Lovregime, ResultRow } from '../../../contract/results.ts';
import type { Row } from '../../../store/index.ts';
import { headlineRowsOf, type DashboardData } from '../data.ts';
import { href, translator, type Lang, type Translate } from '../i18n.ts';
import { pick } from '../../../shared/lang.ts';
import { GROUPS, REGIMES, partsOf } from '../../../contract/dimensions.ts';
import { Layout } from '../components/layout.tsx';
import { count, dateText, num } from '../format.ts';
import { gruppeName, regimeShort } from '../labels.ts';
import type { PublicationMeta } from '../../../publish/index.ts';
import { headlineBotid, headlineMeasure, isPooled, isPublished } from '../select.ts';

/** The finest groups (no published group below them), in the outputs' order. */
const AVAIL_GROUPS: readonly Gruppe[] = GROUPS.filter((g) => !GROUPS.some((c) => c.parent === g.kode)).map((g) => g.kode);
const ACTS: readonly Lovregime[] = partsOf(REGIMES);

/** Persons behind published national figures per group × act (headline measure, all years). */
export interface AvailabilityLine {
  readonly meta: IndicatorMeta;
  readonly cells: ReadonlyMap<string, number>;
  readonly missingSources: readonly string[];
}

/** Sums published national denominators per group × act for one indicator's headline measure. */
export function availabilityCells(meta: IndicatorMeta, rows: readonly ResultRow[]): Map<string, number> {
  const maal = headlineMeasure(meta, rows);
  const botid = meta.ledd === 'integreringsresultat' ? headlineBotid(rows.filter((r) => r.maal === maal)) : null;
  const cells = new Map<string, number>();
  for (const r of rows) {
    if (r.maal !== maal || r.botid !== botid || isPooled(r) || !isPublished(r) || r.nevner === null) continue;
    const k = `${r.gruppe}|${r.lovregime}`;
    cells.set(k, (cells.get(k) ?? 0) + r.nevner);
  }
  return cells;
}

/** The stored matrix's missing input tables per indicator, read defensively from its JSON. */
function missingSources(stored: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const list = (stored as { indikatorer?: unknown } | null)?.indikatorer;
  if (!Array.isArray(list)) return out;
  for (const e of list) {
    const id = (e as { indikator?: unknown }).indikator;
    const miss = (e as { manglendeKilder?: unknown }).manglendeKilder;
    if (typeof id === 'string' && Array.isArray(miss)) out.set(id, miss.map(String));
  }
  return out;
}

export async function dataPage(data: DashboardData, lang: Lang, url: URL): Promise<Child> {
  const t = translator(lang);
  const core = (await data.indicators()).filter((m) => m.kjerne);
  const [stored, ingest, rejections, pub, national] = await Promise.all([
    data.availability(),
    data.ingestFiles(),
    data.rejections(lang),
    data.publication(),
    headlineRowsOf(data, core, (m) => ({ indikator: m.id, regionniva: ['land'], kjonn: ['alle'] })).then((heads) => heads.map((h) => h.rows)),
  ]);
  const missing = missingSources(stored);
  const lines: AvailabilityLine[] = core.map((meta, i) => ({ meta, cells: availabilityCells(meta, national[i]!), missingSources: missing.get(meta.id) ?? [] }));
  return (
    <Layout lang={lang} url={url} title={t('Data og kvalitet', 'Data and quality')} nav="data">
      <h1 class="ds-heading" data-size="lg">{t('Data og kvalitet', 'Data and quality')}</h1>
      <Publication lang={lang} pub={pub} />
      <section aria-labelledby="tilgjengelighet">
        <h2 id="tilgjengelighet" class="ds-heading" data-size="sm">{t('Tilgjengelige data (tabell 6.1)', 'Data availability (table 6.1)')}</h2>
        <p>
          {t(
            'Hvilke kjerneindikatorer som har publiserte tall for hver gruppe under gammel og ny lov, for hele landet. Tallet er personer summert over alle år (hovedmålet; for integreringsresultat ett oppfølgingsår). ✗ betyr ingen publiserte tall.',
            'Which core indicators have published figures for each group under the old and the new act, for the whole country. The number is persons summed over all years (the headline measure; for integration outcomes one follow-up year). ✗ means no published figures.',
          )}
        </p>
        <AvailabilityTable lang={lang} t={t} lines={lines} />
      </section>
      <section aria-labelledby="kvalitet">
        <h2 id="kvalitet" class="ds-heading" data-size="sm">{t('Datakvalitet ved innlesing', 'Data quality at ingest')}</h2>
        <p>{t('Rader som ikke følger datakontrakten, settes til side med linje, kolonne og årsak, og telles her.', 'Rows that break the data contract are set aside with line, column and reason, and counted here.')}</p>
        <IngestTable lang={lang} t={t} rows={ingest} />
        <Rejections lang={lang} t={t} rows={rejections} />
      </section>
    </Layout>
  );
}

function Publication(p: { lang: Lang; pub: PublicationMeta | null }): Child {
  const t = translator(p.lang);
  if (!p.pub) return <p>{t('Ingen publisering funnet ennå.', 'No publication found yet.')}</p>;
  const th = p.pub.thresholds ?? {};
  const thresholdName: Record<string, [string, string]> = {
    minDenominator: ['minste antall personer i en celle', 'minimum persons in a cell'],
    minCount: ['minste antall i telleren', 'minimum count in the numerator'],
    minMeanN: ['minste antall bak et gjennomsnitt', 'minimum persons behind a mean'],
  };
  const thText = Object.entries(th).map(([k, v]) => `${thresholdName[k] ? t(thresholdName[k][0], thresholdName[k][1]) : k}: ${v}`).join('; ');
  return (
    <dl class="meta-list">
      <dt>{t('Beregnet', 'Computed')}</dt>
      <dd><time datetime={p.pub.generatedAt}>{dateText(p.lang, p.pub.generatedAt)}</time></dd>
      {p.pub.dataLastDate ? (<><dt>{t('Data til og med', 'Data up to')}</dt><dd><time datetime={p.pub.dataLastDate}>{dateText(p.lang, p.pub.dataLastDate)}</time></dd></>) : null}
      <dt>{t('Personvern (prikking)', 'Confidentiality (suppression)')}</dt>
      <dd>
        {p.pub.disclosure === 'on' ? t('På', 'On') : t('AV – ubeskyttede tall, kun for analytikere', 'OFF – unprotected figures, analysts only')}
        {thText ? ` (${thText})` : ''}
      </dd>
    </dl>
  );
}

function AvailabilityTable(p: { lang: Lang; t: Translate; lines: readonly AvailabilityLine[] }): Child {
  const groups = AVAIL_GROUPS.filter((g) => p.lines.some((l) => ACTS.some((a) => l.cells.has(`${g}|${a}`))));
  const shown = groups.length ? groups : AVAIL_GROUPS.slice(0, 3);
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-labelledby="avail-caption">
      <table class="ds-table availability" data-size="sm">
        <caption id="avail-caption">{p.t('Publiserte tall etter gruppe og lov (personer)', 'Published figures by group and act (persons)')}</caption>
        <thead>
          <tr>
            <td rowspan={2}></td>
            {shown.map((g) => <th scope="colgroup" colspan={2}>{gruppeName(p.lang, g)}</th>)}
            <th scope="col" rowspan={2}>{p.t('Mangler kilder', 'Missing sources')}</th>
          </tr>
          <tr>
            {shown.flatMap((g) => ACTS.map((a) => <th scope="col" class="num" id={`av-${g}-${a}`}>{regimeShort(p.lang, a)}</th>))}
          </tr>
        </thead>
        <tbody>
          {p.lines.map((l) => (
            <tr>
              <th scope="row"><a href={href(`/indikator/${l.meta.id}`, p.lang)}>{`${l.meta.id} ${pick(l.meta.navn, p.lang)}`}</a></th>
              {shown.flatMap((g) => ACTS.map((a) => {
                const n = l.cells.get(`${g}|${a}`);
                return <td class="num">{n !== undefined ? `✓ ${count(p.lang, n)}` : <span><span aria-hidden="true">✗</span><span class="ds-sr-only">{p.t('ingen', 'none')}</span></span>}</td>;
              }))}
              <td>{l.missingSources.length ? l.missingSources.join(', ') : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function n(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function IngestTable(p: { lang: Lang; t: Translate; rows: readonly Row[] }): Child {
  const t = p.t;
  if (p.rows.length === 0) return <p>{t('Ingen innlesingsrapport i denne databasen.', 'No ingest report in this database.')}</p>;
  const total = { read: 0, loaded: 0, rejected: 0 };
  for (const r of p.rows) {
    total.read += n(r['rows_read']);
    total.loaded += n(r['rows_loaded']);
    total.rejected += n(r['rows_rejected']);
  }
  const share = (rej: number, read: number): string => (read > 0 ? `${num(p.lang, (100 * rej) / read)} %` : '–');
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-labelledby="ingest-caption">
      <table class="ds-table ingest" data-size="sm" data-zebra="true">
        <caption id="ingest-caption">{t('Rader lest, lastet og avvist per fil', 'Rows read, loaded and rejected per file')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Fil', 'File')}</th>
            <th scope="col">{t('Tabell', 'Table')}</th>
            <th scope="col" class="num">{t('Lest', 'Read')}</th>
            <th scope="col" class="num">{t('Lastet', 'Loaded')}</th>
            <th scope="col" class="num">{t('Avvist', 'Rejected')}</th>
            <th scope="col" class="num">{t('Andel avvist', 'Share rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">{String(r['fil'] ?? '')}</th>
              <td>{String(r['tabell'] ?? '')}</td>
              <td class="num">{count(p.lang, n(r['rows_read']))}</td>
              <td class="num">{count(p.lang, n(r['rows_loaded']))}</td>
              <td class="num">{count(p.lang, n(r['rows_rejected']))}</td>
              <td class="num">{share(n(r['rows_rejected']), n(r['rows_read']))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan={2}>{t('Sum', 'Total')}</th>
            <td class="num">{count(p.lang, total.read)}</td>
            <td class="num">{count(p.lang, total.loaded)}</td>
            <td class="num">{count(p.lang, total.rejected)}</td>
            <td class="num">{share(total.rejected, total.read)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Rejected rows grouped per file by reason (and column), counted; never values or line numbers. */
function Rejections(p: { lang: Lang; t: Translate; rows: readonly Record<string, unknown>[] }): Child {
  const t = p.t;
  if (p.rows.length === 0) return <p>{t('Ingen rader ble avvist.', 'No rows were rejected.')}</p>;
  const files = [...new Set(p.rows.map((r) => String(r['fil'] ?? r['tabell'] ?? '')))].sort();
  return (
    <div class="rejections">
      <h3 class="ds-heading" data-size="xs">{t('Avviste rader etter årsak', 'Rejected rows by reason')}</h3>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="rej-caption">
        <table class="ds-table rejection-table" data-size="sm">
          <caption id="rej-caption">{t('Avviste rader per fil, gruppert etter årsak og kolonne', 'Rejected rows per file, grouped by reason and column')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Fil', 'File')}</th>
              <th scope="col">{t('Årsak', 'Reason')}</th>
              <th scope="col">{t('Kolonne', 'Column')}</th>
              <th scope="col" class="num">{t('Antall', 'Count')}</th>
            </tr>
          </thead>
          <tbody>
            {files.flatMap((f) => {
              const rows = p.rows.filter((r) => String(r['fil'] ?? r['tabell'] ?? '') === f).sort((a, b) => n(b['antall']) - n(a['antall']));
              return rows.map((r, i) => (
                <tr>
                  {i === 0 ? <th scope="rowgroup" rowspan={rows.length}>{f}</th> : null}
                  <td>{String(r['aarsak'] ?? r['aarsak_kode'] ?? '')}</td>
                  <td>{r['kolonne'] ? String(r['kolonne']) : '–'}</td>
                  <td class="num">{count(p.lang, n(r['antall']))}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
