import { idNumberAccountColumns, phoneColumns } from '../../pii';
import { randomEmail, randomMobile, type Gender, type Rng } from './people';

/**
 * What a demo person's account holds about them: the ID number (as the look-up hash and encrypted), name, gender,
 * the birth date the ID number gives, a mobile (with its look-up hash) and an e-mail drawn from `rng`, and the
 * profile completed at `at`. `contact: false` leaves mobile, e-mail and profile empty (a first login still to come).
 */
export function personColumns(
  rng: Rng,
  p: { idNumber: string; name: string; gender: Gender; at: Date; contact?: boolean },
) {
  const contact = p.contact ?? true;
  return {
    ...idNumberAccountColumns(p.idNumber),
    name: p.name,
    gender: p.gender,
    birthDate: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
    ...phoneColumns(contact ? randomMobile(rng) : null),
    email: contact ? randomEmail(rng) : null,
    profileCompletedAt: contact ? p.at : null,
  };
}
