import { bigint, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

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

export const certificates = pgTable('certificates', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
  serial: text('serial').notNull(),
  code: text('code').notNull(),
  accountId: integer('account_id').notNull(),
  year: integer('year').notNull(),
  snapshot: jsonb('snapshot').$type<CertificateSnapshot>().notNull(),
  fileKey: text('file_key').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  issuedAt: tstz('issued_at').notNull(),
  revokedAt: tstz('revoked_at'),
  revokeReason: text('revoke_reason'),
  revokedBy: integer('revoked_by'),
});
