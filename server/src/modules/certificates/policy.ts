import { allow, publicAccess } from '../../auth/policy';

export const certificatesPolicy = {
  /** 打印证书: the person generates and downloads their own. */
  own: allow('certificates.own', ['professional']),
  /** The operator (help desk) finds and revokes certificates. */
  manage: allow('certificates.manage', ['operator']),
  /** /verify/<code>: anyone holding the QR code. */
  verify: publicAccess('certificates.verify'),
} as const;
