// What 学时登记 and 学时查询 share: the 状态 and 年度 filters of the record list, and the record dialogs' state.
import { useState } from 'react';
import { Select } from 'antd';
import type { RecordRow, RecordStatus } from '@ptce/contracts';
import { STATUS_OPTIONS } from './labels';
import { YearSelect } from './pickers';

/** 状态 (全部状态 = none) and 年度 filters. */
export function StatusYearFilters({
  status,
  year,
  onChange,
}: {
  status?: RecordStatus;
  year?: number;
  onChange: (patch: { status?: RecordStatus } | { year?: number }) => void;
}) {
  return (
    <>
      <Select<RecordStatus | 'all'>
        aria-label="状态"
        className="ptce-filter-status"
        value={status ?? 'all'}
        onChange={(v) => onChange({ status: v === 'all' ? undefined : v })}
        options={[{ value: 'all', label: '全部状态' }, ...STATUS_OPTIONS]}
      />
      <YearSelect value={year} onChange={(y) => onChange({ year: y })} />
    </>
  );
}

/** Which record the 登记/修改 form, the detail and the delete confirmation are open on. */
export function useRecordDialogs() {
  const [form, setForm] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const [viewId, setViewId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<RecordRow | null>(null);
  return { form, setForm, viewId, setViewId, deleting, setDeleting };
}
