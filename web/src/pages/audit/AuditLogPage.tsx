import type { AuditEntry } from '@ptce/contracts';
import { useAuditLog } from '../../api/audit';
import { ExportButton, ListCard, ListTable, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { auditColumns } from './audit-columns';
import { AuditFilters } from './AuditFilters';
import { AUDIT_LIST } from './audit-list';
import './audit.css';

const PAGE_SIZES = [20, 50, 100];

/** 审计日志 — operators search who did what, to whom or what, when; in Chinese, exported to Excel. */
export default function AuditLogPage() {
  const { query, update } = useUrlParams(AUDIT_LIST);
  const log = useAuditLog(query);
  const { page, pageSize, ...filter } = query;

  return (
    <>
      <PageTitle extra={<ExportButton kind="audit" query={filter} />}>审计日志</PageTitle>
      <AuditFilters query={query} onSearch={update} />
      <ListCard>
        <ListTable<AuditEntry>
          rowKey="id"
          size="middle"
          columns={auditColumns}
          result={log}
          errorTitle="审计日志加载失败"
          empty="没有符合条件的记录"
          scroll={{ x: 1100 }}
          card={{ title: (r) => r.actionLabel, tagColumn: 'result' }}
          expandable={{
            rowExpandable: (r) => r.detail != null && Object.keys(r.detail).length > 0,
            expandedRowRender: (r) => (
              <>
                <div className="ptce-audit-code">操作代码：{r.action}</div>
                <pre className="ptce-json">{JSON.stringify(r.detail, null, 2)}</pre>
              </>
            ),
          }}
          paging={{ page, pageSize, pageSizes: PAGE_SIZES, onChange: update, totalText: (t) => `共 ${t} 条` }}
        />
      </ListCard>
    </>
  );
}
