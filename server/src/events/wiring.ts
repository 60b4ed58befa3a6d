import { revokeCertificateOfDeletedHours } from '../modules/certificates/index';
import { notifyCertificateIssued, notifyCertificateRevoked } from '../modules/integration/index';
import type { DomainEvent, DomainEventHandler } from './domain-events';

/**
 * Every domain event type and its handlers, run in this order inside the transaction that raised the event.
 * A new reaction is a line here: no module registers itself, so whatever raises an event (a route, a job, the
 * CLI, a test calling a command) gets the same handlers.
 */
export const DOMAIN_EVENT_HANDLERS: { readonly [T in DomainEvent['type']]: readonly DomainEventHandler[] } = {
  'hours.approved': [],
  'hours.approved-deleted': [revokeCertificateOfDeletedHours],
  'public.credited': [],
  // 行业学时对接 事件通知: the webhook outbox is written in the transaction of the change.
  'certificate.issued': [notifyCertificateIssued],
  'certificate.revoked': [notifyCertificateRevoked],
};
