import { Button, Space } from 'antd';
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
    <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
      {d.parentId === null && (
        <Button
          type="link"
          size="small"
          onClick={() => onOpen({ mode: 'create', parentId: d.id })}
          aria-label={`新增下级部门 ${d.name}`}
        >
          新增下级部门
        </Button>
      )}
      <Button
        type="link"
        size="small"
        onClick={() => onOpen({ mode: 'edit', department: d })}
        aria-label={`修改 ${d.name}`}
      >
        修改
      </Button>
      <Button
        type="link"
        size="small"
        danger
        aria-label={`删除 ${d.name}`}
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
      >
        删除
      </Button>
    </Space>
  );
}
