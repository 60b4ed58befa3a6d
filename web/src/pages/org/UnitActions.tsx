import type { IssuedPassword, UnitRow } from '@ptce/contracts';
import { RowAction, RowActions } from '../../components/list';
import { useReissueUnitPassword } from '../../api/org';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import { useConfirmAction } from './useConfirmAction';

/** 修改 and 重新生成初始密码 of one unit — stacked on phones. */
export function UnitActions({ r, desktop, onEdit }: { r: UnitRow; desktop: boolean; onEdit: (r: UnitRow) => void }) {
  const reissue = useReissueUnitPassword();
  const confirm = useConfirmAction();
  return (
    <RowActions desktop={desktop}>
      <RowAction label="修改" of={r.name} onClick={() => onEdit(r)} />
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
