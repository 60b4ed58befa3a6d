import { Button, Space } from 'antd';
import type { StaffRow } from '@ptce/contracts';
import { useConfirmStaff, useResetStaffPassword } from '../../api/org';
import { resetPasswordAction } from './reset-password';
import { useConfirmAction } from './useConfirmAction';

/** A person's actions: 确认 (新注册 only), 修改, 重置密码, 移出本单位 — stacked on phones. */
export function StaffActions({
  r,
  desktop,
  onEdit,
  onRemove,
}: {
  r: StaffRow;
  desktop: boolean;
  onEdit: (r: StaffRow) => void;
  onRemove: (r: StaffRow) => void;
}) {
  const confirm = useConfirmAction();
  const reset = useResetStaffPassword();
  const confirmStaff = useConfirmStaff();
  return (
    <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
      {r.newRegistration && (
        <Button
          type="link"
          size="small"
          aria-label={`确认 ${r.name}`}
          onClick={() =>
            confirm({
              title: `确认“${r.name}”为本单位人员？`,
              content:
                '该人员自行注册（或自行更改单位）到本单位。确认后取消“新注册”标记；如不是本单位人员，请选择“移出本单位”。',
              okText: '确认',
              run: () => confirmStaff.mutateAsync(r.id),
              done: `已确认“${r.name}”为本单位人员`,
              failTitle: '确认失败',
            })
          }
        >
          确认
        </Button>
      )}
      <Button type="link" size="small" onClick={() => onEdit(r)} aria-label={`修改 ${r.name}`}>
        修改
      </Button>
      <Button
        type="link"
        size="small"
        aria-label={`重置密码 ${r.name}`}
        onClick={() => confirm(resetPasswordAction(r.name, '该人员', () => reset.mutateAsync(r.id)))}
      >
        重置密码
      </Button>
      <Button type="link" size="small" danger onClick={() => onRemove(r)} aria-label={`移出本单位 ${r.name}`}>
        移出本单位
      </Button>
    </Space>
  );
}
