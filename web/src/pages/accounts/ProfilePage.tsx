import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space } from 'antd';
import { UpdateProfileRequest, type DepartmentOption, type Me, type UnitSummary } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useMyDepartments, useUpdateProfile } from '../../api/accounts';
import { errorMessage } from '../../api/client';
import { useChangeOwnUnit } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { UnitSelect } from '../../components/UnitSelect';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { genderLabel, roleLabel } from '../../lib/format';

const FIELDS = ['phone', 'email', 'departmentId'] as const;

interface ProfileValues {
  phone: string;
  email: string;
  departmentId?: number | null;
}

const PhoneSchema = UpdateProfileRequest.shape.phone.unwrap();
const EmailSchema = UpdateProfileRequest.shape.email.unwrap();

/** "学院 / 系" for nested departments, so same-named sub-departments stay distinguishable. */
function departmentLabels(list: DepartmentOption[]): { value: number; label: string }[] {
  const byId = new Map(list.map((d) => [d.id, d]));
  const path = (d: DepartmentOption, depth = 0): string => {
    const parent = d.parentId != null ? byId.get(d.parentId) : undefined;
    return parent && depth < 10 ? `${path(parent, depth + 1)} / ${d.name}` : d.name;
  };
  return list.map((d) => ({ value: d.id, label: path(d) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

function ProfileForm({ me }: { me: Me }) {
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateProfile();
  const { message } = App.useApp();
  // A professional picks their own 所属部门 (附件2 二(四)3); admins get theirs from the unit.
  const picksDepartment = me.kind === 'professional' && me.unit != null;
  const departments = useMyDepartments(picksDepartment);
  const options = useMemo(() => departmentLabels(departments.data ?? []), [departments.data]);

  const submit = (v: ProfileValues) =>
    update.mutate(
      {
        phone: v.phone.trim(),
        email: v.email.trim(),
        ...(picksDepartment ? { departmentId: v.departmentId ?? null } : {}),
      },
      {
        onSuccess: (updated) => {
          message.success('保存成功');
          form.setFieldsValue({
            phone: updated.phone ?? '',
            email: updated.email ?? '',
            departmentId: updated.department?.id ?? null,
          });
        },
        onError: (e) => applyFieldErrors(form, e, FIELDS),
      },
    );

  return (
    <Form<ProfileValues>
      form={form}
      name="profile"
      layout="vertical"
      scrollToFirstError={{ focus: true }}
      className="ptce-narrow-form"
      initialValues={{ phone: me.phone ?? '', email: me.email ?? '', departmentId: me.department?.id ?? null }}
      onFinish={submit}
      onValuesChange={() => update.isError && update.reset()}
    >
      {picksDepartment && (
        <Form.Item
          label="所属部门"
          name="departmentId"
          extra="不选择部门的，由单位总管理员负责管理"
          validateStatus={departments.isError ? 'error' : undefined}
          help={departments.isError ? `部门列表加载失败：${errorMessage(departments.error)}` : undefined}
        >
          <Select<number>
            allowClear
            placeholder={options.length || departments.isPending ? '请选择所属部门' : '本单位暂未设置部门'}
            loading={departments.isPending}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={departments.isPending ? '正在加载…' : '本单位暂未设置部门'}
          />
        </Form.Item>
      )}
      <Form.Item
        label="手机号码"
        name="phone"
        validateFirst
        rules={[{ required: true, message: '请输入手机号码' }, zodRule(PhoneSchema)]}
      >
        <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item
        label="电子邮箱"
        name="email"
        validateFirst
        rules={[{ required: true, message: '请输入电子邮箱' }, zodRule(EmailSchema)]}
      >
        <Input autoComplete="email" inputMode="email" />
      </Form.Item>
      <ErrorAlert error={update.error} title="保存失败" fields={FIELDS} />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        保存
      </Button>
    </Form>
  );
}

/**
 * 更改单位 — a professional whose 人事（劳动）关系所在单位 changed picks the new one (附件2 一(三)1:
 * "如单位有变动，请先在【我的信息】处，更改所在单位信息"). Submitted and approved records stay with the
 * old unit's review; the department belonged to the old unit and is cleared.
 */
function ChangeUnitModal({
  open,
  me,
  onClose,
  afterClose,
}: {
  open: boolean;
  me: Me;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<{ unitId?: number }>();
  const change = useChangeOwnUnit();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<UnitSummary | null>(null);
  // UnitSelect forwards no ref; its search input is what the keyboard needs.
  const selectWrap = useRef<HTMLDivElement>(null);
  const same = picked != null && picked.id === me.unit?.id;

  const submit = ({ unitId }: { unitId?: number }) => {
    if (!unitId) return;
    change.mutate(unitId, {
      onSuccess: (updated) => {
        message.success(`所在单位已更改为“${updated.unit?.name ?? picked?.name ?? ''}”，请重新选择所属部门`);
        onClose();
      },
      onError: (e) => applyFieldErrors(form, e, ['unitId']),
    });
  };

  return (
    <Modal
      open={open}
      title={me.unit ? '更改单位' : '选择单位'}
      okText="确认更改"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', loading: change.isPending, disabled: same }}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && selectWrap.current?.querySelector('input')?.focus()}
      maskClosable={false}
      modalRender={(dom) => (
        <Form
          form={form}
          name="change-unit"
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => change.isError && change.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="请确认人事（劳动）关系所在单位确已变动"
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            <li>已提交审核或已通过认定的学时记录仍由原单位审核、保留，不会转到新单位；</li>
            <li>更改后新提交的学时登记将提交至新单位审核（尚未提交的登记随本人转到新单位）；</li>
            <li>所属部门将被清空，请在更改后重新选择新单位的所属部门；</li>
            <li>新单位确认前，您在该单位的人员名单中标记为“新注册”。</li>
          </ul>
        }
      />
      {me.unit && (
        <Form.Item label="当前单位">
          <span>{me.unit.name}</span>
        </Form.Item>
      )}
      <div ref={selectWrap}>
        <Form.Item
          label="新的人事（劳动）关系所在单位"
          name="unitId"
          rules={[{ required: true, message: '请搜索并选择单位' }]}
          validateStatus={same ? 'warning' : undefined}
          help={same ? '所选单位与当前单位相同' : undefined}
        >
          <UnitSelect onChange={(_v, u) => setPicked(u ?? null)} />
        </Form.Item>
      </div>
      <ErrorAlert error={change.error} title="更改失败" fields={['unitId']} />
    </Modal>
  );
}

/** 我的信息 */
export default function ProfilePage() {
  const { data: me } = useMe();
  const [unitDialog, setUnitDialog] = useState<{ open: boolean; session: number } | null>(null);
  if (!me) return null;
  const isPerson = me.idNumberMasked != null;
  // Only a professional changes their own unit; admins belong to the unit that created them.
  const changesUnit = me.kind === 'professional';
  const unitAction = changesUnit && (
    <Button size="small" onClick={() => setUnitDialog((d) => ({ open: true, session: (d?.session ?? 0) + 1 }))}>
      {me.unit ? '更改单位' : '选择单位'}
    </Button>
  );

  const items = [
    { key: 'name', label: '姓名', children: me.name },
    isPerson
      ? { key: 'id', label: '身份证号码', children: me.idNumberMasked }
      : { key: 'username', label: '用户名', children: me.username },
    ...(isPerson
      ? [
          { key: 'gender', label: '性别', children: genderLabel(me.gender) },
          { key: 'birth', label: '出生日期', children: me.birthDate ?? '—' },
        ]
      : []),
    me.unit || changesUnit
      ? {
          key: 'unit',
          label: '人事（劳动）关系所在单位',
          children: (
            <Space wrap size={[12, 4]}>
              <span>{me.unit?.name ?? '未选择'}</span>
              {unitAction}
            </Space>
          ),
        }
      : { key: 'org', label: '所在机构', children: me.organizationName ?? '—' },
    ...(me.kind === 'professional' ? [] : [{ key: 'dept', label: '所属部门', children: me.department?.name ?? '—' }]),
    { key: 'role', label: '账号类型', children: roleLabel(me.roles) },
  ];

  return (
    <>
      <PageTitle>我的信息</PageTitle>
      <Card title="基本信息" className="ptce-section">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />
        {changesUnit && (
          <p className="ptce-hint">
            如人事（劳动）关系所在单位有变动，请先点击【{me.unit ? '更改单位' : '选择单位'}
            】更改所在单位信息，再提交学时审核。
          </p>
        )}
      </Card>
      <Card title="联系方式与所属部门" className="ptce-section">
        {/* A new unit has other departments: the form starts over with the cleared 所属部门. */}
        <ProfileForm key={me.unit?.id ?? 'none'} me={me} />
      </Card>
      {unitDialog && (
        <ChangeUnitModal
          key={unitDialog.session}
          open={unitDialog.open}
          me={me}
          onClose={() => setUnitDialog((d) => d && { ...d, open: false })}
          afterClose={() => setUnitDialog(null)}
        />
      )}
    </>
  );
}
