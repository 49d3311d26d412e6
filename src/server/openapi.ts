/** The API's OpenAPI 3.1 description, written by hand (docs/api.md has the prose). */
import { RESULTS_VERSION } from '../contract/results.ts';
import { MAX_QUERY_LENGTH, MAX_VALUES_PER_DIMENSION, QUERY_DIMENSIONS } from './params.ts';

const json = (description: string, schemaRef = '#/components/schemas/Any') => ({
  description,
  headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } },
  content: { 'application/json': { schema: { $ref: schemaRef } } },
});
const errors = {
  '304': { description: 'Ikke endret (If-None-Match traff) / Not modified' },
  '400': json('Ugyldig parameter / Bad parameter', '#/components/schemas/Error'),
  '404': json('Finnes ikke / Not found', '#/components/schemas/Error'),
};
const lang = { name: 'lang', in: 'query', schema: { type: 'string', enum: ['nb', 'en'], default: 'nb' } };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Integreringsmonitor API',
    version: RESULTS_VERSION,
    description:
      'Lesetilgang (GET/HEAD) til publiserte indikatorer for integreringsloven. Bare personvernbehandlede resultater, metadata og aggregerte innlesingstall. / Read-only access to the published, disclosure-controlled indicators.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/': { get: { summary: 'Oversikt / index', parameters: [lang], responses: { '200': json('Lenker / links'), ...errors } } },
    '/api/v1/katalog': { get: { summary: 'Alle indikatorers metadata og personvernregler / catalogue', parameters: [lang], responses: { '200': json('Katalog'), ...errors } } },
    '/api/v1/indikatorer/{id}': {
      get: {
        summary: 'Data for én indikator / data for one indicator',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{1,2}[0-9]{1,2}$' }, example: 'R1' },
          ...QUERY_DIMENSIONS.map((d) => ({
            name: `valueCodes[${d}]`,
            in: 'query',
            description: `Kommaliste med koder, * = alle, 46* = mønster (maks ${MAX_VALUES_PER_DIMENSION}) / comma list, * wildcard`,
            schema: { type: 'string' },
          })),
          { name: 'outputFormat', in: 'query', schema: { type: 'string', enum: ['json-stat2', 'csv', 'xlsx'], default: 'json-stat2' } },
          lang,
        ],
        responses: {
          '200': {
            description: 'JSON-stat 2.0 dataset, CSV (indikatorer.csv-kolonner) eller XLSX',
            headers: { ETag: { $ref: '#/components/headers/ETag' } },
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Any' } },
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '414': json(`Spørringen er lengre enn ${MAX_QUERY_LENGTH} tegn / query too long`, '#/components/schemas/Error'),
          ...errors,
        },
      },
    },
    '/api/v1/indikatorer/{id}/metadata': {
      get: { summary: 'Metadata for én indikator', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, lang], responses: { '200': json('Metadata'), ...errors } },
    },
    '/api/v1/kommuner/{kode}/profil': {
      get: {
        summary: 'Kjerneindikatorer for én kommune med fylke og land / municipality profile',
        parameters: [{ name: 'kode', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{4}$' }, example: '4601' }, lang],
        responses: { '200': json('Profil'), ...errors },
      },
    },
    '/api/v1/regioner': { get: { summary: 'Land, fylker og kommuner / regions', parameters: [lang], responses: { '200': json('Regioner'), ...errors } } },
    '/api/v1/tilgjengelighet': { get: { summary: 'Tilgjengelighetsmatrisen (A5) / availability', parameters: [lang], responses: { '200': json('Tilgjengelighet'), ...errors } } },
    '/api/v1/innlesing': { get: { summary: 'Innlesingsrapport: tall per fil og avvisningsårsak / ingest counts', parameters: [lang], responses: { '200': json('Innlesing'), ...errors } } },
    '/api/openapi.json': { get: { summary: 'Denne beskrivelsen / this description', responses: { '200': json('OpenAPI') } } },
  },
  components: {
    headers: {
      ETag: { description: 'Hash av innholdet; send If-None-Match for 304', schema: { type: 'string' } },
      CacheControl: { schema: { type: 'string' } },
    },
    schemas: {
      Any: { type: 'object' },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
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
