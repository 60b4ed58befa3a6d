import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AUDIT_ACTION_OPTIONS } from '@ptce/contracts';
import type { ParamPatch, ParamValues } from '../../components/list';
import { FilterCard } from '../org/FilterCard';
import type { AUDIT_LIST } from './audit-list';

interface FilterValues {
  action?: string;
  actor?: string;
  target?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 操作人, 对象, 操作, 日期范围 — applied by 查询, cleared by 重置; in step with the URL. */
export function AuditFilters({
  query,
  onSearch,
}: {
  query: ParamValues<typeof AUDIT_LIST>;
  onSearch: (patch: ParamPatch<typeof AUDIT_LIST>) => void;
}) {
  const [form] = Form.useForm<FilterValues>();
  const { action, actor, target, from, to } = query;

  // Keep the form in step with the URL (Back/Forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      action,
      actor,
      target,
      range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
    });
  }, [action, actor, target, from, to, form]);

  const search = (v: FilterValues) =>
    onSearch({
      action: v.action || undefined,
      actor: v.actor?.trim() || undefined,
      target: v.target?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });

  return (
    <FilterCard<FilterValues>
      form={form}
      name="audit-filter"
      onFinish={search}
      onReset={() =>
        onSearch({ action: undefined, actor: undefined, target: undefined, from: undefined, to: undefined })
      }
      actionsCol={{ xs: 24, lg: 12 }}
    >
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名或用户名" maxLength={64} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="对象" name="target" tooltip="人员的姓名或完整身份证号码，或单位名称">
          <Input allowClear placeholder="姓名、身份证号码或单位名称" maxLength={64} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="操作" name="action">
          <Select<string>
            allowClear
            placeholder="全部操作"
            options={AUDIT_ACTION_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="日期范围" name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </FilterCard>
  );
}
