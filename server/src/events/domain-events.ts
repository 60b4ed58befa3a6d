import { now } from '../clock';
import type { Db } from '../db/client';
import { domainEvents } from '../db/schema/index';

/**
 * Domain events raised inside a transaction: stored in domain_events and handed to the handlers that
 * events/wiring.ts lists for the type, in the same transaction — so a handler's effect (e.g. revoking a
 * certificate when approved hours are deleted) commits or rolls back with the change itself.
 */
export interface DomainEvent {
  type: 'hours.approved-deleted' | 'hours.approved' | 'public.credited' | 'certificate.issued' | 'certificate.revoked';
  accountId: number;
  year: number;
  payload: Record<string, unknown>;
}

/** A reaction to an event, run inside the transaction that raised it. */
export type DomainEventHandler = (tx: Db, event: DomainEvent) => Promise<void>;

export async function emitDomainEvent(tx: Db, event: DomainEvent): Promise<void> {
  await tx
    .insert(domainEvents)
    .values({ at: now(), type: event.type, accountId: event.accountId, year: event.year, payload: event.payload });
  // Loaded on first use, not at start: the handlers' modules import this file (to raise events) while they load.
  const { DOMAIN_EVENT_HANDLERS } = await import('./wiring');
  for (const h of DOMAIN_EVENT_HANDLERS[event.type]) await h(tx, event);
}
