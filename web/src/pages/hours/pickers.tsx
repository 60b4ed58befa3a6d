// Search-as-you-type pickers of the hours forms (antd Form controls).
import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import type { AuthoritySummary, StaffRow } from '@ptce/contracts';
import { useAuthoritySearch, useStaffSearch } from '../../api/hours';
import { useAnnualPlans } from '../../api/reference';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

interface PickerProps<T> {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, item?: T) => void;
  'aria-describedby'?: string;
  autoFocus?: boolean;
}

function searchStatus(searching: boolean, empty: boolean, failed: boolean, prompt: string, none: string) {
  if (searching) {
    return (
      <span className="ptce-select-status">
        <Spin size="small" /> 正在查询…
      </span>
    );
  }
  if (failed) return '查询失败，请稍后重试';
  return empty ? prompt : none;
}

/** 专业技术人员 of the admin's unit (or department), searched by 姓名 or 身份证号码. */
export function StaffSelect({ id, value, onChange, autoFocus, ...aria }: PickerProps<StaffRow>) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  const result = useStaffSearch(term);
  const [chosen, setChosen] = useState<StaffRow | null>(null);
  const people = useMemo(() => {
    const list = result.data?.items ?? [];
    return chosen && !list.some((p) => p.id === chosen.id) ? [chosen, ...list] : list;
  }, [result.data, chosen]);
  const searching = search !== term || result.isFetching;

  return (
    <Select<number>
      id={id}
      {...aria}
      autoFocus={autoFocus}
      value={value}
      placeholder="输入姓名或身份证号码查询"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={searching}
      notFoundContent={searchStatus(
        searching,
        search.trim() === '',
        result.isError,
        '本单位（部门）暂无专业技术人员',
        '未找到匹配的人员',
      )}
      options={people.map((p) => ({ value: p.id, label: `${p.name}（${p.idNumberMasked}）`, person: p }))}
      optionRender={(opt) => {
        const p = (opt.data as { person: StaffRow }).person;
        return (
          <div className="ptce-unit-option">
            <div>{p.name}</div>
            <div className="ptce-unit-option-meta">
              {p.idNumberMasked}
              {p.departmentName ? ` · ${p.departmentName}` : ''}
            </div>
          </div>
        );
      }}
      onChange={(v) => {
        const p = people.find((x) => x.id === v);
        setChosen(p ?? null);
        onChange?.(v, p);
      }}
    />
  );
}

/** 主管部门 / 行业主管部门 by name (提交至主管部门审核: 输入单位名称). */
export function AuthoritySelect({ id, value, onChange, autoFocus, ...aria }: PickerProps<AuthoritySummary>) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  const result = useAuthoritySearch(term);
  const [chosen, setChosen] = useState<AuthoritySummary | null>(null);
  const list = useMemo(() => {
    const found = result.data ?? [];
    return chosen && !found.some((a) => a.id === chosen.id) ? [chosen, ...found] : found;
  }, [result.data, chosen]);
  const searching = search.trim() !== '' && (search !== term || result.isFetching);

  return (
    <Select<number>
      id={id}
      {...aria}
      autoFocus={autoFocus}
      value={value}
      placeholder="输入主管部门名称查询"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={searching}
      notFoundContent={searchStatus(
        searching,
        search.trim() === '',
        result.isError,
        '请输入主管部门名称',
        '未找到匹配的主管部门',
      )}
      options={list.map((a) => ({ value: a.id, label: a.name, authority: a }))}
      optionRender={(opt) => {
        const a = (opt.data as { authority: AuthoritySummary }).authority;
        return (
          <div className="ptce-unit-option">
            <div>{a.name}</div>
            <div className="ptce-unit-option-meta">
              {a.kind === 'industry' ? '行业主管部门' : '人力资源和社会保障部门'}
            </div>
          </div>
        );
      }}
      onChange={(v) => {
        const a = list.find((x) => x.id === v);
        setChosen(a ?? null);
        onChange?.(v, a);
      }}
    />
  );
}

/** 年度 filter: the years that have an annual plan, newest first; empty = all years. */
export function YearSelect({
  id,
  value,
  onChange,
  allLabel = '全部年度',
}: {
  id?: string;
  value?: number;
  onChange: (year: number | undefined) => void;
  allLabel?: string;
}) {
  const plans = useAnnualPlans();
  const years = (plans.data ?? []).map((p) => p.year).sort((a, b) => b - a);
  if (value !== undefined && !years.includes(value)) years.unshift(value);
  return (
    <Select<number | 'all'>
      id={id}
      aria-label="年度"
      value={value ?? 'all'}
      loading={plans.isPending}
      onChange={(v) => onChange(v === 'all' ? undefined : v)}
      options={[{ value: 'all' as const, label: allLabel }, ...years.map((y) => ({ value: y, label: `${y}年度` }))]}
      className="ptce-filter-year"
    />
  );
}
