// The unit side's search bar: 姓名或身份证号码, and optionally 状态 and 年度.
import type { ReactNode } from 'react';
import { Select } from 'antd';
import type { RecordStatus } from '@ptce/contracts';
import type { RecordListParams } from '../../api/hours';
import { ListToolbar, SearchFilter } from '../../components/list';
import { STATUS_OPTIONS } from './labels';
import { YearSelect } from './pickers';

export function UnitFilters({
  query,
  update,
  status = false,
  actions,
}: {
  query: RecordListParams;
  update: (patch: Partial<RecordListParams>) => void;
  /** Show the 状态 select (全部状态 allowed). */
  status?: boolean;
  /** Batch buttons on the right. */
  actions?: ReactNode;
}) {
  return (
    <ListToolbar
      actions={actions}
      filters={
        <>
          <SearchFilter
            className="ptce-filter-search"
            label="姓名或身份证号码"
            value={query.q}
            maxLength={30}
            enterButton="查询"
            onSearch={(q) => update({ q })}
          />
          {status && (
            <Select<RecordStatus | 'all'>
              aria-label="状态"
              className="ptce-filter-status"
              value={query.status ?? 'all'}
              onChange={(v) => update({ status: v === 'all' ? undefined : v })}
              options={[{ value: 'all', label: '全部状态' }, ...STATUS_OPTIONS]}
            />
          )}
          <YearSelect value={query.year} onChange={(year) => update({ year })} />
        </>
      }
    />
  );
}
