import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, Input, Tag, type TableColumnsType } from 'antd';
import { HELPDESK_SEARCH_KIND_LABEL, helpdeskSearchKind, type HelpdeskPersonRow } from '@ptce/contracts';
import { useHelpdeskSearch } from '../../api/helpdesk';
import { ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';

const GENDER = { male: '男', female: '女' } as const;

const columns: TableColumnsType<HelpdeskPersonRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 110,
    render: (name: string, r) => <Link to={`/helpdesk/people/${r.id}`}>{name}</Link>,
  },
  { title: '身份证号码', dataIndex: 'idNumberMasked', width: 190 },
  { title: '性别', dataIndex: 'gender', width: 60, render: (g: HelpdeskPersonRow['gender']) => (g ? GENDER[g] : '—') },
  { title: '所在单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '（无单位）' },
  { title: '所属部门', dataIndex: 'departmentName', width: 140, render: (v: string | null) => v ?? '—' },
  {
    title: '状态',
    key: 'status',
    width: 130,
    render: (_: unknown, r) => (
      <>
        {r.newRegistration && <Tag color="orange">新注册</Tag>}
        {!r.loginEnabled && <Tag color="red">禁止登录</Tag>}
      </>
    ),
  },
];

/**
 * 人员查询 (the help desk's phone line): one box for what the caller gives — an ID number or a mobile number
 * (exact) or a name (part of it) — and the people found, with their units to tell namesakes apart.
 */
export default function PeopleSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const result = useHelpdeskSearch(q);
  const kind = helpdeskSearchKind(text);

  return (
    <>
      <PageTitle>人员查询</PageTitle>
      <Card size="small" className="ptce-section">
        <Input.Search
          aria-label="身份证号码、手机号码或姓名"
          placeholder="输入身份证号码、手机号码或姓名"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          enterButton="查询"
          allowClear
          autoFocus
          maxLength={30}
          style={{ maxWidth: 520 }}
          loading={result.isFetching}
        />
        {text.trim() && <p className="ptce-hint">将按{HELPDESK_SEARCH_KIND_LABEL[kind]}查询</p>}
      </Card>
      {result.data?.truncated && (
        <Alert type="info" showIcon className="ptce-section" title="匹配的人员较多，仅显示前50名，请输入更完整的姓名" />
      )}
      {q && (
        <ListTable<HelpdeskPersonRow>
          rowKey="id"
          columns={columns}
          result={{ ...result, data: result.data?.items }}
          errorTitle="查询失败"
          empty="未找到匹配的专业技术人员"
        />
      )}
    </>
  );
}
