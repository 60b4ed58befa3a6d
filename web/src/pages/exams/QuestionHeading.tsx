import { QUESTION_TYPE_LABEL, type PaperQuestion } from '@ptce/contracts';

/** "3.【单选题，2分】" and the stem, on the paper and in the result alike. */
export function QuestionHeading({ q }: { q: Pick<PaperQuestion, 'no' | 'type' | 'points' | 'stem'> }) {
  return (
    <>
      <span className="ptce-question-type">
        {q.no}.【{QUESTION_TYPE_LABEL[q.type]}，{q.points}分】
      </span>
      {q.stem}
    </>
  );
}
