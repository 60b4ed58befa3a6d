import { Alert } from 'antd';
import type { CourseKind, PlanSummary } from '@ptce/contracts';

/** What the year's plan credits for a course of this kind (the plan's numbers, never typed here). */
export function PlanHoursHint({
  plans,
  year,
  kind,
}: {
  plans: PlanSummary[] | undefined;
  year: number;
  kind: CourseKind;
}) {
  const plan = plans?.find((p) => p.year === year);
  if (!plans) return null;
  if (!plan)
    return (
      <Alert
        className="ptce-section"
        type="warning"
        showIcon
        title={`${year}年度计划尚未建立：学时和考试试卷以年度计划为准，可在“年度计划管理”中新建。`}
      />
    );
  const paper = plan.examConfig;
  return (
    <Alert
      className="ptce-section"
      type="info"
      showIcon
      title={
        kind === 'compulsory'
          ? `按${year}年度计划：完成课程学习并考试合格（${plan.passScore}分及格）计${plan.compulsoryHours}学时；试卷为单选题${paper.single.count}道、多选题${paper.multiple.count}道、判断题${paper.judge.count}道，发布前题库须有足够的启用试题。`
          : `按${year}年度计划：完成本年度全部选修课计${plan.electiveHours}学时。`
      }
    />
  );
}
