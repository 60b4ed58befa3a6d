// 单位管理员管理 — notice, attachment 2 §二(四)1: 新增管理员 with "允许登录系统"; an admin without a
// department is the unit's total admin, one with a department is a 二级管理员.
import { useMemo } from 'react';
import { Alert, Button } from 'antd';
import type { AdminRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { departmentOptions, useAdmins, useDepartments } from '../../api/org';
import { ListCard } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useDialog } from '../../components/useDialog';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { AdminActions } from './AdminActions';
import { adminColumns } from './admin-columns';
import { AdminModal, INITIAL_PASSWORD_TIP } from './AdminModal';
import { OrgTable } from './OrgTable';

/** 单位管理员管理 */
export default function AdminsPage() {
  const admins = useAdmins();
  const departments = useDepartments();
  const { data: me } = useMe();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const dialog = useDialog<AdminRow | null>();

  const paths = useMemo(
    () => new Map(departmentOptions(departments.data ?? []).map((o) => [o.value, o.label])),
    [departments.data],
  );

  const columns = adminColumns({
    desktop,
    meId: me?.id,
    paths,
    actions: (r) => <AdminActions r={r} desktop={desktop} onEdit={dialog.show} />,
  });

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => dialog.show(null)}>
            新增管理员
          </Button>
        }
      >
        单位管理员管理
      </PageTitle>
      <Alert
        type="info"
        showIcon
        className="ptce-section"
        title={INITIAL_PASSWORD_TIP}
        description="单位管理员不选择部门的，默认为单位总管理员；被分配到具体部门的管理员属于二级管理员，仅能管理、登记及审核该部门下的学员信息。建议单位保留一位总管理员，用于设置各二级管理员、分配部门、选择学员等。"
      />
      <ListCard>
        <OrgTable<AdminRow>
          columns={columns}
          result={admins}
          errorTitle="管理员列表加载失败"
          empty="暂无管理员，请点击“新增管理员”"
          width={desktop ? 960 : 326}
        />
      </ListCard>
      {dialog.props && <AdminModal key={dialog.session} {...dialog.props} />}
    </>
  );
}
