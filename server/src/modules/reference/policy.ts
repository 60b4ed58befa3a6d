import { publicAccess } from '../../auth/policy';

/** Reference lists are public: registration and the login page need them before anyone logs in. */
export const referencePolicy = {
  read: publicAccess('reference.read'),
  searchUnits: publicAccess('reference.units.search'),
} as const;
