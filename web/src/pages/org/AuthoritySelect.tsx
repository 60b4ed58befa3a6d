import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import type { AuthoritySummary } from '@ptce/contracts';
import { errorMessage } from '../../api/client';
import { useAuthoritySearch } from '../../api/org';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

/** 主管部门: searched by name on the server as one types; keeps showing the chosen one. */
export function AuthoritySelect({
  id,
  value,
  onChange,
  initial,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  initial?: { id: number; name: string } | null;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  const result = useAuthoritySearch(term, open);
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(initial ?? null);
  const list = useMemo(() => {
    const found: { id: number; name: string; kind?: AuthoritySummary['kind'] }[] = result.data ?? [];
    return chosen && !found.some((a) => a.id === chosen.id) ? [chosen, ...found] : found;
  }, [result.data, chosen]);
  const searching = open && (search !== term || result.isFetching);

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      placeholder="输入名称搜索主管部门"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={searching}
      notFoundContent={
        searching ? (
          <span className="ptce-select-status">
            <Spin size="small" /> 正在查询…
          </span>
        ) : result.isError ? (
          `查询失败：${errorMessage(result.error)}`
        ) : (
          '未找到匹配的主管部门'
        )
      }
      options={list.map((a) => ({ value: a.id, label: a.name }))}
      onChange={(v) => {
        const a = list.find((x) => x.id === v);
        setChosen(a ? { id: a.id, name: a.name } : null);
        onChange?.(v ?? null);
      }}
    />
  );
}
