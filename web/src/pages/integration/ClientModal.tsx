import { useState } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import type { IntegrationClientRequest, IntegrationClientRow, IntegrationSecret } from '@ptce/contracts';
import { useCreateIntegrationClient, useUpdateIntegrationClient } from '../../api/integration';
import { useIndustries } from '../../api/reference';
import { useUnitSearch } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

interface Values {
  name: string;
  industryCodes: string[];
  units: Array<{ value: number; label: string }>;
  rateLimitPerMinute: number;
}

/** 新增 / 修改 an API client: name, the industries and units it may write for, its calls per minute. */
export function ClientModal({
  client,
  open,
  onClose,
  onCreated,
}: {
  client: IntegrationClientRow | null;
  open: boolean;
  onClose: () => void;
  onCreated: (s: IntegrationSecret) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateIntegrationClient();
  const update = useUpdateIntegrationClient();
  const save = client ? update : create;
  const industries = useIndustries();
  const [q, setQ] = useState('');
  const units = useUnitSearch(q);
  return (
    <FormModal<Values>
      open={open}
      title={client ? '修改行业接口客户端' : '新增行业接口客户端'}
      onClose={onClose}
      afterClose={() => form.resetFields()}
      save={save}
      form={form}
      name="integration-client"
      initialValues={{
        name: client?.name ?? '',
        industryCodes: client?.industryCodes ?? [],
        units: client ? client.unitIds.map((id, i) => ({ value: id, label: client.unitNames[i] ?? String(id) })) : [],
        rateLimitPerMinute: client?.rateLimitPerMinute ?? 120,
      }}
      onFinish={(v) => {
        const body: IntegrationClientRequest = {
          name: v.name,
          industryCodes: v.industryCodes,
          unitIds: v.units.map((u) => u.value),
          rateLimitPerMinute: v.rateLimitPerMinute,
        };
        if (client) update.mutate({ id: client.id, ...body }, { onSuccess: onClose });
        else
          create.mutate(body, {
            onSuccess: (s) => {
              onCreated(s);
              onClose();
            },
          });
      }}
    >
      <Form.Item name="name" label="行业系统名称" rules={[{ required: true, message: '请输入行业系统名称' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="industryCodes" label="可对接的行业">
        <Select
          mode="multiple"
          allowClear
          loading={industries.isPending}
          options={(industries.data ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="units" label="可对接的单位（行业之外的单个单位）">
        <Select
          mode="multiple"
          labelInValue
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={units.isFetching}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          notFoundContent={q ? '未找到单位' : '输入单位名称搜索'}
        />
      </Form.Item>
      <Form.Item name="rateLimitPerMinute" label="每分钟最多调用次数" rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <ErrorAlert error={save.error} />
    </FormModal>
  );
}
