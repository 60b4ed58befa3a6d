import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { accounts } from './accounts';

export const CERTIFICATE_KINDS = ['public_exam', 'ce'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface CertificateSnapshot {
  title: string;
  name: string;
  idNumberMasked: string;
  unitName: string | null;
  year: number;
  compulsoryHours: number;
  electiveHours: number;
  professionalHours: number;
  totalHours: number;
  issuer: string;
  issuedOn: string; // Shanghai date
  serial: string;
  verifyUrl: string;
}

export const certificates = pgTable(
  'certificates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    serial: text('serial').notNull().unique('certificates_serial_key'),
    code: text('code').notNull().unique('certificates_code_key'),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    year: integer('year').notNull(),
    snapshot: jsonb('snapshot').$type<CertificateSnapshot>().notNull(),
    fileKey: text('file_key').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    issuedAt: tstz('issued_at').notNull(),
    revokedAt: tstz('revoked_at'),
    revokeReason: text('revoke_reason'),
    revokedBy: integer('revoked_by'),
  },
  (t) => [
    check('certificates_kind_check', oneOf(t.kind, CERTIFICATE_KINDS)),
    check('certificates_check', sql`(${t.revokedAt} IS NULL) = (${t.revokeReason} IS NULL)`),
    // One valid certificate of a kind per person and year; revoked ones stay for verification.
    uniqueIndex('certificates_one_valid')
      .on(t.accountId, t.year, t.kind)
      .where(sql`${t.revokedAt} IS NULL`),
    index('certificates_person_idx').on(t.accountId, t.year),
  ],
);
