import { Card, Input, Select, Space, Statistic, Table, Tag } from 'antd';
import type { ComplianceRow } from '@ptce/contracts';
import { useState } from 'react';
import { useUnitCompliance, type UnitComplianceParams } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ExportButton } from '../../components/list';

const thisYear = Number(
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
const YEARS = [thisYear, thisYear - 1, thisYear - 2].filter((y) => y >= 2023);

/**
 * 年度学时达标情况: per person, hours by category, 达标, 公需必修 (职称申报) and whether the person may be
 * rated 优秀 in the annual appraisal — for units, authorities and HR bureaus, within their scope.
 */
export default function UnitCompliancePage() {
  const [params, setParams] = useState<UnitComplianceParams>({ year: thisYear, page: 1, pageSize: 20 });
  const { data, error, isFetching } = useUnitCompliance(params);
  const set = (p: Partial<UnitComplianceParams>) => setParams((old) => ({ ...old, page: 1, ...p }));
  return (
    <>
      <PageTitle
        extra={
          <ExportButton
            kind="compliance"
            query={{
              year: params.year,
              q: params.q,
              departmentId: params.departmentId,
              met: params.met,
              compulsoryDone: params.compulsoryDone,
            }}
          >
            导出Excel
          </ExportButton>
        }
      >
        年度学时达标情况
      </PageTitle>
      <Card className="ptce-section" size="small">
        <Space wrap>
          <Select
            aria-label="年度"
            value={params.year}
            onChange={(year) => set({ year })}
            options={YEARS.map((y) => ({ value: y, label: `${y}年度` }))}
            style={{ width: 120 }}
          />
          <Select
            aria-label="达标情况"
            allowClear
            placeholder="达标情况"
            value={params.met}
            onChange={(met) => set({ met })}
            options={[
              { value: 'true', label: '已达标' },
              { value: 'false', label: '未达标' },
            ]}
            style={{ width: 120 }}
          />
          <Select
            aria-label="公需必修"
            allowClear
            placeholder="公需必修"
            value={params.compulsoryDone}
            onChange={(compulsoryDone) => set({ compulsoryDone })}
            options={[
              { value: 'true', label: '必修已完成' },
              { value: 'false', label: '必修未完成' },
            ]}
            style={{ width: 130 }}
          />
          <Input.Search
            aria-label="姓名或身份证号码"
            placeholder="姓名或身份证号码"
            allowClear
            onSearch={(q) => set({ q: q || undefined })}
            style={{ width: 240 }}
          />
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {data && (
        <Card size="small" className="ptce-section">
          <Space size="large" wrap>
            <Statistic title="人数" value={data.summary.people} />
            <Statistic title="已达标" value={data.summary.met} />
            <Statistic title="公需必修已完成" value={data.summary.compulsoryDone} />
          </Space>
        </Card>
      )}
      <Card size="small">
        <Table<ComplianceRow>
          rowKey="accountId"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 900 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 人`,
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          columns={[
            { title: '姓名', dataIndex: 'personName', fixed: 'left', width: 90 },
            { title: '身份证号码', dataIndex: 'idNumberMasked', width: 170 },
            { title: '部门', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
            { title: '公需科目', dataIndex: 'publicHours' },
            { title: '专业科目', dataIndex: 'professionalHours' },
            { title: '总学时', dataIndex: 'totalHours' },
            {
              title: '达标',
              dataIndex: 'met',
              render: (v: boolean) => (v ? <Tag color="success">达标</Tag> : <Tag color="warning">未达标</Tag>),
            },
            { title: '公需必修', dataIndex: 'compulsoryDone', render: (v: boolean) => (v ? '已完成' : '未完成') },
            {
              title: '年度考核可评优秀',
              dataIndex: 'mayBeExcellent',
              render: (v: boolean) => (v ? '可以' : '不得评为优秀'),
            },
          ]}
        />
      </Card>
    </>
  );
}
