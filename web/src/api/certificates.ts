import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateInfo, CertificateKind, CertificateVerification } from '@ptce/contracts';
import { api } from './client';

/** GET /api/certificates/my */
export function useMyCertificates() {
  return useQuery({ queryKey: ['certificates', 'my'], queryFn: ({ signal }) => api<CertificateInfo[]>('/api/certificates/my', { signal }) });
}

/** POST /api/certificates — generates (or returns the already generated) certificate. */
export function useIssueCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: CertificateKind; year: number }) => api<CertificateInfo>('/api/certificates', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certificates'] }),
  });
}

export const certificatePdfUrl = (id: number) => `/api/certificates/${id}/pdf`;

/** GET /api/verify/:code — public. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => api<CertificateVerification>(`/api/verify/${encodeURIComponent(code)}`, { signal, redirectOn401: false }),
    retry: false,
  });
}
