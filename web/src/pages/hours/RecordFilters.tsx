// What the record lists share: the 状态 and 年度 filters, the selection and its 提交审核.
import { Select } from 'antd';
import type { RecordRow, RecordStatus } from '@ptce/contracts';
import { useSubmitRecords } from '../../api/hours';
import { useSelection } from '../../components/list';
import { useBatchOutcome, useSlowProgress } from './feedback';
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

/** The selected records and their 提交审核, with the batch outcome and the slow-progress notice. */
export function useRecordSubmission() {
  const submit = useSubmitRecords();
  const batch = useBatchOutcome();
  useSlowProgress(submit.isPending, '正在提交审核…');
  const selection = useSelection<RecordRow>((r) => r.id);
  return { submit, batch, selection };
}
