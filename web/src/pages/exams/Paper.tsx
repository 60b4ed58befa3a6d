import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button } from 'antd';
import type { ExamAnswers, ExamAttemptView } from '@ptce/contracts';
import { useSubmitExam } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnswerSheet } from './AnswerSheet';
import { QuestionField } from './QuestionField';
import { saveStateText, useAutosave } from './useAutosave';
import { clock, useRemaining, useTimeAnnouncement } from './exam-time';

/** The open exam: time-limited, saved as answered, handed in by 交卷 or when the time is up. */
export function Paper({ a, fetchedAt }: { a: ExamAttemptView; fetchedAt: number }) {
  const { modal } = App.useApp();
  const [answers, setAnswers] = useState<ExamAnswers>(a.answers);
  const autosave = useAutosave(a.id);
  const submit = useSubmitExam(a.id);
  const left = useRemaining(a, fetchedAt);
  const announce = useTimeAnnouncement(a, left);
  const autoSubmitted = useRef(false);
  const answered = a.questions.filter((q) => (answers[String(q.no)]?.length ?? 0) > 0).length;

  const doSubmit = useCallback(() => submit.mutate(answers), [submit, answers]);

  // The deadline hands the paper in once, whatever is answered.
  useEffect(() => {
    if (left <= 0 && !autoSubmitted.current && !submit.isPending) {
      autoSubmitted.current = true;
      doSubmit();
    }
  }, [left, doSubmit, submit.isPending]);

  const answer = (no: number, v: number[]) => {
    const next = { ...answers, [String(no)]: v };
    setAnswers(next);
    autosave.changed(next);
  };

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
          已答 {answered}/{a.questions.length} 题 {saveStateText(autosave.state)}
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
          <QuestionField key={q.no} q={q} value={answers[String(q.no)]} onChange={(v) => answer(q.no, v)} />
        ))}
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          交卷
        </Button>
      </form>
      <AnswerSheet questions={a.questions} answers={answers} />
    </>
  );
}
