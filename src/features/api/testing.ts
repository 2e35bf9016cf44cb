// For tests: checks an API response against the served OpenAPI document — the status is
// documented for the operation, every documented header is present (API-Version always), the
// content type is documented and the body matches the schema. Any feature's API test can use it:
//   const doc = await openApiChecker(t.app); doc.check(response);
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { API_PREFIX } from './schemas.ts';

type Json = Record<string, any>;

const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;

export interface OpenApiChecker {
  document: Json;
  /** Asserts the response matches the document; returns the parsed body (or undefined). */
  check(response: LightMyRequestResponse): any;
  /** How many responses were checked, per "METHOD path status". */
  checked: Map<string, number>;
  /** Whether a value matches a schema of the document: null, or what does not match. */
  mismatch(schema: Json, value: unknown): string | null;
}

function templateToRegExp(template: string): RegExp {
  const pattern = template
    .split('/')
    .map((segment) => (segment.startsWith('{') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}$`);
}

export async function openApiChecker(app: FastifyInstance): Promise<OpenApiChecker> {
  const served = await app.inject({ url: `${API_PREFIX}/openapi.json` });
  assert.equal(served.statusCode, 200);
  const document = served.json() as Json;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  const paths = Object.keys(document.paths as Json).map((template) => ({ template, regexp: templateToRegExp(template) }));
  const checked = new Map<string, number>();

  const resolve = (value: Json): Json => {
    if (value && typeof value.$ref === 'string') {
      const parts = (value.$ref as string).replace(/^#\//, '').split('/');
      let target: any = document;
      for (const part of parts) target = target[part];
      return target as Json;
    }
    return value;
  };

  function check(response: LightMyRequestResponse): any {
    const method = response.raw.req.method!.toLowerCase();
    const url = (response.raw.req.url ?? '').split('?')[0]!;
    const where = `${method.toUpperCase()} ${url} -> ${response.statusCode}`;
    assert.ok(url.startsWith(API_PREFIX), `${where}: not an API path`);
    const path = url.slice(API_PREFIX.length);
    const match = paths.find((p) => p.regexp.test(path));
    const operation = match ? (document.paths[match.template]?.[method] as Json | undefined) : undefined;

    // API-Version on every response, whether or not an operation matched.
    assert.equal(response.headers['api-version'], document.info.version, `${where}: API-Version header`);
    let responseSpec: Json | undefined;
    if (operation) {
      responseSpec = operation.responses[String(response.statusCode)];
      assert.ok(responseSpec, `${where}: status ${response.statusCode} is not documented for ${method.toUpperCase()} ${match!.template}`);
      checked.set(`${method.toUpperCase()} ${match!.template} ${response.statusCode}`, (checked.get(`${method.toUpperCase()} ${match!.template} ${response.statusCode}`) ?? 0) + 1);
    } else {
      // Unknown paths and methods answer a problem.
      assert.ok(response.statusCode === 404 || response.statusCode === 405, `${where}: no operation for this path`);
    }

    for (const [name, header] of Object.entries((responseSpec?.headers ?? {}) as Json)) {
      const spec = resolve(header as Json);
      const value = response.headers[name.toLowerCase()];
      assert.ok(value !== undefined, `${where}: documented header ${name} is missing`);
      if (spec.schema?.enum) assert.ok(spec.schema.enum.includes(value), `${where}: header ${name}=${String(value)} not in ${spec.schema.enum}`);
    }

    const contentType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (response.statusCode >= 400) assert.equal(contentType, 'application/problem+json', `${where}: errors are problem+json`);
    if (response.statusCode === 204 || response.body === '') {
      assert.ok(!responseSpec?.content, `${where}: documented a body but sent none`);
      return undefined;
    }
    if (!/[/+]json$/.test(contentType)) {
      assert.ok(responseSpec?.content?.[contentType], `${where}: content type ${contentType} is not documented`);
      return response.body;
    }
    const body = response.json() as any;
    let schema: Json | undefined;
    if (responseSpec) {
      const media = responseSpec.content?.[contentType];
      assert.ok(media, `${where}: content type ${contentType} is not documented (${Object.keys(responseSpec.content ?? {}).join(', ')})`);
      schema = media.schema as Json;
    } else {
      // Not an operation: the document's problem shape, taken from any problem response.
      schema = (document.paths['/programmes'].get.responses['400'].content['application/problem+json'].schema) as Json;
    }
    const key = `${match?.template ?? '*'} ${method} ${response.statusCode} ${contentType}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile({ ...schema, components: document.components });
      validators.set(key, validate);
    }
    const valid = validate(body) as boolean;
    assert.ok(valid, `${where}: body does not match the document: ${ajv.errorsText(validate.errors)}`);
    if (response.statusCode >= 400) {
      assert.equal(body.status, response.statusCode, `${where}: problem status`);
      assert.ok(body.title && body.detail, `${where}: problem title and detail`);
    }
    return body;
  }

  function mismatch(schema: Json, value: unknown): string | null {
    const validate = ajv.compile({ ...schema, components: document.components });
    return validate(value) ? null : ajv.errorsText(validate.errors);
  }

  return { document, check, checked, mismatch };
}
