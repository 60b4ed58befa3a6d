import { useEffect } from 'react';
import { Cascader, Col, Form, Input } from 'antd';
import type { Region } from '@ptce/contracts';
import type { ParamPatch, ParamValues } from '../../components/list';
import { FilterCard } from './FilterCard';
import type { UNIT_LIST } from './unit-list';
import { regionPath, type RegionOption } from './unit-regions';

interface FilterValues {
  q?: string;
  region?: string[];
}

/** 单位名称或统一社会信用代码 and 所在地区 — applied by 查询, cleared by 重置; in step with the URL. */
export function UnitFilters({
  query,
  regions,
  regionOptions,
  regionsLoading,
  fetching,
  onSearch,
}: {
  query: ParamValues<typeof UNIT_LIST>;
  regions: readonly Region[] | undefined;
  regionOptions: RegionOption[];
  regionsLoading: boolean;
  fetching: boolean;
  onSearch: (patch: ParamPatch<typeof UNIT_LIST>) => void;
}) {
  const [form] = Form.useForm<FilterValues>();
  const { q, regionCode } = query;

  // Keep the filter form in step with the URL (Back/Forward, shared links).
  useEffect(() => {
    form.setFieldsValue({ q, region: regionPath(regionCode, regions ?? []) });
  }, [q, regionCode, regions, form]);

  const search = (v: FilterValues) => onSearch({ q: v.q?.trim() || undefined, regionCode: v.region?.at(-1) });

  return (
    <FilterCard<FilterValues>
      form={form}
      name="unit-filter"
      onFinish={search}
      onReset={() => onSearch({ q: undefined, regionCode: undefined })}
      fetching={fetching}
      actionsCol={{ xs: 24, lg: 8 }}
    >
      <Col xs={24} sm={12} lg={8}>
        <Form.Item label="单位名称或统一社会信用代码" name="q">
          <Input allowClear maxLength={60} placeholder="输入单位名称或统一社会信用代码" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={8}>
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
    </FilterCard>
  );
}
