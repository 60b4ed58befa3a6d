/** 证书: issuing, revoking, verifying and rendering certificates of completed years. */
export { certificatesRoutes } from './routes';
export { renderCertificate } from './render-certificate';
export { revokeCertificateOfDeletedHours } from './revoke-certificate';
export { certificatesOf } from './find-certificates';
