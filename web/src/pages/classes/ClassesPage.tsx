// 培训班 (继续教育基地, 单位, 行业主管部门): the organiser's classes — a base's are its filed projects (培训备案
// 已备案), a unit's or an authority's are described here. Open one to import its trainees' hours.
import { useState } from 'react';
import { Button, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { CLASS_ORGANISER_LABEL, type ClassRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useClasses } from '../../api/classes';
import { ExportButton, ListFilters, ListTable, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { spanText } from '../../lib/format';
import { ClassModal } from './ClassModal';
import { FiledClassModal } from './FiledClassModal';

const LIST = {
  ...param.paging(),
  q: param.text({ max: 60 }),
  year: param.year(),
};

export default function ClassesPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { query, update } = useUrlParams(LIST);
  const list = useClasses(query);
  const [creating, setCreating] = useState(false);
  const isBase = me?.roles.includes('base') ?? false;
  const isOperator = me?.roles.includes('operator') ?? false;
  const summaryYear = query.year ?? new Date().getFullYear();

  const columns: TableColumnsType<ClassRow> = [
    {
      title: '培训班名称',
      key: 'title',
      render: (_, c) => (
        <Button type="link" className="ptce-link-button" onClick={() => void navigate(`/classes/${c.id}`)}>
          {c.title}
        </Button>
      ),
    },
    { title: '备案号', key: 'filing', render: (_, c) => c.filingNumber ?? '—' },
    ...(isOperator
      ? [
          {
            title: '举办机构',
            key: 'organiser',
            render: (_: unknown, c: ClassRow) => `${c.organiserName}（${CLASS_ORGANISER_LABEL[c.organiserKind]}）`,
          },
        ]
      : []),
    { title: '培训时间', key: 'span', render: (_, c) => spanText(c) },
    { title: '项目学时', dataIndex: 'hours', key: 'hours', width: 90 },
    { title: '学员', key: 'count', width: 110, render: (_, c) => `${c.traineeCount}人（合格${c.passedCount}）` },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => void navigate(`/classes/${c.id}`)}>
          {isOperator ? '查看' : '学员学时'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <ExportButton kind="class-summary" query={{ year: summaryYear }}>
              导出{summaryYear}年度汇总
            </ExportButton>
            {!isOperator && (
              <Button type="primary" onClick={() => setCreating(true)}>
                新增培训班
              </Button>
            )}
          </Space>
        }
      >
        培训班
      </PageTitle>
      <p className="ptce-hint">
        {isBase
          ? '继续教育基地的培训班须先完成培训备案：已备案的项目在此建立培训班，培训结束后导入学员学时。'
          : '培训结束后在培训班中导入学员学时：考核合格学员的学时直接通过认定，学员无需登记，单位无需审核。'}
      </p>
      <ListToolbar
        filters={
          <ListFilters
            query={query}
            update={update}
            items={[{ search: 'q', label: '培训班名称或备案号', width: 240 }, { year: 'year' }]}
          />
        }
      />
      <ListTable<ClassRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={list}
        errorTitle="培训班加载失败"
        empty="暂无培训班"
        paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
      />
      {isBase ? (
        <FiledClassModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(c) => void navigate(`/classes/${c.id}`)}
        />
      ) : (
        <ClassModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(c) => void navigate(`/classes/${c.id}`)}
        />
      )}
    </>
  );
}
