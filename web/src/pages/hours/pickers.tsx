// Search-as-you-type pickers of the hours forms (antd Form controls).
import { useMemo, useState, type ReactNode, type Ref } from 'react';
import { Select, Spin, type RefSelectProps } from 'antd';
import type { AuthoritySummary, StaffRow } from '@ptce/contracts';
import { useAuthoritySearch, useStaffSearch } from '../../api/hours';
import { useAnnualPlans } from '../../api/reference';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

interface PickerProps<T> {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, item?: T) => void;
  'aria-describedby'?: string;
  /** For the dialog that focuses the picker once open (components/useFocusOnOpen). */
  ref?: Ref<RefSelectProps>;
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

interface SearchTerm {
  search: string;
  setSearch: (search: string) => void;
  /** `search` once typing has paused for 300 ms: what is queried. */
  term: string;
}

function useSearchTerm(): SearchTerm {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  return { search, setSearch, term };
}

interface SearchPickerProps<T> extends PickerProps<T> {
  placeholder: string;
  /** What is typed. */
  typed: SearchTerm;
  /** The matches of the last query. */
  found: T[] | undefined;
  searching: boolean;
  failed: boolean;
  /** Shown while nothing is typed. */
  prompt: string;
  /** Shown when nothing matches. */
  none: string;
  label: (item: T) => string;
  name: (item: T) => string;
  meta: (item: T) => ReactNode;
}

/** A Select over search results that keeps the chosen item listed while the search moves on. */
function SearchPicker<T extends { id: number }>({
  id,
  value,
  onChange,
  ref,
  placeholder,
  typed,
  found,
  searching,
  failed,
  prompt,
  none,
  label,
  name,
  meta,
  ...aria
}: SearchPickerProps<T>) {
  const [chosen, setChosen] = useState<T | null>(null);
  const list = useMemo(() => {
    const items = found ?? [];
    return chosen && !items.some((x) => x.id === chosen.id) ? [chosen, ...items] : items;
  }, [found, chosen]);

  return (
    <Select<number>
      id={id}
      {...aria}
      ref={ref}
      value={value}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: typed.setSearch }}
      allowClear
      loading={searching}
      notFoundContent={searchStatus(searching, typed.search.trim() === '', failed, prompt, none)}
      options={list.map((x) => ({ value: x.id, label: label(x), item: x }))}
      optionRender={(opt) => {
        const x = (opt.data as { item: T }).item;
        return (
          <div className="ptce-unit-option">
            <div>{name(x)}</div>
            <div className="ptce-unit-option-meta">{meta(x)}</div>
          </div>
        );
      }}
      onChange={(v) => {
        const x = list.find((y) => y.id === v);
        setChosen(x ?? null);
        onChange?.(v, x);
      }}
    />
  );
}

/** 专业技术人员 of the admin's unit (or department), searched by 姓名 or 身份证号码. */
export function StaffSelect(props: PickerProps<StaffRow>) {
  const typed = useSearchTerm();
  const result = useStaffSearch(typed.term);
  return (
    <SearchPicker<StaffRow>
      {...props}
      placeholder="输入姓名或身份证号码查询"
      typed={typed}
      found={result.data?.items}
      searching={typed.search !== typed.term || result.isFetching}
      failed={result.isError}
      prompt="本单位（部门）暂无专业技术人员"
      none="未找到匹配的人员"
      label={(p) => `${p.name}（${p.idNumberMasked}）`}
      name={(p) => p.name}
      meta={(p) => (
        <>
          {p.idNumberMasked}
          {p.departmentName ? ` · ${p.departmentName}` : ''}
        </>
      )}
    />
  );
}

/** 主管部门 / 行业主管部门 by name (提交至主管部门审核: 输入单位名称). */
export function AuthoritySelect(props: PickerProps<AuthoritySummary>) {
  const typed = useSearchTerm();
  const result = useAuthoritySearch(typed.term);
  return (
    <SearchPicker<AuthoritySummary>
      {...props}
      placeholder="输入主管部门名称查询"
      typed={typed}
      found={result.data}
      searching={typed.search.trim() !== '' && (typed.search !== typed.term || result.isFetching)}
      failed={result.isError}
      prompt="请输入主管部门名称"
      none="未找到匹配的主管部门"
      label={(a) => a.name}
      name={(a) => a.name}
      meta={(a) => (a.kind === 'industry' ? '行业主管部门' : '人力资源和社会保障部门')}
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
