import { UNIT_TYPE_LABEL, type UnitInput, type UnitRow } from '@ptce/contracts';
import type { UnitUpdateBody } from '../../api/org';

export type UnitType = UnitInput['unitType'];
export const UNIT_TYPES = Object.entries(UNIT_TYPE_LABEL).map(([value, label]) => ({
  value: value as UnitType,
  label,
}));
export const FIELDS = [
  'name',
  'creditCode',
  'regionCode',
  'industryCode',
  'supervisingAuthorityId',
  'unitType',
  'contactName',
  'contactPhone',
] as const;

export interface UnitValues {
  name: string;
  creditCode?: string;
  region?: string[];
  industryCode?: string | null;
  supervisingAuthorityId?: number | null;
  unitType: UnitType;
  contactName?: string | null;
  contactPhone?: string | null;
}

/** Only what 修改 changed (the 统一社会信用代码 never changes). */
export function changesOf(
  body: Pick<
    UnitRow,
    'name' | 'regionCode' | 'industryCode' | 'supervisingAuthorityId' | 'unitType' | 'contactName' | 'contactPhone'
  >,
  target: UnitRow,
): UnitUpdateBody {
  const changed: UnitUpdateBody = {};
  if (body.name !== target.name) changed.name = body.name;
  if (body.regionCode !== target.regionCode) changed.regionCode = body.regionCode;
  if (body.industryCode !== target.industryCode) changed.industryCode = body.industryCode;
  if (body.supervisingAuthorityId !== target.supervisingAuthorityId)
    changed.supervisingAuthorityId = body.supervisingAuthorityId;
  if (body.unitType !== target.unitType) changed.unitType = body.unitType;
  if (body.contactName !== target.contactName) changed.contactName = body.contactName;
  if (body.contactPhone !== target.contactPhone) changed.contactPhone = body.contactPhone;
  return changed;
}
