import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Button, Tag, type TableColumnsType } from 'antd';
import { ListCards, type ListCardsProps } from './ListCards';

type Row = { id: number; title: string; start: string; end: string; hours: number; status: 'approved' | 'rejected' };
const rows: Row[] = [
  { id: 1, title: '临床护理质量研修班', start: '2026-03-02', end: '2026-03-04', hours: 24, status: 'approved' },
  { id: 2, title: '医院感染防控培训', start: '2026-05-11', end: '2026-05-11', hours: 8, status: 'rejected' },
];
const STATUS = { approved: '通过认定', rejected: '不予认定' } as const;
const columns: TableColumnsType<Row> = [
  { title: '培训内容', dataIndex: 'title', width: 210 },
  { title: '起止时间', key: 'span', render: (_: unknown, r) => `${r.start} 至 ${r.end}` },
  { title: '申请学时', dataIndex: 'hours', render: (v: number) => `${v} 学时` },
  { title: '状态', dataIndex: 'status', render: (v: Row['status']) => <Tag>{STATUS[v]}</Tag> },
  {
    title: '操作',
    key: 'actions',
    render: (_: unknown, r) => (
      <Button type="link" aria-label={`查看 ${r.title}`}>
        查看
      </Button>
    ),
  },
];

/** The cards as the server renders them. */
function markup(props: Partial<ListCardsProps<Row>> = {}): string {
  return renderToStaticMarkup(
    <ListCards<Row>
      rows={rows}
      rowKey={(r) => r.id}
      columns={columns}
      view={{}}
      loading={false}
      empty="暂无记录"
      pagination={false}
      {...props}
    />,
  );
}

/** The text of the elements with a class, in order (tags stripped): enough to read the cards without a DOM. */
function texts(html: string, cls: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(\\w+)[^>]*class="(?:[^"]* )?${cls}(?: [^"]*)?"[^>]*>`, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = m[1]!;
    let depth = 1;
    const start = re.lastIndex;
    const open = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
    open.lastIndex = start;
    for (let t = open.exec(html); t; t = open.exec(html)) {
      depth += t[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        out.push(
          html
            .slice(start, t.index)
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
        break;
      }
    }
  }
  return out;
}

describe('phone cards of a list', () => {
  it('renders one card per row: the first column as title, the status tag, the other fields, the actions', () => {
    const html = markup();
    expect(texts(html, 'ptce-list-card')).toHaveLength(2);
    expect(texts(html, 'ptce-list-card-title')).toEqual(['临床护理质量研修班', '医院感染防控培训']);
    expect(texts(html, 'ant-card-extra')).toEqual(['通过认定', '不予认定']);
    expect(texts(html, 'ptce-list-card-fields')[0]).toBe('起止时间 2026-03-02 至 2026-03-04 申请学时 24 学时');
    expect(texts(html, 'ptce-list-card-actions')).toEqual(['查看', '查看']);
    expect(html).toContain('aria-label="查看 医院感染防控培训"');
  });

  it('takes the title, the tag column and the fields from the view', () => {
    const html = markup({ view: { title: (r) => `#${r.id}`, tagColumn: 'hours', fields: ['span'] } });
    expect(texts(html, 'ptce-list-card-title')).toEqual(['#1', '#2']);
    expect(texts(html, 'ant-card-extra')).toEqual(['24 学时', '8 学时']);
    // The first column is an ordinary field once the title comes from the view; only 'span' is listed.
    expect(texts(html, 'ptce-list-card-fields')[1]).toBe('起止时间 2026-05-11 至 2026-05-11');
  });

  it('shows the empty text, and no cards, when there are no rows', () => {
    const html = markup({ rows: [] });
    expect(texts(html, 'ptce-list-card')).toEqual([]);
    expect(html).toContain('暂无记录');
  });

  it('puts a named checkbox on each card for batch actions and the row detail under 详情', () => {
    const html = markup({
      selection: { keys: [2], toggle: () => undefined, checkbox: (r) => ({ 'aria-label': `选择：${r.title}` }) },
      expand: {
        render: (r) => `审核意见：${r.status === 'rejected' ? '证明材料不全' : '—'}`,
        expandable: (r) => r.id === 2,
      },
    });
    expect(html).toContain('aria-label="选择：临床护理质量研修班"');
    expect(html.match(/type="checkbox"[^>]*checked=""|checked=""[^>]*type="checkbox"/g)).toHaveLength(1);
    expect(texts(html, 'ptce-list-card-more')).toEqual(['详情 审核意见：证明材料不全']);
  });
});
