import { useState } from 'react';
import { App, Button, Card, InputNumber, Space } from 'antd';
import type { PlanSummary } from '@ptce/contracts';
import { useCreatePlan, usePlans } from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { planColumns } from './plan-columns';
import { PlanEditor } from './PlanEditor';

/**
 * 年度计划管理 (人社厅 / 培训中心): each year's plan — copy the last one into a new year as a draft,
 * edit every number, link the courses, publish; versions of a published plan; reopened deadlines.
 */
export default function PlansPage() {
  const plans = usePlans();
  const create = useCreatePlan();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const next = plans.data?.length ? Math.max(...plans.data.map((p) => p.year)) + 1 : null;
  return (
    <>
      <PageTitle>年度计划管理</PageTitle>
      <p className="ptce-hint">
        年度计划规定各年度的学时要求、考试规则和截止日期。新年度计划由上一年度复制生成草稿，修改后发布即生效。
      </p>
      <Card size="small" className="ptce-section">
        <Space wrap>
          <label htmlFor="plan-new-year">新建年度</label>
          <InputNumber
            id="plan-new-year"
            min={2000}
            max={2100}
            // Not editable until the plans are in: a year typed before then would be joined to the default.
            disabled={!plans.data}
            value={newYear ?? next}
            onChange={(v) => setNewYear(v)}
          />
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => {
              const y = newYear ?? next;
              if (y)
                create.mutate(y, {
                  onSuccess: (p) => {
                    setYear(p.year);
                    void message.success(`已复制生成${p.year}年度计划草稿`);
                  },
                });
            }}
          >
            复制上一年度计划
          </Button>
        </Space>
        <ErrorAlert error={create.error} />
      </Card>
      <ErrorAlert error={plans.error} />
      <ListTable<PlanSummary>
        className="ptce-section"
        rowKey="year"
        size="small"
        columns={planColumns(setYear)}
        result={plans}
        empty="暂无数据"
        scroll={{ x: 800 }}
        card={false}
      />
      {year !== null && <PlanEditor key={year} year={year} />}
    </>
  );
}
