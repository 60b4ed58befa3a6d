import { now } from '../clock';
import type { Db } from '../db/client';
import { domainEvents } from '../db/schema/index';

/**
 * Domain events raised inside a transaction: stored in domain_events and handed to the handlers
 * registered for the type, in the same transaction — so a handler's effect (e.g. revoking a
 * certificate when approved hours are deleted) commits or rolls back with the change itself.
 */
export interface DomainEvent {
  type: 'hours.approved-deleted' | 'hours.approved' | 'public.credited';
  accountId: number;
  year: number;
  payload: Record<string, unknown>;
}

type Handler = (tx: Db, event: DomainEvent) => Promise<void>;
const handlers = new Map<DomainEvent['type'], Handler[]>();

export function onDomainEvent(type: DomainEvent['type'], handler: Handler): void {
  handlers.set(type, [...(handlers.get(type) ?? []), handler]);
}

export async function emitDomainEvent(tx: Db, event: DomainEvent): Promise<void> {
  await tx
    .insert(domainEvents)
    .values({ at: now(), type: event.type, accountId: event.accountId, year: event.year, payload: event.payload });
  for (const h of handlers.get(event.type) ?? []) await h(tx, event);
}
