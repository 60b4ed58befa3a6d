import { useRef } from 'react';

/**
 * The field a dialog focuses once it is open, for a Modal that is not a FormModal: spread `focusOnOpen` into the
 * Modal and give `ref` to the field. `autoFocus` inside a dialog is not enough: when animations are off
 * (减弱动态效果) the dialog opens without it and focus stays on the page behind.
 */
export function useFocusOnOpen<T extends { focus: () => void }>() {
  const ref = useRef<T>(null);
  return { ref, focusOnOpen: { afterOpenChange: (open: boolean) => open && focusUnlessTyping(ref.current) } };
}

/**
 * Focuses a dialog's first field once its opening animation is over — unless the person is already typing in a
 * field: on a slow device they may have clicked into another field during the animation, and moving the cursor then
 * would send the rest of their typing into the wrong field.
 */
export function focusUnlessTyping(target: { focus: () => void } | null | undefined): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.matches('input, textarea, select, [contenteditable="true"]')) return;
  target?.focus();
}
