import { Card } from 'antd';
import type { ExamAnswers, PaperQuestion } from '@ptce/contracts';

/** Moves to a question and puts the focus on its first option. */
function goTo(no: number) {
  const el = document.getElementById(`q-${no}`);
  el?.scrollIntoView({ block: 'start' });
  el?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
}

/** 答题卡: every question's number, marked when answered; a click jumps to it. */
export function AnswerSheet({ questions, answers }: { questions: PaperQuestion[]; answers: ExamAnswers }) {
  return (
    <Card size="small" title="答题卡" className="ptce-section" style={{ marginTop: 24 }}>
      <ol className="ptce-answer-sheet" aria-label="答题卡">
        {questions.map((q) => {
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
  );
}
