import { useSyncExternalStore } from 'react';

/** True while the media query matches; correct on the first render (no flash of the wrong layout). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones get the drawer menu; the layout and pages switch at the same width. */
export const DESKTOP_QUERY = '(min-width: 768px)';

/** 减弱动态效果 (the system's reduce-motion setting): antd's animations are turned off (components/AntdShell). */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';
