/**
 * Data page: the availability matrix (table 6.1 of the report, analysis A5: which core indicators
 * have data for which groups, computed from what is loaded) and data quality (the ingest report:
 * rows read, loaded and rejected per file).
 */
import type { Child } from 'hono/jsx';
import type { Row } from '../../../store/index.ts';
import type { DashboardData } from '../data.ts';
import { translator, type Lang, type Translate } from '../i18n.ts';
import { Layout } from '../components/layout.tsx';
import { count, num } from '../format.ts';
import { categoryLabel, type PublicationMeta } from '../../../publish/index.ts';

export async function dataPage(data: DashboardData, lang: Lang, url: URL): Promise<Child> {
  const t = translator(lang);
  const [availability, ingest, pub] = await Promise.all([data.availability(), data.ingestFiles(), data.publication()]);
  return (
    <Layout lang={lang} url={url} title={t('Data og kvalitet', 'Data and quality')} nav="data">
      <h1 class="ds-heading" data-size="lg">{t('Data og kvalitet', 'Data and quality')}</h1>
      <Publication lang={lang} pub={pub} />
      <section aria-labelledby="tilgjengelighet">
        <h2 id="tilgjengelighet" class="ds-heading" data-size="sm">{t('Tilgjengelige data (tabell 6.1)', 'Data availability (table 6.1)')}</h2>
        <p>{t('Hvilke kjerneindikatorer det finnes data for, beregnet fra det som faktisk er lastet inn.', 'Which core indicators have data, computed from what is actually loaded.')}</p>
        <Availability lang={lang} t={t} value={availability} />
      </section>
      <section aria-labelledby="kvalitet">
        <h2 id="kvalitet" class="ds-heading" data-size="sm">{t('Datakvalitet ved innlesing', 'Data quality at ingest')}</h2>
        <p>{t('Rader som ikke følger datakontrakten, settes til side med linje, kolonne og årsak, og telles her.', 'Rows that break the data contract are set aside with line, column and reason, and counted here.')}</p>
        <IngestTable lang={lang} t={t} rows={ingest} />
      </section>
    </Layout>
  );
}

function Publication(p: { lang: Lang; pub: PublicationMeta | null }): Child {
  const t = translator(p.lang);
  if (!p.pub) return <p>{t('Ingen publisering funnet ennå.', 'No publication found yet.')}</p>;
  const th = p.pub.thresholds ?? {};
  return (
    <dl class="meta-list">
      <dt>{t('Beregnet', 'Computed')}</dt>
      <dd>{p.pub.generatedAt}</dd>
      {p.pub.dataLastDate ? (<><dt>{t('Data til og med', 'Data up to')}</dt><dd>{p.pub.dataLastDate}</dd></>) : null}
      <dt>{t('Personvern (prikking)', 'Confidentiality (suppression)')}</dt>
      <dd>
        {p.pub.disclosure === 'on' ? t('På', 'On') : t('AV – ubeskyttede tall, kun for analytikere', 'OFF – unprotected figures, analysts only')}
        {Object.keys(th).length ? ` (${Object.entries(th).map(([k, v]) => `${k} = ${v}`).join(', ')})` : ''}
      </dd>
    </dl>
  );
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cellWord(t: Translate, v: unknown): string {
  if (v === true) return t('✓ Ja', '✓ Yes');
  if (v === false) return t('✗ Nei', '✗ No');
  if (v === 'full') return t('✓ Full', '✓ Full');
  if (v === 'delvis') return t('◐ Delvis', '◐ Partial');
  if (v === 'ingen') return t('✗ Ingen', '✗ None');
  if (v === null || v === undefined) return '..';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The availability JSON is whatever the compute stage wrote; render it by shape: an object of
 * objects becomes a matrix (e.g. indicator × group), an object of values a two-column table, an
 * array of objects a table.
 */
function Availability(p: { lang: Lang; t: Translate; value: unknown }): Child {
  if (p.value === null || p.value === undefined) return <p>{p.t('Ingen oversikt lagret.', 'No overview stored.')}</p>;
  if (Array.isArray(p.value)) return <RowsTable caption={p.t('Tilgjengelighet', 'Availability')} t={p.t} rows={p.value.filter(isObj)} />;
  if (!isObj(p.value)) return <p>{String(p.value)}</p>;
  const entries = Object.entries(p.value);
  if (entries.every(([, v]) => isObj(v) && Object.values(v).every((x) => !isObj(x)))) return <Matrix lang={p.lang} caption={p.t('Tilgjengelighet', 'Availability')} t={p.t} rows={entries as [string, Record<string, unknown>][]} />;
  if (entries.every(([, v]) => !isObj(v) && !Array.isArray(v))) return <Matrix lang={p.lang} caption={p.t('Tilgjengelighet', 'Availability')} t={p.t} rows={entries.map(([k, v]) => [k, { '': v }])} />;
  return (
    <>
      {entries.map(([k, v]) => (
        <div class="availability-part">
          <h3 class="ds-heading" data-size="2xs">{label(p.lang, k)}</h3>
          <Availability lang={p.lang} t={p.t} value={v} />
        </div>
      ))}
    </>
  );
}

const KNOWN: Record<string, [string, string]> = {
  tabeller: ['Inndatatabeller', 'Input tables'],
  indikatorer: ['Indikatorer', 'Indicators'],
  grupper: ['Grupper', 'Groups'],
};
function label(lang: Lang, key: string): string {
  const k = KNOWN[key];
  if (k) return lang === 'en' ? k[1] : k[0];
  const g = categoryLabel('gruppe', key, lang);
  return g && g !== key ? g : key;
}

function Matrix(p: { lang: Lang; caption: string; t: Translate; rows: readonly [string, Record<string, unknown>][] }): Child {
  const cols = [...new Set(p.rows.flatMap(([, v]) => Object.keys(v)))];
  const lang = p.lang;
  return (
    <div class="table-wrap">
      <table class="ds-table availability" data-size="sm">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.t('Navn', 'Name')}</th>
            {cols.map((c) => <th scope="col">{c === '' ? p.t('Status', 'Status') : label(lang, c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {p.rows.map(([k, v]) => (
            <tr>
              <th scope="row">{label(lang, k)}</th>
              {cols.map((c) => <td>{cellWord(p.t, v[c])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowsTable(p: { caption: string; t: Translate; rows: readonly Record<string, unknown>[] }): Child {
  const cols = [...new Set(p.rows.flatMap((r) => Object.keys(r)))];
  return (
    <div class="table-wrap">
      <table class="ds-table" data-size="sm">
        <caption>{p.caption}</caption>
        <thead><tr>{cols.map((c) => <th scope="col">{c}</th>)}</tr></thead>
        <tbody>{p.rows.map((r) => <tr>{cols.map((c) => <td>{cellWord(p.t, r[c])}</td>)}</tr>)}</tbody>
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
    <div class="table-wrap">
      <table class="ds-table ingest" data-size="sm" data-zebra="true">
        <caption>{t('Rader lest, lastet og avvist per fil', 'Rows read, loaded and rejected per file')}</caption>
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
