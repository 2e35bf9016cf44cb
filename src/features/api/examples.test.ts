// The OpenAPI document shows an example request and answer for every operation, and each example
// matches the schema it illustrates: an operation changed without running scripts/api-examples.ts
// again fails here instead of documenting something the API no longer does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { openApiChecker, type OpenApiChecker } from './testing.ts';

describe('examples in the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiChecker;
  before(async () => {
    t = await startTestApp('pglite');
    doc = await openApiChecker(t.app);
  });
  after(async () => t.close());

  const operations = () =>
    Object.entries(doc.document.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, operation })),
    );

  test('every operation with a body has a request example that its schema accepts', () => {
    const withBody = operations().filter(({ operation }) => operation.requestBody);
    assert.ok(withBody.length >= 7, `operations with a body: ${withBody.length}`);
    for (const { where, operation } of withBody) {
      const media = operation.requestBody.content['application/json'];
      assert.ok(media.example !== undefined, `${where}: no request example`);
      assert.equal(doc.mismatch(media.schema, media.example), null, `${where}: the request example does not match`);
    }
  });

  test('every operation has an example of its successful answer that matches the schema', () => {
    const all = operations().filter(({ where }) => where !== 'GET /openapi.json');
    assert.ok(all.length >= 40, `operations: ${all.length}`);
    for (const { where, operation } of all) {
      const successes = Object.entries(operation.responses as Record<string, any>).filter(([status, response]) => status.startsWith('2') && response.content);
      const shown = successes.flatMap(([, response]) => Object.values(response.content as Record<string, any>)).filter((media) => media.example !== undefined);
      assert.ok(shown.length >= 1, `${where}: no example of a successful answer`);
      for (const media of shown) {
        if (typeof media.example === 'string') continue; // CSV: text, no JSON schema to match
        assert.equal(doc.mismatch(media.schema, media.example), null, `${where}: the answer's example does not match`);
      }
    }
  });

  test('every error answer shows a problem with its own status', () => {
    for (const { where, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
        const media = response.content?.['application/problem+json'];
        if (!media) continue;
        assert.equal(media.example?.status, Number(status), `${where} ${status}`);
        assert.equal(doc.mismatch(media.schema, media.example), null, `${where} ${status}: the problem example does not match`);
      }
    }
  });

  test('the examples are the API\'s own answers on the default data', () => {
    const project = (doc.document.paths['/programmes/{programme}/projects/{projectCode}'] as any).get.responses['200'].content['application/json'].example;
    assert.equal(project.code, '3a');
    assert.match(project.title.nl, /Studentenhuisvesting/i);
    const created = (doc.document.paths['/programmes/{programme}/targets/{targetKey}/measurements'] as any).post;
    assert.equal(created.requestBody.content['application/json'].example.value, 1150);
    assert.equal(created.responses['201'].content['application/json'].example.value, 1150);
  });
});
