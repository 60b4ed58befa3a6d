import { Button, Space } from 'antd';
import type { AdminRow } from '@ptce/contracts';
import { useDeleteAdmin, useResetAdminPassword } from '../../api/org';
import { resetPasswordAction } from './reset-password';
import { useConfirmAction } from './useConfirmAction';

/** 修改, 重置密码 and 删除 of one admin — stacked on phones. */
export function AdminActions({ r, desktop, onEdit }: { r: AdminRow; desktop: boolean; onEdit: (r: AdminRow) => void }) {
  const reset = useResetAdminPassword();
  const remove = useDeleteAdmin();
  const confirm = useConfirmAction();
  return (
    <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
      <Button type="link" size="small" onClick={() => onEdit(r)} aria-label={`修改 ${r.name}`}>
        修改
      </Button>
      <Button
        type="link"
        size="small"
        aria-label={`重置密码 ${r.name}`}
        onClick={() => confirm(resetPasswordAction(r.name, '该管理员', () => reset.mutateAsync(r.id)))}
      >
        重置密码
      </Button>
      <Button
        type="link"
        size="small"
        danger
        aria-label={`删除 ${r.name}`}
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
      >
        删除
      </Button>
    </Space>
  );
}
