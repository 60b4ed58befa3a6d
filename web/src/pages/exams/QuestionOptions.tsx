import type { QuestionRow } from '@ptce/contracts';
import { optionLabel } from './question-format';

/** A question's options as the paper shows them, the right ones marked ✓. */
export function QuestionOptions({ q }: { q: QuestionRow }) {
  return (
    <ol className="ptce-bank-options">
      {q.options.map((text, i) => {
        const right = q.answer.includes(i);
        return (
          <li key={i} className={right ? 'ptce-bank-option-right' : undefined}>
            {optionLabel(q.type, i, text)}
            {right && (
              <span className="ptce-bank-option-mark">
                {' '}
                ✓<span className="ptce-sr-only">（正确答案）</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
