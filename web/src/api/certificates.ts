import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateAdminRow, CertificateInfo, CertificateKind, CertificateVerification } from '@ptce/contracts';
import { api } from './client';

/** GET /api/certificates/my */
export function useMyCertificates() {
  return useQuery({
    queryKey: ['certificates', 'my'],
    queryFn: ({ signal }) => api<CertificateInfo[]>('/api/certificates/my', { signal }),
  });
}

/** POST /api/certificates — generates (or returns the already generated) certificate. */
export function useIssueCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: CertificateKind; year: number }) =>
      api<CertificateInfo>('/api/certificates', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certificates'] }),
  });
}

export const certificatePdfUrl = (id: number) => `/api/certificates/${id}/pdf`;

/** GET /api/verify/:code — public. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) =>
      api<CertificateVerification>(`/api/verify/${encodeURIComponent(code)}`, { signal, redirectOn401: false }),
    retry: false,
  });
}

/** GET /api/certificates/admin — 证书管理 (operator): by ID number or by serial. */
export function useCertificateSearch(query: { idNumber?: string; serial?: string } | null) {
  return useQuery({
    queryKey: ['certificates', 'admin', query],
    queryFn: ({ signal }) => api<CertificateAdminRow[]>('/api/certificates/admin', { signal, query: query! }),
    enabled: query !== null,
  });
}

/** POST /api/certificates/:id/revoke — with the reason, recorded in the audit log. */
export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<{ ok: true }>(`/api/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certificates', 'admin'] }),
  });
}
