import { describe, expect, it } from 'vitest';
import { revokeCertificateOfDeletedHours } from '../modules/certificates/index';
import { notifyCertificateIssued, notifyCertificateRevoked } from '../modules/integration/index';
import { DOMAIN_EVENT_HANDLERS } from './wiring';

describe('the domain event wiring', () => {
  it('lists every event type once', () => {
    expect(Object.keys(DOMAIN_EVENT_HANDLERS).sort()).toEqual([
      'certificate.issued',
      'certificate.revoked',
      'hours.approved',
      'hours.approved-deleted',
      'public.credited',
    ]);
  });

  // 删除学时后原证书自动失效 — notice, attachment 2 §二(二)3.
  it('revokes the certificate of a year whose approved hours are deleted', () => {
    expect(DOMAIN_EVENT_HANDLERS['hours.approved-deleted']).toEqual([revokeCertificateOfDeletedHours]);
  });

  // 行业学时对接: certificates issued or revoked reach the webhook outbox.
  it('writes the webhook outbox in the transaction of the change', () => {
    expect(DOMAIN_EVENT_HANDLERS['certificate.issued']).toEqual([notifyCertificateIssued]);
    expect(DOMAIN_EVENT_HANDLERS['certificate.revoked']).toEqual([notifyCertificateRevoked]);
  });
});
