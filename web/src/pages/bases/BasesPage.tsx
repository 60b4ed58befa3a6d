// 继续教育基地 (operator): the notice's directory of national and regional bases as managed data — level, 批次,
// 有效期, contacts, supervising authority and status (正常 / 暂停: a suspended base cannot file), and each
// base's logins (a random initial password shown once).
import { useState } from 'react';
import { Button, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  BASE_BATCHES,
  BASE_LEVEL_LABEL,
  BASE_STATUS_LABEL,
  BASE_VALIDITY_LABEL,
  BaseLevel,
  BaseStatus,
  BaseValidity,
  type BaseRow,
} from '@ptce/contracts';
import { useBases } from '../../api/bases';
import { ListFilters, ListTable, ListToolbar, RowAction, RowActions, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { BaseLoginsModal } from './BaseLoginsModal';
import { BaseModal } from './BaseModal';
import { BaseStatusModal } from './BaseStatusModal';
import { validityText } from './base-text';

const LIST = {
  ...param.paging(20, 100),
  q: param.text({ max: 60 }),
  level: param.oneOf(BaseLevel.options),
  batch: param.text({ max: 20 }),
  validity: param.oneOf(BaseValidity.options),
  status: param.oneOf(BaseStatus.options),
};

const BATCHES = BASE_BATCHES.map((b) => ({ value: b, label: b }));

type Dialog =
  { kind: 'edit'; base: BaseRow | null } | { kind: 'status'; base: BaseRow } | { kind: 'logins'; base: BaseRow };

export default function BasesPage() {
  const { query, update } = useUrlParams(LIST);
  const list = useBases(query);
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [dialog, setDialog] = useState<(Dialog & { session: number }) | null>(null);
  const open = (d: Dialog) => setDialog((o) => ({ ...d, session: (o?.session ?? 0) + 1 }));
  const close = () => setDialog(null);

  const columns: TableColumnsType<BaseRow> = [
    { title: '基地名称', dataIndex: 'name', key: 'name', width: 220 },
    {
      title: '级别',
      key: 'level',
      render: (_, b) => `${BASE_LEVEL_LABEL[b.level]}${b.regionalBatch ? `（${b.regionalBatch}）` : ''}`,
    },
    { title: '所在城市', dataIndex: 'cityName', key: 'city', width: 90 },
    { title: '有效期', key: 'valid', render: (_, b) => validityText(b) },
    {
      title: '联系人',
      key: 'contact',
      render: (_, b) => [b.contactName, b.contactPhone ?? b.phone].filter(Boolean).join(' '),
    },
    { title: '登录账号', dataIndex: 'logins', key: 'logins', width: 80 },
    { title: '已备案', dataIndex: 'filed', key: 'filed', width: 70 },
    {
      title: '状态',
      key: 'status',
      width: 80,
      render: (_, b) => (
        <Tag color={b.status === 'active' ? 'green' : 'red'} title={b.suspendedReason ?? undefined}>
          {BASE_STATUS_LABEL[b.status]}
        </Tag>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, b) => (
        <RowActions desktop={desktop}>
          <RowAction label="修改" of={b.name} onClick={() => open({ kind: 'edit', base: b })} />
          <RowAction label="登录账号" of={b.name} onClick={() => open({ kind: 'logins', base: b })} />
          <RowAction
            label={b.status === 'active' ? '暂停' : '恢复'}
            of={b.name}
            danger={b.status === 'active'}
            onClick={() => open({ kind: 'status', base: b })}
          />
        </RowActions>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => open({ kind: 'edit', base: null })}>
            新增基地
          </Button>
        }
      >
        继续教育基地
      </PageTitle>
      <ListToolbar
        filters={
          <ListFilters
            query={query}
            update={update}
            items={[
              { search: 'q', label: '基地名称', width: 200 },
              { choice: 'level', label: '级别', placeholder: '全部级别', labels: BASE_LEVEL_LABEL, width: 200 },
              { choice: 'batch', label: '批次', placeholder: '全部批次', options: BATCHES, width: 110 },
              { choice: 'validity', label: '有效期', placeholder: '有效期', labels: BASE_VALIDITY_LABEL, width: 110 },
              { choice: 'status', label: '状态', placeholder: '全部状态', labels: BASE_STATUS_LABEL, width: 110 },
            ]}
          />
        }
      />
      <ListTable<BaseRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={list}
        errorTitle="基地列表加载失败"
        empty="没有符合条件的基地"
        paging={{
          page: query.page,
          pageSize: query.pageSize,
          onChange: update,
          totalText: (t) => `共 ${t} 个基地`,
        }}
      />
      {dialog?.kind === 'edit' && <BaseModal key={dialog.session} base={dialog.base} onClose={close} />}
      {dialog?.kind === 'status' && <BaseStatusModal key={dialog.session} base={dialog.base} onClose={close} />}
      {dialog?.kind === 'logins' && <BaseLoginsModal key={dialog.session} base={dialog.base} onClose={close} />}
    </>
  );
}
