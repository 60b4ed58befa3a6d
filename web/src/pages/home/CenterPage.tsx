import { Card, Col, Row, Tag } from 'antd';
import { Link } from 'react-router';
import type { AnnualPlan, Me } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useAnnualPlans } from '../../api/reference';
import { roleLabel } from '../../lib/format';
import { SHORTCUTS, canSee, entryByKey, isReady } from '../../menu';
import { ProgressPanel } from '../compliance/ProgressPanel';
import { PlanNotices } from '../plans/PlanNotices';
import { TodoPanel } from './TodoPanel';
import { CenterNotices } from '../notices/CenterNotices';
import { MakeupRequestNotice } from '../exams/MakeupRequestNotice';

function greeting(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  return hour < 11 ? '上午好' : hour < 13 ? '中午好' : hour < 18 ? '下午好' : '晚上好';
}

function ShortcutCards({ me }: { me: Me }) {
  const cards = SHORTCUTS.flatMap((s) => {
    const entry = entryByKey(s.entry);
    return entry && canSee(entry, me.roles) ? [{ ...s, entry, title: s.label ?? entry.label }] : [];
  });
  return (
    <Row gutter={[16, 16]} role="list" aria-label="常用功能">
      {cards.map((c) => {
        const ready = isReady(c.entry);
        const inner = (
          <Card size="small" className={ready ? 'ptce-shortcut' : 'ptce-shortcut ptce-shortcut-disabled'}>
            <div className="ptce-shortcut-title">
              {c.title}
              {!ready && <Tag className="ptce-shortcut-tag">即将开放</Tag>}
            </div>
            <div className="ptce-shortcut-desc">{c.description}</div>
          </Card>
        );
        return (
          <Col key={c.entry.key} xs={24} sm={12} lg={8} xl={6} role="listitem">
            {ready ? (
              <Link to={c.entry.path} className="ptce-shortcut-link">
                {inner}
              </Link>
            ) : (
              // Not built yet: visible so people know where it will be, but not a dead link.
              <div aria-disabled="true">{inner}</div>
            )}
          </Col>
        );
      })}
    </Row>
  );
}

/** The year's requirement from the annual plan (年度计划), for professionals. */
function YearRequirement({ plans }: { plans: AnnualPlan[] }) {
  const year = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const plan = plans.find((p) => p.year === year);
  if (!plan) return null;
  const ratio =
    plan.professionalRatioNum === 2 && plan.professionalRatioDen === 3
      ? '三分之二'
      : `${plan.professionalRatioNum}/${plan.professionalRatioDen}`;
  return (
    <Card title={`${plan.year}年度学习要求`} size="small" className="ptce-section">
      <ul className="ptce-plan-list">
        <li>
          公需科目和专业科目总学时不低于{plan.totalHours}学时，其中专业科目不低于总学时的{ratio}。
        </li>
        <li>
          公需科目必修课完成学习并通过考试（{plan.passScore}分及以上，共{plan.maxAttempts}次机会）可获得
          {plan.compulsoryHours}
          学时，截止日期 {plan.publicDeadline}；完成全部选修课可获得{plan.electiveHours}学时。
        </li>
        <li>专业科目个人学时登记和单位审验截止日期 {plan.professionalDeadline}。</li>
      </ul>
    </Card>
  );
}

/** 用户管理中心 — the landing page after login. */
export default function CenterPage() {
  const { data: me } = useMe();
  const isProfessional = me?.roles.includes('professional') ?? false;
  const plans = useAnnualPlans(isProfessional);
  if (!me) return null;
  const org = me.unit?.name ?? me.organizationName;

  return (
    <>
      <div className="ptce-page-head">
        <h1 className="ptce-page-title">用户管理中心</h1>
      </div>
      <Card className="ptce-section ptce-welcome">
        <p className="ptce-welcome-hello">
          {me.name}，{greeting()}！
        </p>
        <p className="ptce-welcome-meta">
          {org && <span>{org}</span>}
          {me.department && <span>{me.department.name}</span>}
          <span>{roleLabel(me.roles)}</span>
        </p>
      </Card>
      <TodoPanel />
      <CenterNotices />
      {isProfessional && <PlanNotices />}
      {isProfessional && <MakeupRequestNotice />}
      {isProfessional && <ProgressPanel />}
      {isProfessional && plans.data && <YearRequirement plans={plans.data} />}
      <h2 className="ptce-section-title">常用功能</h2>
      <ShortcutCards me={me} />
    </>
  );
}
