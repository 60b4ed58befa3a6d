// The same GB 11643 check the server runs (shared through @ptce/contracts); the server stays the authority.
export {
  normalizeIdNumber,
  validateIdNumber as checkIdNumber,
  type IdNumberResult as IdNumberCheck,
} from '@ptce/contracts';
