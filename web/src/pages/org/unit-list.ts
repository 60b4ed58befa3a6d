// The URL state of 单位管理: 单位名称或统一社会信用代码, 所在地区 (a six-digit code), 状态, page.
import { UnitStatus } from '@ptce/contracts';
import { param, type ParamField } from '../../components/list';

const regionCode: ParamField<string | undefined> = {
  decode: (raw) => (raw && /^\d{6}$/.test(raw) ? raw : undefined),
  encode: (v) => v || undefined,
};

export const UNIT_LIST = {
  ...param.paging(20, 200),
  q: param.text({ max: 60 }),
  regionCode,
  status: param.oneOf(UnitStatus.options),
};
