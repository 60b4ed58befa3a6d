import { useRef } from 'react';

/**
 * The field a dialog focuses once it is open, for a Modal that is not a FormModal: spread `focusOnOpen` into the
 * Modal and give `ref` to the field. `autoFocus` inside a dialog is not enough: when animations are off
 * (减弱动态效果) the dialog opens without it and focus stays on the page behind.
 */
export function useFocusOnOpen<T extends { focus: () => void }>() {
  const ref = useRef<T>(null);
  return { ref, focusOnOpen: { afterOpenChange: (open: boolean) => open && ref.current?.focus() } };
}
