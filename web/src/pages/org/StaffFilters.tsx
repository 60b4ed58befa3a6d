import { useEffect } from 'react';
import { Col, Form, Input, Select } from 'antd';
import type { ParamPatch, ParamValues } from '../../components/list';
import { FilterCard } from './FilterCard';
import type { STAFF_LIST } from './staff-list';

interface FilterValues {
  q?: string;
  departmentId?: number;
  /** Select values are strings: 'true' = 新注册, 'false' = 已确认. */
  newRegistration?: 'true' | 'false';
}

/** 姓名或身份证号码, 部门, 人员状态 — applied by 查询, cleared by 重置; in step with the URL. */
export function StaffFilters({
  query,
  wholeUnit,
  options,
  departmentsLoading,
  onSearch,
}: {
  query: ParamValues<typeof STAFF_LIST>;
  wholeUnit: boolean;
  options: { value: number; label: string }[];
  departmentsLoading: boolean;
  onSearch: (patch: ParamPatch<typeof STAFF_LIST>) => void;
}) {
  const [form] = Form.useForm<FilterValues>();
  const { q, departmentId, newRegistration } = query;

  // Keep the filter form in step with the URL (Back/Forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      q,
      departmentId,
      newRegistration: newRegistration === undefined ? undefined : newRegistration ? 'true' : 'false',
    });
  }, [q, departmentId, newRegistration, form]);

  const search = (v: FilterValues) =>
    onSearch({
      q: v.q?.trim() || undefined,
      departmentId: v.departmentId,
      newRegistration: v.newRegistration === undefined ? undefined : v.newRegistration === 'true',
    });

  return (
    <FilterCard<FilterValues>
      form={form}
      name="staff-filter"
      onFinish={search}
      onReset={() => onSearch({ q: undefined, departmentId: undefined, newRegistration: undefined })}
      actionsCol={{ xs: 24, sm: 12, lg: 6 }}
    >
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="姓名或身份证号码" name="q">
          <Input allowClear maxLength={30} placeholder="输入姓名或身份证号码" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="部门" name="departmentId">
          <Select<number>
            allowClear
            placeholder={wholeUnit ? '全部部门' : '本部门全部'}
            options={options}
            loading={departmentsLoading}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item label="人员状态" name="newRegistration">
          <Select<'true' | 'false'>
            allowClear
            placeholder="全部"
            options={[
              { value: 'true', label: '新注册（待确认）' },
              { value: 'false', label: '已确认' },
            ]}
          />
        </Form.Item>
      </Col>
    </FilterCard>
  );
}
