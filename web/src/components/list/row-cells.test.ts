import { describe, expect, it } from 'vitest';
import { columnKey, columnTitle, renderCell } from './row-cells';

type Row = { id: number; name: string; unit: { name: string } | null };
const row: Row = { id: 7, name: '韦倩', unit: { name: '南宁市第一人民医院' } };

describe('reading a column outside the table (phone cards)', () => {
  it('names a column by its key, else by its dataIndex', () => {
    expect(columnKey<Row>({ key: 'actions', title: '操作' })).toBe('actions');
    expect(columnKey<Row>({ dataIndex: 'name' })).toBe('name');
    expect(columnKey<Row>({ dataIndex: ['unit', 'name'] })).toBe('unit.name');
    expect(columnKey<Row>({ title: '无' })).toBeUndefined();
  });

  it('shows the value, or what the render makes of it', () => {
    expect(renderCell<Row>({ dataIndex: 'name' }, row, 0)).toBe('韦倩');
    expect(renderCell<Row>({ dataIndex: ['unit', 'name'] }, row, 0)).toBe('南宁市第一人民医院');
    expect(renderCell<Row>({ dataIndex: ['unit', 'name'] }, { ...row, unit: null }, 0)).toBeUndefined();
    expect(renderCell<Row>({ dataIndex: 'id', render: (v: number, r) => `${r.name} #${v}` }, row, 0)).toBe('韦倩 #7');
  });

  it('takes the children of a render that returns cell props', () => {
    const c = { dataIndex: 'name', render: (v: string) => ({ children: v, props: { colSpan: 2 } }) };
    expect(renderCell<Row>(c as never, row, 0)).toBe('韦倩');
  });

  it('reads a title given as a function', () => {
    expect(columnTitle<Row>({ title: () => '姓名' })).toBe('姓名');
    expect(columnTitle<Row>({ title: '单位' })).toBe('单位');
  });
});
