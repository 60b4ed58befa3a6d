// 专业技术人员管理 — notice, attachment 2 §二(四)3: the total admin picks each person's department
// (修改); a 二级管理员 sees and acts only on the staff of their own department. People who registered
// themselves into the unit (or moved themselves here) are marked 新注册 until the unit confirms them
// (确认) or removes them (移出本单位).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Tag } from 'antd';
import type { DepartmentRow, Me, StaffRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { departmentOptions, useDepartments, useStaff } from '../../api/org';
import { ExportButton, ListCard, pageBeyondLast, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { hasAnyRole } from '../../lib/format';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { RemoveStaffModal } from './RemoveStaffModal';
import { StaffActions } from './StaffActions';
import { staffColumns, staffTableWidth } from './staff-columns';
import { StaffEditModal } from './StaffEditModal';
import { StaffFilters } from './StaffFilters';
import { STAFF_LIST } from './staff-list';
import { OrgTable } from './OrgTable';

/** The filter value for people without a department (the server's departmentId=0). */
const NO_DEPARTMENT = 0;

/** A 二级管理员's own department and its sub-departments; null for the whole unit. */
function departmentScope(me: Me, departments: readonly DepartmentRow[]): Set<number> | null {
  if (!hasAnyRole(me, ['dept_admin']) || hasAnyRole(me, ['unit_admin', 'unit_account'])) return null;
  const own = me.department?.id;
  if (own === undefined) return new Set();
  return new Set([own, ...departments.filter((d) => d.parentId === own).map((d) => d.id)]);
}

type Dialog = { kind: 'edit' | 'remove'; person: StaffRow; open: boolean; session: number };

/** 专业技术人员管理 */
export default function StaffPage() {
  const { data: me } = useMe();
  const { query, update } = useUrlParams(STAFF_LIST);
  const staff = useStaff(query);
  const departments = useDepartments();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const openDialog = (kind: Dialog['kind'], person: StaffRow) =>
    setDialog((d) => ({ kind, person, open: true, session: (d?.session ?? 0) + 1 }));
  const closeDialog = () => setDialog((d) => d && { ...d, open: false });

  const allDepartments = useMemo(() => departments.data ?? [], [departments.data]);
  const scope = useMemo(() => (me ? departmentScope(me, allDepartments) : null), [me, allDepartments]);
  const wholeUnit = scope === null;
  const options = useMemo(
    () => departmentOptions(allDepartments).filter((o) => scope === null || scope.has(o.value)),
    [allDepartments, scope],
  );
  const paths = useMemo(
    () => new Map(departmentOptions(allDepartments).map((o) => [o.value, o.label])),
    [allDepartments],
  );
  const filterOptions = useMemo(
    () => (wholeUnit ? [{ value: NO_DEPARTMENT, label: '无部门' }, ...options] : options),
    [wholeUnit, options],
  );

  // After 移出本单位 or a department change empties the last page, show the page before it.
  const total = staff.data?.total;
  const { page, pageSize } = query;
  useEffect(() => {
    if (total === undefined || staff.isPlaceholderData) return;
    const last = pageBeyondLast({ page, pageSize }, total);
    if (last !== null) update({ page: last }, { replace: true });
  }, [total, staff.isPlaceholderData, page, pageSize, update]);

  const departmentCell = (r: StaffRow) =>
    r.departmentId === null ? <Tag>无部门</Tag> : (paths.get(r.departmentId) ?? r.departmentName ?? '—');

  // Desktop: every field fits the content width at 1280 px. Phones: name (with the ID number under
  // it), department and the actions; the rest is one tap away in 修改.
  const columns = staffColumns({
    desktop,
    departmentCell,
    actions: (r) => (
      <StaffActions
        r={r}
        desktop={desktop}
        onEdit={(p) => openDialog('edit', p)}
        onRemove={(p) => openDialog('remove', p)}
      />
    ),
  });

  return (
    <>
      <PageTitle
        extra={
          <ExportButton
            kind="staff"
            query={{ q: query.q, departmentId: query.departmentId, newRegistration: query.newRegistration }}
          >
            导出Excel
          </ExportButton>
        }
      >
        专业技术人员管理
      </PageTitle>
      <StaffFilters
        query={query}
        wholeUnit={wholeUnit}
        options={filterOptions}
        departmentsLoading={departments.isPending}
        onSearch={update}
      />
      <ListCard>
        {!!staff.data?.newRegistrationCount && query.newRegistration !== true && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`有 ${staff.data.newRegistrationCount} 名新注册人员待确认：请核实其是否为本单位人员，确认或移出本单位。`}
            action={
              <Button
                size="small"
                onClick={() => update({ q: undefined, departmentId: undefined, newRegistration: true })}
              >
                只看新注册
              </Button>
            }
          />
        )}
        <OrgTable<StaffRow>
          columns={columns}
          result={staff}
          errorTitle="人员列表加载失败"
          empty="没有符合条件的人员"
          width={staffTableWidth(desktop)}
          paging={{ page, pageSize, onChange: update, pageSizes: [20, 50, 100], totalText: (t) => `共 ${t} 人` }}
        />
      </ListCard>
      {dialog?.kind === 'edit' && (
        <StaffEditModal
          key={dialog.session}
          open={dialog.open}
          person={dialog.person}
          options={options}
          wholeUnit={wholeUnit}
          onClose={closeDialog}
          afterClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveStaffModal
          key={dialog.session}
          open={dialog.open}
          person={dialog.person}
          onClose={closeDialog}
          afterClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
