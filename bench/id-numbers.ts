import { idCheckChar } from '../server/src/domain/id-number';

/**
 * The g-th generated person's ID number (GB 11643, valid check character): a Nanning 青秀区 number, birth dates
 * spread over 10,000 days from 1965, the sequence number from the rest of g — distinct for g < 10,000,000.
 */
export function idNumberOf(g: number): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + (g % 10_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `450103${birth}${String(Math.floor(g / 10_000) % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
