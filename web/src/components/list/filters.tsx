import { Input, InputNumber } from 'antd';

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
