import { useEffect } from 'react';
import { Cascader, Col, Form, Input, Select } from 'antd';
import { UNIT_STATUS_LABEL, type Region, type UnitStatus } from '@ptce/contracts';
import type { ParamPatch, ParamValues } from '../../components/list';
import { FilterCard } from './FilterCard';
import type { UNIT_LIST } from './unit-list';
import { regionPath, type RegionOption } from './unit-regions';

interface FilterValues {
  q?: string;
  region?: string[];
  status?: UnitStatus;
}

const STATUS_OPTIONS = Object.entries(UNIT_STATUS_LABEL).map(([value, label]) => ({
  value: value as UnitStatus,
  label,
}));

/** 单位名称或统一社会信用代码, 所在地区 and 状态 — applied by 查询, cleared by 重置; in step with the URL. */
export function UnitFilters({
  query,
  regions,
  regionOptions,
  regionsLoading,
  onSearch,
}: {
  query: ParamValues<typeof UNIT_LIST>;
  regions: readonly Region[] | undefined;
  regionOptions: RegionOption[];
  regionsLoading: boolean;
  onSearch: (patch: ParamPatch<typeof UNIT_LIST>) => void;
}) {
  const [form] = Form.useForm<FilterValues>();
  const { q, regionCode, status } = query;

  // Keep the filter form in step with the URL (Back/Forward, shared links).
  useEffect(() => {
    form.setFieldsValue({ q, region: regionPath(regionCode, regions ?? []), status });
  }, [q, regionCode, status, regions, form]);

  const search = (v: FilterValues) =>
    onSearch({ q: v.q?.trim() || undefined, regionCode: v.region?.at(-1), status: v.status ?? undefined });

  return (
    <FilterCard<FilterValues>
      form={form}
      name="unit-filter"
      onFinish={search}
      onReset={() => onSearch({ q: undefined, regionCode: undefined, status: undefined })}
      actionsCol={{ xs: 24, lg: 6 }}
    >
      <Col xs={24} sm={12} lg={7}>
        <Form.Item label="单位名称或统一社会信用代码" name="q">
          <Input allowClear maxLength={60} placeholder="输入单位名称或统一社会信用代码" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="所在地区" name="region">
          <Cascader<RegionOption>
            options={regionOptions}
            changeOnSelect
            allowClear
            placeholder="全部地区"
            loading={regionsLoading}
            showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={5}>
        <Form.Item label="状态" name="status">
          <Select<UnitStatus> allowClear placeholder="全部状态" options={STATUS_OPTIONS} />
        </Form.Item>
      </Col>
    </FilterCard>
  );
}
