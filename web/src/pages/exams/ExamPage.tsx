import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Radio, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { QUESTION_TYPE_LABEL, type ExamAnswers, type ExamAttemptView, type PaperQuestion } from '@ptce/contracts';
import { makeupHint } from '@ptce/rules';
import { saveAnswers, useAttempt, useSubmitExam } from '../../api/exams';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDateTime } from '../../lib/format';
import { formatHours } from '../learning/format';
import '../learning/learning.css';

const LETTERS = 'ABCDEFGHIJKLMNOP';
/** Remaining-time announcements for screen readers, in minutes — not every second. */
const ANNOUNCE_AT = [30, 15, 10, 5, 1];

function optionLabel(q: Pick<PaperQuestion, 'type'>, i: number, text: string): string {
  return q.type === 'judge' ? text : `${LETTERS[i]}. ${text}`;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Milliseconds left by the server's clock (the device's clock may be wrong). */
function useRemaining(a: ExamAttemptView, fetchedAt: number): number {
  const skew = useMemo(() => Date.parse(a.serverNow) - fetchedAt, [a.serverNow, fetchedAt]);
  const deadline = Date.parse(a.deadlineAt);
  const [left, setLeft] = useState(() => deadline - (Date.now() + skew));
  useEffect(() => {
    const timer = window.setInterval(() => setLeft(deadline - (Date.now() + skew)), 1000);
    return () => window.clearInterval(timer);
  }, [deadline, skew]);
  return left;
}

function Question({
  q,
  value,
  onChange,
}: {
  q: PaperQuestion;
  value: number[] | undefined;
  onChange: (v: number[]) => void;
}) {
  const legendId = `q-${q.no}-stem`;
  return (
    <fieldset className="ptce-question" id={`q-${q.no}`} aria-labelledby={legendId}>
      <legend id={legendId}>
        <span className="ptce-question-type">
          {q.no}.【{QUESTION_TYPE_LABEL[q.type]}，{q.points}分】
        </span>
        {q.stem}
      </legend>
      {q.type === 'multiple' ? (
        <Checkbox.Group
          className="ptce-options"
          value={value ?? []}
          onChange={(v) => onChange((v as number[]).slice().sort((x, y) => x - y))}
        >
          {q.options.map((o, i) => (
            <Checkbox key={i} value={i}>
              {optionLabel(q, i, o)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      ) : (
        <Radio.Group
          className="ptce-options"
          name={`q${q.no}`}
          value={value?.[0]}
          onChange={(e) => onChange([e.target.value as number])}
        >
          {q.options.map((o, i) => (
            <Radio key={i} value={i}>
              {optionLabel(q, i, o)}
            </Radio>
          ))}
        </Radio.Group>
      )}
    </fieldset>
  );
}

function Paper({ a, fetchedAt }: { a: ExamAttemptView; fetchedAt: number }) {
  const { modal } = App.useApp();
  const [answers, setAnswers] = useState<ExamAnswers>(a.answers);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'failed' | null>(null);
  const [announce, setAnnounce] = useState(
    `考试开始，共${a.questions.length}题，限时${Math.round((Date.parse(a.deadlineAt) - Date.parse(a.startedAt)) / 60000)}分钟。`,
  );
  const submit = useSubmitExam(a.id);
  const left = useRemaining(a, fetchedAt);
  const announced = useRef<Set<number> | null>(null);
  const autoSubmitted = useRef(false);
  const answered = a.questions.filter((q) => (answers[String(q.no)]?.length ?? 0) > 0).length;

  // Save as the person answers (debounced), so a closed tab or the deadline loses nothing.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSaveState('saving');
    const timer = window.setTimeout(() => {
      saveAnswers(a.id, answers).then(
        () => setSaveState('saved'),
        () => setSaveState('failed'),
      );
    }, 800);
    return () => window.clearTimeout(timer);
  }, [a.id, answers]);

  const doSubmit = useCallback(() => submit.mutate(answers), [submit, answers]);

  useEffect(() => {
    const minutes = Math.ceil(left / 60000);
    // Thresholds already behind us when the page opened are not announced late.
    const done = (announced.current ??= new Set(ANNOUNCE_AT.filter((m) => m >= minutes)));
    const due = ANNOUNCE_AT.filter((m) => minutes <= m && !done.has(m));
    if (due.length && left > 0) {
      for (const m of due) done.add(m);
      setAnnounce(`考试剩余时间${Math.min(...due)}分钟。`);
    }
    if (left <= 0 && !autoSubmitted.current && !submit.isPending) {
      autoSubmitted.current = true;
      setAnnounce('考试时间到，正在自动交卷。');
      doSubmit();
    }
  }, [left, doSubmit, submit.isPending]);

  const confirmSubmit = () => {
    const missing = a.questions.length - answered;
    modal.confirm({
      title: '确定交卷吗？',
      content: missing > 0 ? `还有${missing}题未作答。交卷后不能再修改答案。` : '交卷后不能再修改答案。',
      okText: '交卷',
      cancelText: '继续答题',
      onOk: () => doSubmit(),
    });
  };

  const goTo = (no: number) => {
    const el = document.getElementById(`q-${no}`);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  };

  return (
    <>
      <div className="ptce-exam-bar">
        <span>
          剩余时间{' '}
          <span role="timer" className={left < 5 * 60_000 ? 'ptce-exam-timer ptce-exam-timer-low' : 'ptce-exam-timer'}>
            {clock(left)}
          </span>
        </span>
        <span className="ptce-course-meta">
          已答 {answered}/{a.questions.length} 题{' '}
          {saveState === 'saving'
            ? '· 正在保存…'
            : saveState === 'saved'
              ? '· 已保存'
              : saveState === 'failed'
                ? '· 保存失败，请检查网络'
                : ''}
        </span>
        <Button type="primary" onClick={confirmSubmit} loading={submit.isPending}>
          交卷
        </Button>
      </div>
      <div aria-live="polite" aria-atomic="true" className="ptce-sr-only">
        {announce}
      </div>
      <ErrorAlert error={submit.error} />
      <p className="ptce-hint">
        单选题、判断题用方向键选择选项，多选题用空格键勾选；按 Tab 键到下一题。答案会自动保存，考试时间到时自动交卷。
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirmSubmit();
        }}
        aria-label="试卷"
      >
        {a.questions.map((q) => (
          <Question
            key={q.no}
            q={q}
            value={answers[String(q.no)]}
            onChange={(v) => setAnswers((x) => ({ ...x, [String(q.no)]: v }))}
          />
        ))}
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          交卷
        </Button>
      </form>
      <Card size="small" title="答题卡" className="ptce-section" style={{ marginTop: 24 }}>
        <ol className="ptce-answer-sheet" aria-label="答题卡">
          {a.questions.map((q) => {
            const done = (answers[String(q.no)]?.length ?? 0) > 0;
            return (
              <li key={q.no}>
                <a
                  href={`#q-${q.no}`}
                  className={done ? 'done' : undefined}
                  aria-label={`第${q.no}题${done ? '，已答' : '，未答'}`}
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(q.no);
                  }}
                >
                  {q.no}
                </a>
              </li>
            );
          })}
        </ol>
      </Card>
    </>
  );
}

