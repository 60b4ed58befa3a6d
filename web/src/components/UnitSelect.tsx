import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import type { UnitSummary } from '@ptce/contracts';
import { useUnitSearch } from '../api/units';
import { useDebouncedValue } from '../lib/useDebouncedValue';

interface UnitSelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, unit?: UnitSummary) => void;
  placeholder?: string;
  'aria-describedby'?: string;
}

/**
 * Picks a unit by searching its name or 统一社会信用代码 (GET /api/units/search), as the notice's
 * "输入单位名称…查询" steps do. Works as an antd Form control.
 */
export function UnitSelect({ id, value, onChange, placeholder, ...aria }: UnitSelectProps) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  const result = useUnitSearch(term);
  // The chosen unit stays labelled after the search text changes.
  const [chosen, setChosen] = useState<UnitSummary | null>(null);

  const units = useMemo(() => {
    const list = result.data ?? [];
    return chosen && !list.some((u) => u.id === chosen.id) ? [chosen, ...list] : list;
  }, [result.data, chosen]);

  const searching = search.trim() !== '' && (search !== term || result.isFetching);
  const notFound = searching ? (
    <span className="ptce-select-status">
      <Spin size="small" /> 正在查询…
    </span>
  ) : search.trim() === '' ? (
    '请输入单位名称或统一社会信用代码'
  ) : result.isError ? (
    '查询失败，请稍后重试'
  ) : (
    '未找到匹配的单位'
  );

  return (
    <Select<number>
      id={id}
      {...aria}
      value={value}
      placeholder={placeholder ?? '输入单位名称或统一社会信用代码查询'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={searching}
      notFoundContent={notFound}
      options={units.map((u) => ({ value: u.id, label: u.name, unit: u }))}
      optionRender={(opt) => {
        const u = (opt.data as { unit: UnitSummary }).unit;
        return (
          <div className="ptce-unit-option">
            <div>{u.name}</div>
            <div className="ptce-unit-option-meta">
              {u.creditCodeMasked} · {u.regionName}
            </div>
          </div>
        );
      }}
      onChange={(v) => {
        const u = units.find((x) => x.id === v);
        setChosen(u ?? null);
        onChange?.(v, u);
      }}
    />
  );
}
