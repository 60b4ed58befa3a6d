import { useEffect, useRef } from 'react';
import { Alert, Card, Tag } from 'antd';
import type { ExamAttemptView } from '@ptce/contracts';
import { makeupHint } from '@ptce/rules';
import { ButtonLink } from '../../components/ButtonLink';
import { formatDateTime } from '../../lib/format';
import { formatHours } from '../learning/format';
import { answerText } from './question-format';
import { QuestionHeading } from './QuestionHeading';

/** The handed-in exam: the score, which answers were wrong, and the key once passed. */
export function ExamResult({ a }: { a: ExamAttemptView }) {
  const r = a.result!;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const left = a.maxAttempts - a.attemptNo;
  return (
    <>
      <Card className="ptce-section">
        <h2 ref={heading} tabIndex={-1} className="ptce-section-title" style={{ fontSize: 20 }}>
          考试成绩：{r.score}分 {r.passed ? <Tag color="success">合格</Tag> : <Tag color="error">不合格</Tag>}
        </h2>
        <p className="ptce-course-meta">
          交卷时间：{formatDateTime(a.submittedAt)}
          {a.autoSubmitted && '（考试时间到，自动交卷）'} · 合格分数：{r.passScore}分 · 得分 {r.earnedPoints}/
          {r.totalPoints}
        </p>
        {r.passed ? (
          <Alert
            type="success"
            showIcon
            title={`恭喜您通过${a.year}年度公需科目必修课考试，已获得${formatHours(r.hoursCredited ?? 0)}。`}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={left > 0 ? `本次考试未通过，您还有${left}次考试机会。` : '本次考试未通过，考试机会已用完。'}
            description={left > 0 ? '可复习课程后再次参加考试。' : `${makeupHint(a.maxAttempts)}。`}
          />
        )}
        <div style={{ marginTop: 16 }}>
          <ButtonLink to={`/learning?year=${a.year}&tab=exams`} type="primary">
            返回考试列表
          </ButtonLink>
        </div>
      </Card>
      <Card title={r.keyRevealed ? '答题解析' : '答题情况'} size="small">
        <p style={{ marginTop: 0 }}>
          答对 {r.items.filter((x) => x.correct).length}/{r.items.length} 题
          {r.items.some((x) => !x.correct) && (
            <>
              ；答错的题：第
              {r.items
                .filter((x) => !x.correct)
                .map((x) => x.no)
                .join('、')}
              题
            </>
          )}
        </p>
        {!r.keyRevealed && (
          <p className="ptce-course-meta" style={{ marginTop: 0 }}>
            {r.passed
              ? '本年度考试不公布正确答案和解析。'
              : '为保证考试公平，未通过的考试只显示每题是否答对，不显示正确答案和解析。'}
          </p>
        )}
        {a.questions.map((q, i) => {
          const item = r.items[i]!;
          const mine = a.answers[String(q.no)] ?? [];
          const show = (idx: number[]) => (idx.length ? answerText({ ...q, answer: idx }) : '未作答');
          return (
            <section key={q.no} className="ptce-result-item" aria-labelledby={`r-${q.no}`}>
              <p id={`r-${q.no}`}>
                <QuestionHeading q={q} />
              </p>
              {q.type !== 'judge' && (
                <ol type="A" style={{ margin: '0 0 6px', paddingInlineStart: '1.6em' }}>
                  {q.options.map((o, k) => (
                    <li key={k}>{o}</li>
                  ))}
                </ol>
              )}
              <div>
                <span className={item.correct ? 'ok' : 'wrong'}>{item.correct ? '✓ 回答正确' : '✗ 回答错误'}</span>
                {' · '}您的答案：{show(mine)}
                {item.answer && <> · 正确答案：{show(item.answer)}</>}
              </div>
              {item.explanation && <div className="ptce-explanation">解析：{item.explanation}</div>}
            </section>
          );
        })}
      </Card>
    </>
  );
}
