import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs in plain markup (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs and select them; Tab
 * leaves for the panel). Used by 登录, which is drawn without antd.
 */
export function LoginTabs<K extends string>({
  tabs,
  active,
  onChange,
  children,
}: {
  tabs: readonly { key: K; label: string }[];
  active: K;
  onChange: (key: K) => void;
  children: ReactNode;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const to =
      e.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const key = tabs[to]!.key;
    onChange(key);
    refs.current.get(key)?.focus();
  };
  return (
    <div className="ptce-tabs">
      <div role="tablist" className="ptce-tabs-list">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) refs.current.set(t.key, el);
              else refs.current.delete(t.key);
            }}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={t.key === active}
            aria-controls={`tabpanel-${t.key}`}
            tabIndex={t.key === active ? 0 : -1}
            className="ptce-tab"
            onClick={() => onChange(t.key)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${active}`} aria-labelledby={`tab-${active}`} className="ptce-tabs-panel">
        {children}
      </div>
    </div>
  );
}
