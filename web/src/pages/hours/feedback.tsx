// Feedback shared by the hours pages: progress for slow actions, and the outcome of batch actions
// (BatchResult: how many were done, and each refused record with its reason).
import { useCallback, useEffect, useState } from 'react';
import { Alert, App } from 'antd';
import type { BatchResult } from '@ptce/contracts';
import { isApiError } from '../../api/client';

/**
 * While `pending` lasts longer than a second, a progress message says what is going on (a batch
 * of thousands of records, a large upload). Buttons show their own spinner from the first moment.
 */
export function useSlowProgress(pending: boolean, label: string) {
  const { message } = App.useApp();
  useEffect(() => {
    if (!pending) return;
    const key = `slow-${label}`;
    const t = setTimeout(() => void message.loading({ key, content: label, duration: 0 }), 1000);
    return () => {
      clearTimeout(t);
      message.destroy(key);
    };
  }, [pending, label, message]);
}

export interface BatchOutcome {
  /** What was done, as the button says it: 提交 / 通过 / 不通过. */
  action: string;
  done: number;
  refused: { id: number; label: string; reason: string }[];
}

/**
 * Keeps the last batch outcome of a page; the page shows it in BatchOutcomeAlert (announced there,
 * so no toast on top). `describe` names a record for the refused list (title, person).
 */
export function useBatchOutcome() {
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const show = useCallback((action: string, result: BatchResult, describe: (id: number) => string) => {
    setOutcome({
      action,
      done: result.done.length,
      refused: result.refused.map((r) => ({ id: r.id, label: describe(r.id), reason: r.reason })),
    });
  }, []);
  return { outcome, show, clear: () => setOutcome(null) };
}

/** The outcome on the page, until closed: done count and each refused record with its reason. */
export function BatchOutcomeAlert({ outcome, onClose }: { outcome: BatchOutcome | null; onClose: () => void }) {
  return (
    <div aria-live="polite">
      {outcome && (
        <Alert
          className="ptce-section"
          showIcon
          closable={{ onClose, 'aria-label': '关闭' }}
          type={outcome.refused.length === 0 ? 'success' : outcome.done === 0 ? 'error' : 'warning'}
          title={
            outcome.refused.length === 0
              ? `已${outcome.action} ${outcome.done} 条记录`
              : `已${outcome.action} ${outcome.done} 条记录，${outcome.refused.length} 条未能${outcome.action}`
          }
          description={
            outcome.refused.length > 0 && (
              <ul className="ptce-batch-refused">
                {outcome.refused.map((r) => (
                  <li key={r.id}>
                    <strong>{r.label}</strong>：{r.reason}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
    </div>
  );
}

/**
 * The server answers a one-record batch that it refuses with an error (409, 422 …) instead of a
 * BatchResult; shown the same way, as that record refused with the reason.
 */
export function asBatchResult(ids: number[], e: unknown): BatchResult | null {
  if (isApiError(e) && ids.length === 1 && e.status !== 401 && e.status !== 403 && e.status < 500) {
    return { done: [], refused: [{ id: ids[0]!, reason: e.message }] };
  }
  return null;
}
