import { ErrorBody } from '@ptce/contracts';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Policy } from '../auth/policy';

/**
 * The OpenAPI document is one a vendor can generate a client from (redocly's recommended rules, checked by
 * test/openapi): every operation has an operationId, its security and at least one documented 4xx answer.
 * A route that declares them keeps its own; the others get them here from the route itself — the id from
 * method and path, the security from its policy (public: none; signed: the four signature headers; else the
 * session cookie), the error body for 4xx, and a file for a download that declares no 2xx body.
 */
type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

const SIGNED = [{ ptceKeyId: [], ptceTimestamp: [], ptceNonce: [], ptceSignature: [] }];

/** GET /api/certificates/:id/pdf → getCertificatesByIdPdf; hour-records::batch → …HourRecordsBatch. */
export function operationIdOf(method: string, url: string): string {
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((seg) => (seg.startsWith(':') ? ['by', seg.slice(1)] : seg.split(/[:.\-_]+/)))
    .filter(Boolean);
  return `${method.toLowerCase()}${words.map(cap).join('')}`;
}

export const documentTransform: Transform = (opts) => {
  const { schema, route, url } = opts;
  if (!schema || !url.startsWith('/api/')) return jsonSchemaTransform(opts);
  const policy = (route.config as { policy?: Policy } | undefined)?.policy;
  const s = { ...schema } as Record<string, unknown>;
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  s.operationId ??= operationIdOf(method, url);
  s.security ??= !policy || policy.kind === 'public' ? [] : policy.signed ? SIGNED : [{ session: [] }];
  const response = { ...((s.response as Record<string, unknown> | undefined) ?? {}) };
  if (!Object.keys(response).some((code) => /^4/.test(code))) response['4xx'] = ErrorBody;
  s.response = response;
  const out = jsonSchemaTransform({ ...opts, schema: s as typeof schema });
  // A download (PDF, Excel, evidence file) streams bytes and declares no 2xx body: document it as a file.
  const documented = (out.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (documented && !Object.keys(documented).some((code) => /^2/.test(code)))
    documented['200'] = {
      description: '文件内容',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  return out;
};
