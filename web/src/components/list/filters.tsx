import { useEffect, useState } from 'react';
import { Input, InputNumber, Select } from 'antd';
import { YEAR_RANGE } from './url-params';

/** A list's text search: its label is also the placeholder; a cleared or blank box drops the filter. */
export function SearchFilter({
  label,
  value,
  onSearch,
  width = 220,
  maxLength,
  className,
  enterButton,
}: {
  label: string;
  value?: string;
  onSearch: (q: string | undefined) => void;
  width?: number;
  /** The longest text the list's URL state keeps. */
  maxLength?: number;
  /** Sizes the box instead of `width` (a stylesheet's responsive width). */
  className?: string;
  /** A labelled button (查询) instead of the magnifier. */
  enterButton?: string;
}) {
  // What is typed stays until searched; when the address changes (back, forward, a link) the box shows its search.
  // The router applies an address later than the browser shows it, so two things are remembered:
  // - the searches this box sent that the list has not drawn yet: their arrival leaves what was typed since alone;
  // - a back or forward: the box shows the address's search even when the list never drew the entry it left.
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  const [sent, setSent] = useState<readonly (string | undefined)[]>([]);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    const onMove = () => setMoved(true);
    window.addEventListener('popstate', onMove);
    return () => window.removeEventListener('popstate', onMove);
  }, []);
  if (moved) {
    setMoved(false);
    setSent([]);
    setShown(value);
    setText(value ?? '');
  } else if (value !== shown) {
    setShown(value);
    const mine = sent.lastIndexOf(value);
    setSent(mine >= 0 ? sent.slice(mine + 1) : []);
    if (mine < 0) setText(value ?? '');
  }
  const search = (typed: string) => {
    const q = typed.trim() || undefined;
    if (q !== shown) setSent([...sent, q]);
    onSearch(q);
  };
  return (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      maxLength={maxLength}
      enterButton={enterButton}
      className={className}
      onSearch={search}
      style={className ? undefined : { width }}
    />
  );
}

/**
 * A list's 年度 filter; cleared, it drops the filter. With `choices` it picks one of those years (…年度) and is
 * never empty.
 */
export function YearFilter({
  value,
  onChange,
  choices,
}: {
  value?: number;
  onChange: (year: number | undefined) => void;
  choices?: readonly number[];
}) {
  if (choices)
    return (
      <Select<number>
        aria-label="年度"
        value={value}
        onChange={onChange}
        options={choices.map((y) => ({ value: y, label: `${y}年度` }))}
        style={{ width: 120 }}
      />
    );
  return (
    <InputNumber
      placeholder="年度"
      aria-label="年度"
      min={YEAR_RANGE.min}
      max={YEAR_RANGE.max}
      value={value}
      onChange={(y) => onChange(y ?? undefined)}
    />
  );
}

/** The options of a choice filter from a label map, in the given order (the map's own by default). */
export function choiceOptions<T extends string>(
  labels: Record<T, string>,
  order: readonly T[] = Object.keys(labels) as T[],
): { value: T; label: string }[] {
  return order.map((value) => ({ value, label: labels[value] }));
}

/** A list's choice filter (状态, 级别 …): its placeholder reads 全部…; cleared, it drops the filter. */
export function ChoiceFilter<T extends string>({
  label,
  placeholder,
  value,
  onChange,
  options,
  width = 120,
  loading,
  clearable = true,
}: {
  label: string;
  placeholder: string;
  value?: T;
  onChange: (value: T | undefined) => void;
  options: { value: T; label: string }[];
  width?: number;
  loading?: boolean;
  /** false: one of the options is always chosen (the list's state has a default). */
  clearable?: boolean;
}) {
  return (
    <Select<T>
      allowClear={clearable}
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      loading={loading}
      style={{ width }}
    />
  );
}

/** The keys of a list's state whose values are V (or absent). */
type KeysOf<Q, V> = { [K in keyof Q]-?: Exclude<Q[K], undefined> extends V ? K : never }[keyof Q] & string;

/** One filter of a list's toolbar, bound to a field of the list's URL state. */
export type FilterItem<Q> =
  | { search: KeysOf<Q, string>; label: string; width?: number; maxLength?: number }
  | { year: KeysOf<Q, number>; choices?: readonly number[] }
  | ({
      choice: KeysOf<Q, string>;
      label: string;
      placeholder: string;
      width?: number;
      loading?: boolean;
      clearable?: boolean;
    } & (
      | { options: { value: string; label: string }[] }
      /** The options from a label map, in `order` (the map's own by default): see choiceOptions. */
      | { labels: Record<string, string>; order?: readonly string[] }
    ));

/**
 * A list's filters from a description, each bound to its field of the URL state: what it shows is the field's
 * value, and a change updates that field (and goes back to page 1).
 *
 *   <ListFilters query={query} update={update} items={[{ search: 'q', label: '姓名' }, { year: 'year' }]} />
 */
export function ListFilters<Q extends object>({
  query,
  update,
  items,
}: {
  query: Q;
  update: (patch: Partial<Q>) => void;
  items: readonly FilterItem<Q>[];
}) {
  const value = (key: string): unknown => (query as Record<string, unknown>)[key];
  const set = (key: string) => (v: unknown) => update({ [key]: v } as Partial<Q>);
  return items.map((item) => {
    if ('search' in item) {
      const k = item.search;
      return (
        <SearchFilter
          key={k}
          label={item.label}
          value={value(k) as string}
          width={item.width}
          maxLength={item.maxLength}
          onSearch={set(k)}
        />
      );
    }
    if ('year' in item)
      return (
        <YearFilter
          key={item.year}
          value={value(item.year) as number}
          onChange={set(item.year)}
          choices={item.choices}
        />
      );
    const k = item.choice;
    return (
      <ChoiceFilter<string>
        key={k}
        label={item.label}
        placeholder={item.placeholder}
        value={value(k) as string}
        onChange={set(k)}
        options={'options' in item ? item.options : choiceOptions(item.labels, item.order)}
        width={item.width}
        loading={item.loading}
        clearable={item.clearable}
      />
    );
  });
}
