import { useState } from 'react';
import type { DialogProps } from './FormModal';

/**
 * A page's dialog that edits one target: `show(target)` opens it, `props` (null while it is shut) go to the dialog,
 * and `session` is its key. The dialog keeps its target while it animates closed, and every opening gets a fresh form.
 */
export function useDialog<T>() {
  const [state, setState] = useState<{ open: boolean; target: T; session: number } | null>(null);
  const show = (target: T) => setState((s) => ({ open: true, target, session: (s?.session ?? 0) + 1 }));
  const props: DialogProps<T> | null = state && {
    open: state.open,
    target: state.target,
    onClose: () => setState((s) => s && { ...s, open: false }),
    afterClose: () => setState(null),
  };
  return { show, props, session: state?.session ?? 0 };
}
