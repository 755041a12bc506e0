import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { join } from 'node:path';

/** Vendored with its licence (test/support/ninjs/), so validation never needs ../shared. */
const NINJS_SCHEMA_PATH = join(__dirname, 'ninjs', 'ninjs-schema_3.1.json');

/** The IPTC's own ninjs 3.1 schema (draft 2020-12), compiled once per test file. */
export function ninjsValidator() {
  const schema = JSON.parse(readFileSync(NINJS_SCHEMA_PATH, 'utf8')) as object;
  // The schema uses "format" annotations; strict mode would reject them without ajv-formats.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // places[].geoJSON refers to the GeoJSON schema online; nothing is fetched in tests, and copydesk
  // writes no geoJSON, so any object stands in for it.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  const validate = ajv.compile(schema);
  return (doc: unknown) => ({ valid: validate(doc) as boolean, errors: ajv.errorsText(validate.errors) });
}
