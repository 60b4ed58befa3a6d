import { allow, publicAccess } from '../../auth/policy';

/**
 * 抽查（双随机、一公开）. 市/县人社局, 行业主管部门 and the operator run campaigns in their scope; their staff are
 * the inspectors' pool. Which campaign a caller reaches is decided by campaign-scope.ts (owner or drawn
 * inspector; a unit its own sampled part only). Finished campaigns' outcomes are public.
 */
export const spotChecksPolicy = {
  manage: allow('spotchecks.manage', ['authority', 'hr_bureau', 'operator']),
  unit: allow('spotchecks.unit', ['unit_account', 'unit_admin']),
  upload: allow('spotchecks.upload', ['unit_account', 'unit_admin', 'authority', 'hr_bureau', 'operator']),
  own: allow('spotchecks.own', ['professional']),
  public: publicAccess('spotchecks.public'),
} as const;
