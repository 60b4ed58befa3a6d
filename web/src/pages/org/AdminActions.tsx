import type { AdminRow } from '@ptce/contracts';
import { RowAction, RowActions } from '../../components/list';
import { useDeleteAdmin, useResetAdminPassword } from '../../api/org';
import { resetPasswordAction } from './reset-password';
import { useConfirmAction } from './useConfirmAction';
import type { RowActionsProps } from './row-actions';

/** 修改, 重置密码 and 删除 of one admin — stacked on phones. */
export function AdminActions({ r, desktop, onEdit }: RowActionsProps<AdminRow, 'onEdit'>) {
  const reset = useResetAdminPassword();
  const remove = useDeleteAdmin();
  const confirm = useConfirmAction();
  return (
    <RowActions desktop={desktop}>
      <RowAction label="修改" of={r.name} onClick={() => onEdit(r)} />
      <RowAction
        label="重置密码"
        of={r.name}
        onClick={() => confirm(resetPasswordAction(r.name, '该管理员', () => reset.mutateAsync(r.id)))}
      />
      <RowAction
        label="删除"
        of={r.name}
        danger
        onClick={() =>
          confirm({
            title: `删除管理员“${r.name}”？`,
            content: '删除后该账号不能再登录，此操作不可恢复。',
            okText: '删除',
            danger: true,
            run: () => remove.mutateAsync(r.id),
            done: `已删除管理员“${r.name}”`,
            failTitle: '无法删除该管理员',
          })
        }
      />
    </RowActions>
  );
}
