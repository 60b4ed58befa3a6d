import { RowAction, RowActions } from '../../components/list';
import { useDeleteDepartment } from '../../api/org';
import type { DepartmentNode, DialogTarget } from './department-tree';
import { useConfirmAction } from './useConfirmAction';

/** 新增下级部门 (top level only), 修改 and 删除 of one department — stacked on phones. */
export function DepartmentActions({
  d,
  desktop,
  onOpen,
}: {
  d: DepartmentNode;
  desktop: boolean;
  onOpen: (target: DialogTarget) => void;
}) {
  const remove = useDeleteDepartment();
  const confirm = useConfirmAction();
  return (
    <RowActions desktop={desktop}>
      {d.parentId === null && (
        <RowAction label="新增下级部门" of={d.name} onClick={() => onOpen({ mode: 'create', parentId: d.id })} />
      )}
      <RowAction label="修改" of={d.name} onClick={() => onOpen({ mode: 'edit', department: d })} />
      <RowAction
        label="删除"
        of={d.name}
        danger
        onClick={() =>
          confirm({
            title: `删除部门“${d.name}”？`,
            content: d.children
              ? '该部门下还有下级部门，需先删除或移走下级部门后才能删除。'
              : '只能删除空部门（没有人员和管理员）；删除后不可恢复。',
            okText: '删除',
            danger: true,
            run: () => remove.mutateAsync(d.id),
            done: `已删除部门“${d.name}”`,
            failTitle: `无法删除部门“${d.name}”`,
          })
        }
      />
    </RowActions>
  );
}
