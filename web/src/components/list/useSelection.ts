import { useCallback, useMemo, useReducer, useState } from 'react';
import { selectionReducer, type RowKey } from './list-state';

/**
 * The rows chosen for batch actions, kept across pages. Pass it to ListTable's `selection`; the
 * page reads `rows`/`count` for its batch buttons and calls `clear` or `remove` after an action.
 */
export function useSelection<T>(getKey: (row: T) => RowKey) {
  // getKey is read once: a row's key never changes.
  const [reducer] = useState(() => selectionReducer(getKey));
  const [state, dispatch] = useReducer(reducer, { keys: [], rows: [] });
  const set = useCallback((rows: readonly (T | undefined)[]) => dispatch({ type: 'set', rows }), []);
  const remove = useCallback((keys: readonly RowKey[]) => dispatch({ type: 'remove', keys }), []);
  const clear = useCallback(() => dispatch({ type: 'clear' }), []);
  return useMemo(
    () => ({ rows: state.rows, keys: state.keys, count: state.keys.length, set, remove, clear }),
    [state, set, remove, clear],
  );
}

export type Selection<T> = ReturnType<typeof useSelection<T>>;
