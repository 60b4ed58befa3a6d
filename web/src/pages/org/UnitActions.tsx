import type { IssuedPassword, UnitRow } from '@ptce/contracts';
import { RowAction, RowActions } from '../../components/list';
import { useReissueUnitPassword, useSetUnitEnabled } from '../../api/org';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import type { RowActionsProps } from './row-actions';
import { useConfirmAction } from './useConfirmAction';

/** 修改, 合并, 停用 / 启用 and 重新生成初始密码 of one unit — stacked on phones. A merged unit can only be looked at. */
export function UnitActions({ r, desktop, onEdit, onMerge }: RowActionsProps<UnitRow, 'onEdit' | 'onMerge'>) {
  const reissue = useReissueUnitPassword();
  const setEnabled = useSetUnitEnabled();
  const confirm = useConfirmAction();
  if (r.status === 'merged') return <span className="ptce-hint">—</span>;
  const disabled = r.status === 'disabled';
  return (
    <RowActions desktop={desktop}>
      <RowAction label="修改" of={r.name} onClick={() => onEdit(r)} />
      {!disabled && <RowAction label="合并" of={r.name} onClick={() => onMerge(r)} />}
      <RowAction
        label={disabled ? '启用' : '停用'}
        of={r.name}
        danger={!disabled}
        onClick={() =>
          confirm(
            disabled
              ? {
                  title: `启用“${r.name}”？`,
                  content: '启用后该单位的单位账号和管理员可以重新登录，单位重新出现在注册和更改所在单位的单位列表中。',
                  okText: '启用',
                  run: () => setEnabled.mutateAsync({ id: r.id, enabled: true }),
                  done: '已启用',
                  failTitle: '启用失败',
                }
              : {
                  title: `停用“${r.name}”？`,
                  content:
                    '停用后该单位的单位账号和管理员不能登录（已登录的立即退出），注册和更改所在单位时不再能选择该单位；单位的专业技术人员仍可登录。可随时启用。',
                  okText: '停用',
                  danger: true,
                  run: () => setEnabled.mutateAsync({ id: r.id, enabled: false }),
                  done: '已停用',
                  failTitle: '停用失败',
                },
          )
        }
      />
      <RowAction
        label="重新生成初始密码"
        of={r.name}
        onClick={() =>
          confirm({
            title: `重新生成“${r.name}”单位账号的初始密码？`,
            content: '原密码立即失效，该单位账号已登录的会话将退出；新密码7日内有效，首次登录须修改。',
            okText: '重新生成',
            run: () => reissue.mutateAsync(r.id),
            done: '已重新生成初始密码',
            failTitle: '重新生成初始密码失败',
            answer: (issued: IssuedPassword) => ({
              title: '已重新生成初始密码',
              content: <IssuedPasswordNotice issued={issued} lead={`请将“${r.name}”单位账号的新初始密码告知单位：`} />,
            }),
          })
        }
      />
    </RowActions>
  );
}
