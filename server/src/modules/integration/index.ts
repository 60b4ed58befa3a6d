/** 行业学时对接: industry systems' API clients, the signed machine API, its reads and its webhooks. */
export { integrationRoutes } from './routes';
export { canonicalString, sign, SIGNATURE_HEADERS } from './signature';
export { newKeyPair as newIntegrationKeyPair } from './signature';
export { upsertRecords } from './upsert-records';
export { notifyCertificateIssued, notifyCertificateRevoked } from './webhook-outbox';
export { deliverDueWebhooks, WEBHOOK_RETRY_SECONDS } from './webhook-deliver';
export { newMessageId, newWebhookSecret, signWebhook, verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature';
