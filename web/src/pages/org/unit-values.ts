import { UNIT_TYPE_LABEL, type Region, type UnitInput, type UnitRow } from '@ptce/contracts';
import type { UnitUpdateBody } from '../../api/org';
import { regionPath } from './unit-regions';

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

/** The form as it opens: the unit's own values for 修改 (its region once the regions have arrived), 事业单位 for 新增. */
export function initialValues(target: UnitRow | null, regions: readonly Region[]): Partial<UnitValues> {
  if (!target) return { unitType: 'institution' };
  return {
    name: target.name,
    industryCode: target.industryCode,
    supervisingAuthorityId: target.supervisingAuthorityId,
    unitType: target.unitType,
    contactName: target.contactName,
    contactPhone: target.contactPhone,
    region: regionPath(target.regionCode, regions),
  };
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
