import { useEffect, useRef, useState } from 'react';
import type { ExamAnswers } from '@ptce/contracts';
import { saveAnswers } from '../../api/exams';

export type SaveState = 'saved' | 'saving' | 'failed' | null;

/**
 * Saves the answers as the person answers (debounced), so a closed tab or the deadline loses
 * nothing. `changed` is called from the answer's change handler with the new answers.
 */
export function useAutosave(attemptId: number) {
  const [state, setState] = useState<SaveState>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const changed = (answers: ExamAnswers) => {
    setState('saving');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      saveAnswers(attemptId, answers).then(
        () => setState('saved'),
        () => setState('failed'),
      );
    }, 800);
  };
  return { state, changed };
}

export function saveStateText(state: SaveState): string {
  return state === 'saving'
    ? '· 正在保存…'
    : state === 'saved'
      ? '· 已保存'
      : state === 'failed'
        ? '· 保存失败，请检查网络'
        : '';
}
