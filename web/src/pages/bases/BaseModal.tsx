import { AutoComplete, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BASE_BATCHES, BASE_LEVEL_LABEL, type BaseLevel, type BaseRow } from '@ptce/contracts';
import { useSaveBase } from '../../api/bases';
import { useRegions } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { AuthoritySelect } from '../org/AuthoritySelect';

interface Values {
  name: string;
  level: BaseLevel;
  regionalBatch?: string;
  phone: string;
  cityCode: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  supervisingAuthorityId?: number | null;
}

const DATE = 'YYYY-MM-DD';
const blank = (s: string | undefined) => s?.trim() || null;

/** 新增基地 / 修改基地: level (with its 批次), contacts, 有效期 and the supervising authority that may review its filings. */
export function BaseModal({ base, onClose }: { base: BaseRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveBase();
  const regions = useRegions();
  const level = Form.useWatch('level', form);
  const cities = (regions.data ?? []).filter((r) => r.level === 'city').map((r) => ({ value: r.code, label: r.name }));
  return (
    <FormModal<Values>
      open
      title={base ? `修改基地：${base.name}` : '新增基地'}
      onClose={onClose}
      save={save}
      form={form}
      name="base"
      width={560}
      initialValues={
        base
          ? {
              ...base,
              regionalBatch: base.regionalBatch ?? undefined,
              validFrom: base.validFrom ? dayjs(base.validFrom) : null,
              validTo: base.validTo ? dayjs(base.validTo) : null,
              contactName: base.contactName ?? undefined,
              contactPhone: base.contactPhone ?? undefined,
              address: base.address ?? undefined,
            }
          : { level: 'regional' }
      }
      onFinish={(v) =>
        save.mutate(
          {
            id: base?.id ?? null,
            name: v.name,
            level: v.level,
            regionalBatch: v.level === 'national' ? null : blank(v.regionalBatch),
            phone: v.phone,
            cityCode: v.cityCode,
            validFrom: v.validFrom ? v.validFrom.format(DATE) : null,
            validTo: v.validTo ? v.validTo.format(DATE) : null,
            contactName: blank(v.contactName),
            contactPhone: blank(v.contactPhone),
            address: blank(v.address),
            supervisingAuthorityId: v.supervisingAuthorityId ?? null,
          },
          { onSuccess: onClose },
        )
      }
    >
      <Form.Item name="name" label="基地名称" rules={[{ required: true, message: '请填写基地名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
        <Radio.Group
          options={(Object.entries(BASE_LEVEL_LABEL) as [BaseLevel, string][]).map(([value, label]) => ({
            value,
            label,
          }))}
        />
      </Form.Item>
      {level !== 'national' && (
        <Form.Item
          name="regionalBatch"
          label="自治区级批次"
          rules={[{ required: true, whitespace: true, message: '自治区级基地请填写批次' }]}
        >
          <AutoComplete options={BASE_BATCHES.map((b) => ({ value: b }))} placeholder="如：第十批" maxLength={20} />
        </Form.Item>
      )}
      <Form.Item name="cityCode" label="所在城市" rules={[{ required: true, message: '请选择所在城市' }]}>
        <Select options={cities} loading={regions.isPending} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="有效期" style={{ marginBottom: 0 }}>
        <Form.Item name="validFrom" style={{ display: 'inline-block', marginRight: 8 }}>
          <DatePicker placeholder="开始日期" aria-label="有效期开始日期" />
        </Form.Item>
        <Form.Item
          name="validTo"
          style={{ display: 'inline-block' }}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v: Dayjs | null) => {
                const from = getFieldValue('validFrom') as Dayjs | null;
                if (v && from && v.isBefore(from, 'day')) throw new Error('有效期结束日期不能早于开始日期');
              },
            }),
          ]}
        >
          <DatePicker placeholder="结束日期" aria-label="有效期结束日期" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="contactName" label="联系人">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系人电话">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="supervisingAuthorityId"
        label="主管部门（可审核该基地的培训备案）"
        htmlFor="base_supervisingAuthorityId"
      >
        <AuthoritySelect
          id="base_supervisingAuthorityId"
          initial={
            base?.supervisingAuthorityId
              ? { id: base.supervisingAuthorityId, name: base.supervisingAuthorityName ?? '' }
              : null
          }
        />
      </Form.Item>
      <ErrorAlert error={save.error} />
    </FormModal>
  );
}
