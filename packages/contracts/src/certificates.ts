import { z } from 'zod';
import { IdNumberLookup } from './common';

export const CertificateKind = z.enum(['public_exam', 'ce']);
export type CertificateKind = z.infer<typeof CertificateKind>;
export const CERTIFICATE_KIND_LABEL: Record<CertificateKind, string> = {
  public_exam: '专业技术人员继续教育公需科目考试合格证书',
  ce: '专业技术人员继续教育合格证书',
};

export const IssueCertificateRequest = z.object({ kind: CertificateKind, year: z.number().int().min(2000).max(2100) });

export const CertificateInfo = z.object({
  id: z.number().int(),
  kind: CertificateKind,
  serial: z.string(),
  year: z.number().int(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  verifyUrl: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

/** What the public verification page shows: enough to catch an edited PDF, nothing more. */
export const CertificateVerification = z.object({
  status: z.enum(['valid', 'revoked']),
  kind: CertificateKind,
  title: z.string(),
  serial: z.string(),
  name: z.string(), // masked
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  compulsoryHours: z.number(),
  electiveHours: z.number(),
  professionalHours: z.number(),
  totalHours: z.number(),
  issuer: z.string(),
  issuedOn: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const RevokeCertificateRequest = z.object({ reason: z.string().trim().min(1, '请填写撤销原因').max(200) });

/** 证书管理 (operator): find a person's certificates by ID number, or one by its serial. */
export const CertificateSearchQuery = z
  .object({
    idNumber: IdNumberLookup.optional(),
    serial: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9]+$/, '证书编号只含字母和数字')
      .optional(),
  })
  .refine((q) => Boolean(q.idNumber) !== Boolean(q.serial), {
    message: '请输入身份证号码或证书编号（二选一）',
    path: ['idNumber'],
  });
export type CertificateSearchQuery = z.infer<typeof CertificateSearchQuery>;

/** A certificate as issued (its stored snapshot), for the operator. */
export const CertificateAdminRow = CertificateInfo.extend({
  title: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  totalHours: z.number(),
});
export type CertificateAdminRow = z.infer<typeof CertificateAdminRow>;
