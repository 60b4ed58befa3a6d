import { Alert, Card, Col, Progress, Row, Statistic, Tag } from 'antd';
import { isApiError } from '../../api/client';
import { useMyCompliance } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';

const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);

/**
 * The professional's progress in 用户管理中心: this year's total against the requirement,
 * professional hours against the ratio (approved ones; those still awaiting review are shown as
 * 审核中 and never un-meet the year), the compulsory course and exam, and exactly what is still
 * missing before which deadline.
 */
export function ProgressPanel() {
  const { data: s, error, isPending } = useMyCompliance();
  // A new year whose plan is not yet published: its message (e.g. 2027年度计划尚未发布), not an error.
  if (isApiError(error) && error.code === 'YEAR_CLOSED')
    return <Alert className="ptce-section" type="info" showIcon title={error.message} />;
  if (error) return <ErrorAlert error={error} title="无法读取本年度学时进度" />;
  if (isPending || !s) return <Card loading className="ptce-section" />;
  return (
    <Card
      className="ptce-section"
      title={`${s.year}年度学习进度`}
      extra={s.met ? <Tag color="success">已达标</Tag> : <Tag color="warning">未达标</Tag>}
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} md={8}>
          <Statistic title="总学时" value={s.totalHours} suffix={`/ ${s.requiredTotal}`} />
          <Progress percent={pct(s.totalHours, s.requiredTotal)} aria-label="总学时完成比例" />
        </Col>
        <Col xs={24} md={8}>
          <Statistic
            title="专业科目学时（已认定）"
            value={s.professionalHours}
            suffix={`/ ${s.requiredProfessional}`}
          />
          <Progress percent={pct(s.professionalHours, s.requiredProfessional)} aria-label="专业科目学时完成比例" />
          {s.pendingHours > 0 && (
            <div className="ptce-progress-tags">
              <Tag color="processing">审核中 {s.pendingHours}学时</Tag>
              <span className="ptce-muted">通过认定后计入</span>
            </div>
          )}
        </Col>
        <Col xs={24} md={8}>
          <Statistic title="公需科目学时" value={s.publicHours} />
          <div className="ptce-progress-tags">
            <Tag color={s.compulsoryDone ? 'success' : 'default'}>
              必修课{s.compulsoryDone ? `已通过 ${s.compulsoryHours}学时` : '未完成'}
            </Tag>
            <Tag color={s.electiveHours > 0 ? 'success' : 'default'}>
              选修课{s.electiveHours > 0 ? `已完成 ${s.electiveHours}学时` : '未完成'}
            </Tag>
          </div>
        </Col>
      </Row>
      {s.missing.length > 0 ? (
        <Alert
          className="ptce-progress-missing"
          type="info"
          showIcon
          title="还需完成"
          description={
            <ul className="ptce-plan-list">
              {s.missing.map((m) => (
                <li key={m.item}>
                  {m.item}（截止 {m.deadline}）
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          className="ptce-progress-missing"
          type="success"
          showIcon
          title="本年度继续教育学时已达标，可在“打印证书”中生成《专业技术人员继续教育合格证书》。"
        />
      )}
      {!s.compulsoryDone && (
        <p className="ptce-muted">
          申报职称须完成当年度公需科目必修课学习任务；当年未完成学习任务者，年度考核不得评为优秀等次。
        </p>
      )}
    </Card>
  );
}
