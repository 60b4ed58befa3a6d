import { ListTable, type ListTableProps } from '../../components/list';

type OrgTableProps<T extends { id: number }> = Omit<ListTableProps<T>, 'rowKey' | 'size' | 'scroll' | 'card'> & {
  /** The scroll width: wide on desktops, narrow on phones, whose columns are few. */
  width: number;
};

/**
 * A list of 单位管理 (单位, 部门, 管理员, 人员), one row per id. On phones it stays a narrow table of its own (the
 * columns choose what a phone shows), not cards.
 */
export function OrgTable<T extends { id: number }>({ width, ...props }: OrgTableProps<T>) {
  return <ListTable<T> rowKey="id" size="middle" scroll={{ x: width }} card={false} {...props} />;
}
