/** The API's OpenAPI 3.1 description, written by hand from the same lists the code uses (docs/api.md has the prose). */
import { RESULTS_VERSION } from '../contract/results.ts';
import { ANALYSIS_FORMATS, ANALYSIS_MEASURES, ANALYSIS_QUERY_DIMENSIONS } from './analyses-jsonstat.ts';
import { DATA_FORMATS, MAX_QUERY_LENGTH, MAX_VALUES_PER_DIMENSION, OUTPUT_FORMAT_PARAMS, QUERY_DIMENSIONS } from './params.ts';

const headers = { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } };
const json = (description: string, schemaRef = '#/components/schemas/Any') => ({
  description,
  headers,
  content: { 'application/json': { schema: { $ref: schemaRef } } },
});
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const errors = {
  '304': { description: 'Ikke endret (If-None-Match traff) / Not modified' },
  '400': problem('Ugyldig parameter / Bad parameter'),
  '404': problem('Finnes ikke / Not found'),
  '503': { ...problem('Svaret ble ikke ferdig innen tidsbudsjettet, eller køen er full; se Retry-After / over the time budget or busy'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
};
const lang = {
  name: 'lang',
  in: 'query',
  description: 'Språk for tekster: no eller nb = bokmål, en = engelsk / language of texts',
  schema: { type: 'string', enum: ['no', 'nb', 'en'], default: 'nb' },
};
const selectionHelp =
  `Utvalgsuttrykk, kommaliste (maks ${MAX_VALUES_PER_DIMENSION}): koder; * = alle; jokertegn * og ? (46*, 4?01); ` +
  'top(n[,hopp]) = de n første (for periode: de n siste årene); bottom(n[,hopp]); from(x); to(x); range(x,y). ' +
  'Periode kan være et år (2023) eller et samlet vindu (2021-2023). / Selection expressions, PxWebApi v2 style.';
const valueCodes = (dims: readonly string[]) =>
  dims.map((d) => ({ name: `valueCodes[${d}]`, in: 'query', description: selectionHelp, schema: { type: 'string' } }));
const formatParams = {
  name: 'outputFormatParams',
  in: 'query',
  description:
    'CSV/XLSX: UseCodes (standard), UseTexts (navn i stedet for koder), UseCodesAndTexts (kode og navn); SeparatorSemicolon = norsk CSV (semikolon, desimalkomma, UTF-8 BOM). Kommaliste.',
  schema: { type: 'string', enum: [...OUTPUT_FORMAT_PARAMS] },
};
const download = {
  'Content-Disposition': { description: 'Filnavn som beskriver utvalget, f.eks. R1_kommune_4601_2021-2023.csv', schema: { type: 'string' } },
};
const tooLarge = { '413': problem('Utvalget er for stort; velg færre verdier / selection too large') };
const tooLong = { '414': problem(`Spørringen er lengre enn ${MAX_QUERY_LENGTH} tegn / query too long`) };
const dataContent = {
  'application/json': { schema: { $ref: '#/components/schemas/Any' } },
  'text/csv': { schema: { type: 'string' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{1,2}[0-9]{1,2}$' }, example: 'R1' };

const indicatorData = {
  get: {
    summary: 'Data for én indikator / data for one indicator',
    parameters: [
      idParam,
      ...valueCodes(QUERY_DIMENSIONS),
      { name: 'outputFormat', in: 'query', schema: { type: 'string', enum: [...DATA_FORMATS], default: DATA_FORMATS[0] } },
      formatParams,
      lang,
    ],
    responses: {
      '200': { description: 'JSON-stat 2.0, CSV eller XLSX', headers: { ...headers, ...download }, content: dataContent },
      ...tooLarge,
      ...tooLong,
      ...errors,
    },
  },
};
const indicatorMetadata = {
  get: { summary: 'Metadata for én indikator: verdier per dimensjon i fast rekkefølge, med navn på norsk og engelsk', parameters: [idParam, lang], responses: { '200': json('Metadata'), ...errors } },
};
const simple = (summary: string) => ({ get: { summary, parameters: [lang], responses: { '200': json(summary), ...errors } } });

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Integreringsmonitor API',
    version: RESULTS_VERSION,
    description:
      'Lesetilgang (GET/HEAD, CORS) til publiserte indikatorer og analyser for integreringsloven. Bare personvernbehandlede resultater, metadata og aggregerte innlesingstall. Feil er RFC 9457 problem+json. Svar komprimeres med br eller gzip etter Accept-Encoding. / Read-only access to the published, disclosure-controlled indicators and analyses.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/': simple('Oversikt / index'),
    '/api/v1/katalog': simple('Alle indikatorers metadata og personvernregler / catalogue'),
    '/api/v1/etiketter': simple('Alle etiketter for koder og dimensjoner, på norsk og engelsk / every label in both languages'),
    '/api/v1/indikatorer/{id}': indicatorData,
    '/api/v1/indikatorer/{id}/data': indicatorData,
    '/api/v1/indikatorer/{id}/metadata': indicatorMetadata,
    '/api/v1/kommuner/{kode}/profil': {
      get: {
        summary: 'Kjerneindikatorer for én kommune med fylke og land / municipality profile',
        parameters: [{ name: 'kode', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{4}$' }, example: '4601' }, lang],
        responses: { '200': json('Profil'), ...errors },
      },
    },
    '/api/v1/regioner': simple('Land, fylker og kommuner / regions'),
    '/api/v1/tilgjengelighet': simple('Tilgjengelighetsmatrisen (A5) / availability'),
    '/api/v1/innlesing': simple('Innlesingsrapport: tall per fil og avvisningsårsak / ingest counts'),
    '/api/v1/analyser': simple('Justerte sammenligninger (A1–A4) med modellmetadata; tomt svar med merknad når ingen er publisert / analyses'),
    '/api/v1/analyser/{analyse}': {
      get: {
        summary: 'Én analyse (A1 kommune mot forventet, A2 resultatkjeden, A3 ny mot gammel lov, A4a–A4d) / one analysis',
        parameters: [
          { name: 'analyse', in: 'path', required: true, schema: { type: 'string', pattern: '^A[1-9][a-z]?$' }, example: 'A1' },
          ...valueCodes(ANALYSIS_QUERY_DIMENSIONS).map((p) => (p.name === 'valueCodes[maaltall]' ? { ...p, description: `${selectionHelp} Verdier: ${ANALYSIS_MEASURES.join(', ')}.` } : p)),
          { name: 'outputFormat', in: 'query', schema: { type: 'string', enum: [...ANALYSIS_FORMATS], default: ANALYSIS_FORMATS[0] } },
          formatParams,
          lang,
        ],
        responses: { '200': { description: 'JSON, CSV, XLSX eller JSON-stat 2.0', headers: { ...headers, ...download }, content: dataContent }, ...tooLarge, ...tooLong, ...errors },
      },
    },
    '/api/v2/tables': simple('PxWebApi v2: tabellene (indikatorene) / tables'),
    '/api/v2/tables/{id}': indicatorMetadata,
    '/api/v2/tables/{id}/metadata': indicatorMetadata,
    '/api/v2/tables/{id}/data': indicatorData,
    '/api/openapi.json': { get: { summary: 'Denne beskrivelsen / this description', responses: { '200': json('OpenAPI') } } },
  },
  components: {
    headers: {
      ETag: { description: 'Hash av innholdet (med -br/-gzip for komprimerte svar); send If-None-Match for 304', schema: { type: 'string' } },
      CacheControl: { schema: { type: 'string' } },
    },
    schemas: {
      Any: { type: 'object' },
      Problem: {
        type: 'object',
        description: 'RFC 9457 problem details; `error` keeps the v1 error shape',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string' },
          error: {
            type: 'object',
            required: ['code', 'message', 'message_en'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, message_en: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;
