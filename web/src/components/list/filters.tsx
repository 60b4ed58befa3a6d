import { Input, InputNumber, Select } from 'antd';

/** A list's text search: its label is also the placeholder; a cleared or blank box drops the filter. */
export function SearchFilter({
  label,
  value,
  onSearch,
  width = 220,
}: {
  label: string;
  value?: string;
  onSearch: (q: string | undefined) => void;
  width?: number;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      defaultValue={value}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      style={{ width }}
    />
  );
}

/** A list's 年度 filter; cleared, it drops the filter. */
export function YearFilter({ value, onChange }: { value?: number; onChange: (year: number | undefined) => void }) {
  return (
    <InputNumber
      placeholder="年度"
      aria-label="年度"
      min={2000}
      max={2100}
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
}: {
  label: string;
  placeholder: string;
  value?: T;
  onChange: (value: T | undefined) => void;
  options: { value: T; label: string }[];
  width?: number;
  loading?: boolean;
}) {
  return (
    <Select<T>
      allowClear
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
