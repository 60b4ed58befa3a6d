// Types of the reference client (integration-client.mjs), for the TypeScript tests that use it.
export interface SignedParts {
  method: string;
  target: string;
  timestamp: string | number;
  nonce: string;
  body?: string | Buffer;
}
// The body is the server's JSON answer, whatever its shape; callers name a type where they rely on one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ClientResponse<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
}
export function sha256Hex(body: string | Buffer): string;
export function canonicalString(parts: SignedParts): string;
export function sign(secret: string, parts: SignedParts): string;
export function signedHeaders(opts: {
  keyId: string;
  secret: string;
  method: string;
  target: string;
  body?: string;
  timestamp?: string | number;
  nonce?: string;
}): Record<string, string>;
export interface IntegrationClient {
  call(
    method: string,
    target: string,
    payload?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<ClientResponse>;
  upsertRecords(items: unknown[], opts?: { idempotencyKey?: string }): Promise<ClientResponse>;
  deleteRecord(externalId: string): Promise<ClientResponse>;
  compliance(idNumber: string, year: number | string): Promise<ClientResponse>;
  changes(opts?: { cursor?: string; limit?: number }): Promise<ClientResponse>;
  setWebhook(url: string, eventTypes: string[]): Promise<ClientResponse>;
  webhook(): Promise<ClientResponse>;
  /** 更换通知密钥; during `overlapHours` (default 24) the old secret still signs beside the new one. */
  rotateWebhookSecret(overlapHours?: number): Promise<ClientResponse>;
  deleteWebhook(): Promise<ClientResponse>;
  webhookDeliveries(opts?: { state?: string; limit?: number }): Promise<ClientResponse>;
  redeliverWebhook(messageId: string): Promise<ClientResponse>;
}
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  opts?: { nowSeconds?: number; toleranceSeconds?: number },
): boolean;
export function createClient(opts: {
  baseUrl: string;
  keyId: string;
  secret: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch for the signature's timestamp (default Date.now). */
  now?: () => number;
}): IntegrationClient;
