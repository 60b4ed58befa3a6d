import type { StaffRow } from '@ptce/contracts';
import { RowAction, RowActions } from '../../components/list';
import { useConfirmStaff, useResetStaffPassword } from '../../api/org';
import { resetPasswordAction } from './reset-password';
import type { RowActionsProps } from './row-actions';
import { useConfirmAction } from './useConfirmAction';

/** A person's actions: 确认 (新注册 only), 修改, 重置密码, 移出本单位 — stacked on phones. */
export function StaffActions({ r, desktop, onEdit, onRemove }: RowActionsProps<StaffRow, 'onEdit' | 'onRemove'>) {
  const confirm = useConfirmAction();
  const reset = useResetStaffPassword();
  const confirmStaff = useConfirmStaff();
  return (
    <RowActions desktop={desktop}>
      {r.newRegistration && (
        <RowAction
          label="确认"
          of={r.name}
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
        />
      )}
      <RowAction label="修改" of={r.name} onClick={() => onEdit(r)} />
      <RowAction
        label="重置密码"
        of={r.name}
        onClick={() => confirm(resetPasswordAction(r.name, '该人员', () => reset.mutateAsync(r.id)))}
      />
      <RowAction label="移出本单位" of={r.name} danger onClick={() => onRemove(r)} />
    </RowActions>
  );
}
