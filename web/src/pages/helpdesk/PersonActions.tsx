import { useState } from 'react';
import { Button, Form, Input, Select, Space } from 'antd';
import { HelpdeskMakeupRequest, TransferRequest, type HelpdeskPerson } from '@ptce/contracts';
import { HELP_DESK } from '@ptce/rules';
import {
  useHelpdeskMakeup,
  useHelpdeskUnbindWechat,
  useResetPassword,
  useTransfer,
  useUnitDepartments,
  useUnlock,
} from '../../api/helpdesk';
import { UnitSelect } from '../../components/UnitSelect';
import { zodRule } from '../../lib/form';
import { resetPasswordAction } from '../org/reset-password';
import { useConfirmAction } from '../org/useConfirmAction';
import { MergeDialog } from './MergeDialog';
import { PersonDialog, type PersonDialogProps } from './PersonDialog';

/** 重置密码, 解除锁定, 解除微信绑定, 补考授权, 人员调动, 合并账号 — each asks first; each is audited on the server. */
export function PersonActions({ person }: { person: HelpdeskPerson }) {
  const confirm = useConfirmAction();
  const reset = useResetPassword(person.id);
  const unlock = useUnlock(person.id);
  const unbindWechat = useHelpdeskUnbindWechat(person.id);
  const [dialog, setDialog] = useState<'makeup' | 'transfer' | 'merge' | null>(null);
  const grantable = person.exams.filter((e) => e.canGrant);

  return (
    <Space wrap className="ptce-section" style={{ marginTop: 12 }}>
      <Button
        onClick={() => confirm(resetPasswordAction(person.name, '该人员', () => reset.mutateAsync(undefined as never)))}
      >
        重置密码
      </Button>
      <Button
        onClick={() =>
          confirm({
            title: `解除“${person.name}”的登录锁定？`,
            content: '将清除该账号的登录失败次数（下次登录无需图形验证码），并解除仅在该账号登录失败的网络地址的等待。',
            okText: '解除锁定',
            run: () => unlock.mutateAsync(undefined as never),
            done: `已解除“${person.name}”的登录锁定`,
            failTitle: '解除锁定失败',
          })
        }
      >
        解除锁定
      </Button>
      {person.account.wechat && (
        <Button
          onClick={() =>
            confirm({
              title: `解除“${person.name}”的微信绑定？`,
              content:
                '请先核实来电人身份（如手机丢失）。解除后该微信不能再扫码登录此账号，本人可用密码登录后重新绑定。',
              okText: '解除微信绑定',
              run: () => unbindWechat.mutateAsync(undefined as never),
              done: `已解除“${person.name}”的微信绑定`,
              failTitle: '解除微信绑定失败',
            })
          }
        >
          解除微信绑定
        </Button>
      )}
      <Button onClick={() => setDialog('makeup')} disabled={grantable.length === 0}>
        补考授权
      </Button>
      <Button onClick={() => setDialog('transfer')}>人员调动</Button>
      <Button onClick={() => setDialog('merge')} disabled={!!person.mergedInto}>
        合并账号
      </Button>
      <MakeupDialog
        open={dialog === 'makeup'}
        person={person}
        years={grantable.map((e) => e.year)}
        onClose={() => setDialog(null)}
      />
      <TransferDialog open={dialog === 'transfer'} person={person} onClose={() => setDialog(null)} />
      <MergeDialog open={dialog === 'merge'} person={person} onClose={() => setDialog(null)} />
    </Space>
  );
}

function MakeupDialog({ years, ...dialog }: PersonDialogProps & { years: number[] }) {
  const [form] = Form.useForm<HelpdeskMakeupRequest>();
  const grant = useHelpdeskMakeup(dialog.person.id);
  return (
    <PersonDialog<HelpdeskMakeupRequest, HelpdeskMakeupRequest>
      {...dialog}
      action="补考授权"
      name="helpdesk-makeup"
      form={form}
      save={grant}
      body={(v) => v}
      done="已开通补学补考"
      initialValues={{ year: years[0] }}
    >
      <p className="ptce-hint">开通后，本人须重新完成必修课学习，并获得新的考试机会。</p>
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
        <Select options={years.map((y) => ({ value: y, label: `${y}年` }))} />
      </Form.Item>
      <Form.Item name="reason" label="开通原因" rules={[zodRule(HelpdeskMakeupRequest.shape.reason)]} required>
        <Input.TextArea rows={3} maxLength={500} placeholder={`例如：本人致电${HELP_DESK.phone}申请补学补考`} />
      </Form.Item>
    </PersonDialog>
  );
}

interface TransferValues {
  unitId?: number;
  departmentId?: number | null;
  reason: string;
}

function TransferDialog({ person, ...dialog }: PersonDialogProps) {
  const [form] = Form.useForm<TransferValues>();
  const unitId = Form.useWatch('unitId', form);
  const departments = useUnitDepartments(unitId);
  const transfer = useTransfer(person.id);
  return (
    <PersonDialog<TransferValues, TransferRequest>
      {...dialog}
      person={person}
      action="人员调动"
      name="helpdesk-transfer"
      form={form}
      save={transfer}
      body={(v) => ({ unitId: v.unitId!, departmentId: v.departmentId ?? null, reason: v.reason })}
      done={`已将“${person.name}”调入新单位`}
      onValuesChange={(changed) => {
        if ('unitId' in changed) form.setFieldValue('departmentId', null);
      }}
    >
      <p className="ptce-hint">
        现所在单位：{person.unit?.name ?? '（无单位）'}。已提交和已认定的学时仍属原单位；调入单位确认前显示为新注册。
      </p>
      <Form.Item name="unitId" label="调入单位" rules={[{ required: true, message: '请选择调入单位' }]}>
        <UnitSelect />
      </Form.Item>
      <Form.Item name="departmentId" label="所属部门（可不选）">
        <Select
          allowClear
          disabled={!unitId}
          loading={departments.isFetching}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="reason" label="调动原因" rules={[zodRule(TransferRequest.shape.reason)]} required>
        <Input maxLength={200} placeholder="例如：工作调动，本人来电申请" />
      </Form.Item>
    </PersonDialog>
  );
}
