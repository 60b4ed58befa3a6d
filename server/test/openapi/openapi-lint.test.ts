import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIdOf } from '../../src/http/openapi';
import type { TestApp } from '../helpers';
import { createCatalogedApp, type CatalogRoute } from '../security/catalog';

/**
 * The OpenAPI document served at /api/docs/json, linted with redocly's recommended rules (@redocly/openapi-core,
 * the engine of `redocly lint`): the integration section alone and the whole document, each with no error and no
 * warning — no ambiguous paths either, so a generated client maps every URL to one operation. The licence URL rule
 * is off: the system is not published under a licence, so there is no URL to give.
 */
type Doc = { openapi: string; paths: Record<string, Record<string, { operationId?: string }>> } & Record<
  string,
  unknown
>;

let t: TestApp;
let routes: CatalogRoute[];
let doc: Doc;
beforeAll(async () => {
  ({ t, routes } = await createCatalogedApp());
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as Doc;
});
afterAll(async () => t.close());

async function lint(document: unknown): Promise<NormalizedProblem[]> {
  const config = await createConfig({ extends: ['recommended'], rules: { 'info-license-strict': 'off' } });
  return lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
}

const describeProblem = (p: NormalizedProblem) =>
  `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`;

/** The document with the integration paths only (what an industry system's engineers generate a client from). */
function integrationSection(d: Doc): Doc {
  return {
    ...d,
    paths: Object.fromEntries(Object.entries(d.paths).filter(([p]) => p.startsWith('/api/integration/'))),
  };
}

describe('OpenAPI document', () => {
  it('the integration section passes redocly recommended with no error and no warning', async () => {
    const section = integrationSection(doc);
    expect(Object.keys(section.paths).length).toBeGreaterThan(10);
    expect((await lint(section)).map(describeProblem)).toEqual([]);
  });

  it('the whole document passes redocly recommended with no error and no warning', async () => {
    expect((await lint(doc)).map(describeProblem)).toEqual([]);
  });

  it('is OpenAPI 3.1: schemas are JSON Schema 2020-12 (null is a type; no 3.0 nullable)', () => {
    expect(doc.openapi).toBe('3.1.0');
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"nullable"');
    expect(text).toContain('"type":"null"');
  });

  it('a broken document fails the lint (the check is not vacuous)', async () => {
    const section = integrationSection(doc);
    const batch = section.paths['/api/integration/v1/hour-records:batch']!;
    const broken = {
      ...section,
      paths: {
        ...section.paths,
        '/api/integration/v1/hour-records:batch': { post: { ...batch.post, operationId: undefined, responses: {} } },
      },
    };
    const problems = (await lint(broken)).map((p) => p.ruleId);
    expect(problems).toEqual(expect.arrayContaining(['operation-operationId', 'operation-2xx-response']));
    await expect(lint({ ...section, openapi: undefined })).rejects.toThrow(/Unsupported specification/);
  });

  it('documents every integration route, each with its operationId and the four signature headers on v1', () => {
    const integration = routes.filter((r) => r.url.startsWith('/api/integration/'));
    expect(integration.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const r of integration) {
      const path = r.url.replace(/\/:(\w+)/g, '/{$1}').replace(/::/g, ':');
      const op = doc.paths[path]?.[r.method.toLowerCase()] as
        { operationId?: string; security?: Array<Record<string, unknown>> } | undefined;
      if (!op?.operationId) {
        missing.push(r.key);
        continue;
      }
      if (r.url.startsWith('/api/integration/v1/'))
        expect(Object.keys(op.security?.[0] ?? {}).sort(), r.key).toEqual(
          ['ptceKeyId', 'ptceNonce', 'ptceSignature', 'ptceTimestamp'].sort(),
        );
    }
    expect(missing).toEqual([]);
  });

  it('operation ids made from method and path are unique across the document', () => {
    expect(operationIdOf('GET', '/api/certificates/:id/pdf')).toBe('getCertificatesByIdPdf');
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
