import { useEffect, useMemo, useRef } from 'react';
import { App, Cascader, Form, Input, Select, type InputRef } from 'antd';
import { FormModal, type DialogProps } from '../../components/FormModal';
import { ContactPhone, UnitInput, type UnitRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { errorMessage, isApiError } from '../../api/client';
import { useCreateUnit, useUpdateUnit } from '../../api/org';
import { useIndustries, useRegions } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, focusFirstError, zodRule } from '../../lib/form';
import { AuthoritySelect } from './AuthoritySelect';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import { regionPath, regionTree, type RegionOption } from './unit-regions';
import { changesOf, FIELDS, initialValues, UNIT_TYPES, type UnitType, type UnitValues } from './unit-values';

/** 新增单位 (its 单位账号's initial password shown once) and 修改. */
export function UnitModal({ open, target, onClose, afterClose }: DialogProps<UnitRow | null>) {
  const [form] = Form.useForm<UnitValues>();
  const nameRef = useRef<InputRef>(null);
  const { data: me } = useMe();
  const regions = useRegions();
  const industries = useIndustries();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = target ? update : create;
  const { modal, message } = App.useApp();
  const regionOptions = useMemo(() => regionTree(regions.data ?? [], me), [regions.data, me]);

  // The region path can be drawn only once the regions have arrived.
  useEffect(() => {
    if (target && regions.data && !form.isFieldTouched('region'))
      form.setFieldValue('region', regionPath(target.regionCode, regions.data));
  }, [target, regions.data, form]);

  const submit = (v: UnitValues) => {
    const regionCode = v.region?.at(-1) ?? '';
    const body = {
      name: v.name.trim(),
      regionCode,
      industryCode: v.industryCode ?? null,
      supervisingAuthorityId: v.supervisingAuthorityId ?? null,
      unitType: v.unitType,
      contactName: v.contactName?.trim() || null,
      contactPhone: v.contactPhone?.trim() || null,
    };
    const onError = (e: unknown) => {
      // The region Cascader is the form's `region` field.
      let shown = applyFieldErrors(form, e, FIELDS);
      const d = isApiError(e) ? e.details.find((x) => x.field === 'regionCode') : undefined;
      if (d) {
        form.setFields([{ name: 'region', errors: [d.reason] }]);
        shown = true;
      }
      // The keyboard follows the server's reason to its input.
      if (shown) focusFirstError(form);
    };
    if (target) {
      const changed = changesOf(body, target);
      update.mutate(
        { id: target.id, ...changed },
        {
          onSuccess: () => {
            message.success('保存成功');
            onClose();
          },
          onError,
        },
      );
    } else {
      const creditCode = (v.creditCode ?? '').trim().toUpperCase();
      create.mutate(
        { ...body, creditCode },
        {
          onSuccess: (created) => {
            onClose();
            modal.success({
              title: '新增单位成功',
              width: 480,
              content: (
                <>
                  <IssuedPasswordNotice
                    issued={created.account}
                    lead="已同时创建该单位的单位账号（用户名为统一社会信用代码），请告知单位："
                  />
                  <p style={{ marginTop: 8 }}>登录时选择“单位管理员”。</p>
                </>
              ),
              okText: '我已记下',
            });
          },
          onError,
        },
      );
    }
  };

  return (
    <FormModal<UnitValues>
      open={open}
      title={target ? `修改单位：${target.name}` : '新增单位'}
      width={560}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={nameRef}
      save={mutation}
      form={form}
      name="unit"
      initialValues={initialValues(target, regions.data ?? [])}
      onFinish={submit}
    >
      <Form.Item label="单位名称" name="name" required rules={[zodRule(UnitInput.shape.name)]}>
        <Input ref={nameRef} maxLength={60} autoComplete="off" />
      </Form.Item>
      {target ? (
        <Form.Item label="统一社会信用代码" extra="统一社会信用代码即单位账号的用户名，不能修改。">
          <span>{target.creditCode}</span>
        </Form.Item>
      ) : (
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          validateFirst
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          extra="18位，由登记管理部门代码、机构类别代码、登记管理机关行政区划码、主体标识码和校验码组成；它将作为单位账号的用户名。"
          rules={[{ required: true, message: '请输入统一社会信用代码' }, zodRule(UnitInput.shape.creditCode)]}
        >
          <Input maxLength={18} autoComplete="off" placeholder="18位统一社会信用代码" />
        </Form.Item>
      )}
      <Form.Item
        label="所在地区"
        name="region"
        rules={[{ required: true, message: '请选择所在地区' }]}
        validateStatus={regions.isError ? 'error' : undefined}
        help={regions.isError ? `地区列表加载失败：${errorMessage(regions.error)}` : undefined}
      >
        <Cascader<RegionOption>
          options={regionOptions}
          changeOnSelect
          placeholder="请选择市 / 县（区）"
          loading={regions.isPending}
          showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
          notFoundContent={regions.isPending ? '正在加载…' : '无匹配地区'}
        />
      </Form.Item>
      <Form.Item label="行业" name="industryCode">
        <Select<string>
          allowClear
          placeholder="请选择行业"
          loading={industries.isPending}
          options={(industries.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label="主管部门" name="supervisingAuthorityId">
        <AuthoritySelect
          initial={
            target?.supervisingAuthorityId
              ? {
                  id: target.supervisingAuthorityId,
                  name: target.supervisingAuthorityName ?? `#${target.supervisingAuthorityId}`,
                }
              : null
          }
        />
      </Form.Item>
      <Form.Item label="单位类型" name="unitType" rules={[{ required: true, message: '请选择单位类型' }]}>
        <Select<UnitType> options={UNIT_TYPES} />
      </Form.Item>
      <Form.Item label="联系人" name="contactName" rules={[zodRule(UnitInput.shape.contactName, { skipEmpty: true })]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="联系电话"
        name="contactPhone"
        normalize={(v: string) => v.replace(/\s/g, '')}
        rules={[zodRule(ContactPhone, { skipEmpty: true })]}
      >
        <Input maxLength={20} autoComplete="off" placeholder="手机号码或带区号的固定电话" inputMode="tel" />
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={[...FIELDS, 'region']} />
    </FormModal>
  );
}
