// The 所在地区 Cascader of 单位管理: city → county, limited to an HR bureau's own region.
import type { Me, Region } from '@ptce/contracts';
import { regionCovers } from '@ptce/rules';
import { hasAnyRole } from '../../lib/format';

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/** 区/县 under their 市; an HR bureau only sees its own city or county. */
export function regionTree(regions: readonly Region[], me: Me | null | undefined): RegionOption[] {
  const limit = me && hasAnyRole(me, ['hr_bureau']) && !hasAnyRole(me, ['operator']) ? me.regionCode : null;
  // Within the bureau's region, or the city a county bureau lies in (the tree's parent).
  const inLimit = (code: string) => !limit || regionCovers(limit, code) || regionCovers(code, limit);
  return regions
    .filter((r) => r.level === 'city' && inLimit(r.code))
    .map((city) => {
      const counties = regions
        .filter((r) => r.level === 'county' && r.parentCode === city.code && inLimit(r.code))
        .map((c) => ({ value: c.code, label: c.name }));
      return { value: city.code, label: city.name, ...(counties.length ? { children: counties } : {}) };
    });
}

/** The Cascader path of a region code: [city] or [city, county]. */
export function regionPath(code: string | undefined, regions: readonly Region[]): string[] | undefined {
  if (!code) return undefined;
  const r = regions.find((x) => x.code === code);
  if (!r) return undefined;
  return r.level === 'county' && r.parentCode ? [r.parentCode, r.code] : [r.code];
}