function Result({ a }: { a: ExamAttemptView }) {
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
          const show = (idx: number[]) =>
            idx.length ? idx.map((k) => (q.type === 'judge' ? q.options[k] : LETTERS[k])).join('、') : '未作答';
          return (
            <section key={q.no} className="ptce-result-item" aria-labelledby={`r-${q.no}`}>
              <p id={`r-${q.no}`}>
                <span className="ptce-question-type">
                  {q.no}.【{QUESTION_TYPE_LABEL[q.type]}，{q.points}分】
                </span>
                {q.stem}
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

/** The exam: the paper while open (time-limited, saved as answered); after it, the score, which answers were wrong, and the key once passed. */
export default function ExamPage() {
  const id = Number(useParams().attemptId);
  const attempt = useAttempt(id);
  if (attempt.isPending) return <PageSpinner />;
  if (attempt.isError) return <ErrorAlert error={attempt.error} />;
  const a = attempt.data;
  return (
    <>
      <Breadcrumb
        className="ptce-section"
        items={[
          { title: <Link to={`/learning?year=${a.year}`}>前往学习</Link> },
          { title: <Link to={`/learning?year=${a.year}&tab=exams`}>考试列表</Link> },
        ]}
      />
      <div className="ptce-page-head">
        <h1 className="ptce-page-title">
          {a.year}年度公需科目考试：《{a.courseTitle}》
        </h1>
        <span className="ptce-course-meta">
          第{a.attemptNo}次考试（共{a.maxAttempts}次）{a.roundNo > 1 && `· 第${a.roundNo}轮`}
        </span>
      </div>
      {a.status === 'open' ? <Paper key={a.id} a={a} fetchedAt={attempt.dataUpdatedAt} /> : <Result a={a} />}
    </>
  );
}
