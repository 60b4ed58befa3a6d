import { z } from 'zod';

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
