import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';

export const OPENAPI_PATH = join(__dirname, '..', '..', 'docs', 'openapi.yaml');

interface Operation {
  parameters?: Array<{ name?: string; in?: string; $ref?: string }>;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, object>;
    parameters: Record<string, { name: string; in: string }>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

export const openApiDocument = (): OpenApiDocument =>
  parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every documented operation as `GET /articles/{id}`, API Gateway's route-key syntax. */
export function documentedRouteKeys(doc: OpenApiDocument = openApiDocument()): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => HTTP_METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}

/** The names of an operation's query parameters, with `$ref`s resolved. */
export function documentedQueryParameters(
  routeKey: string,
  doc: OpenApiDocument = openApiDocument(),
): string[] {
  const [method, path] = routeKey.split(' ') as [string, string];
  const operation = doc.paths[path]![method.toLowerCase()]!;
  return (operation.parameters ?? [])
    .map((p) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()!]! : p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name!);
}

/**
 * A validator for the 200 body of a route, by the document's own schema (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses it), so a response that drifts from docs/openapi.yaml fails.
 */
export function responseValidator(doc: OpenApiDocument = openApiDocument()) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The schemas refer to each other as '#/components/schemas/X': register them under a document that
  // has only that member, with `components` declared so strict mode accepts it.
  ajv.addKeyword({ keyword: 'components' });
  ajv.addSchema({ $id: 'openapi', components: { schemas: doc.components.schemas } });
  const schemaFor = (routeKey: string, status: string) => {
    const [method, path] = routeKey.split(' ') as [string, string];
    const response = doc.paths[path]![method.toLowerCase()]!.responses[status];
    if (!response) throw new Error(`${routeKey} documents no ${status} response`);
    const resolved = response.$ref
      ? (doc.components as unknown as Record<string, Record<string, typeof response>>).responses![
          response.$ref.split('/').pop()!
        ]!
      : response;
    return resolved.content!['application/json']!.schema;
  };
  return (routeKey: string, status: string, body: unknown) => {
    const schema = JSON.parse(
      JSON.stringify(schemaFor(routeKey, status)).replace(/"#\/components/g, '"openapi#/components'),
    );
    const validate = ajv.compile(schema);
    const valid = validate(body) as boolean;
    return { valid, errors: ajv.errorsText(validate.errors) };
  };
}
