// 单位管理 — units are created by the platform operator or by a city/county HR bureau within its
// region (one by one or 批量导入), each with its 单位账号 (username = 统一社会信用代码, a random initial
// password shown once and valid 7 days; 重新生成初始密码 issues a new one); 修改, 合并, 停用 / 启用.
import { useMemo } from 'react';
import { Button, Space } from 'antd';
import type { UnitRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useUnits } from '../../api/org';
import { useIndustries, useRegions } from '../../api/reference';
import { ButtonLink } from '../../components/ButtonLink';
import { ListCard, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useDialog } from '../../components/useDialog';
import { hasAnyRole } from '../../lib/format';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { UnitActions } from './UnitActions';
import { unitColumns } from './unit-columns';
import { UnitFilters } from './UnitFilters';
import { UNIT_LIST } from './unit-list';
import { MergeUnitModal } from './MergeUnitModal';
import { UnitModal } from './UnitModal';
import { regionTree } from './unit-regions';
import { OrgTable } from './OrgTable';

/** 单位管理 — operators and HR bureaus manage units; authorities may only look. */
export default function UnitsPage() {
  const { data: me } = useMe();
  const { query, update } = useUrlParams(UNIT_LIST);
  const units = useUnits(query);
  const regions = useRegions();
  const industries = useIndustries();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const canManage = me ? hasAnyRole(me, ['operator', 'hr_bureau']) : false;
  const dialog = useDialog<UnitRow | null>();
  const merging = useDialog<UnitRow>();

  const regionOptions = useMemo(() => regionTree(regions.data ?? [], me), [regions.data, me]);
  const industryName = useMemo(() => new Map((industries.data ?? []).map((i) => [i.code, i.name])), [industries.data]);

  const columns = unitColumns({
    desktop,
    industryName,
    actions: canManage
      ? (r) => <UnitActions r={r} desktop={desktop} onEdit={dialog.show} onMerge={merging.show} />
      : undefined,
  });

  return (
    <>
      <PageTitle
        extra={
          canManage && (
            <Space wrap>
              <ButtonLink to="/org/units/import">批量导入</ButtonLink>
              <Button type="primary" onClick={() => dialog.show(null)}>
                新增单位
              </Button>
            </Space>
          )
        }
      >
        单位管理
      </PageTitle>
      <UnitFilters
        query={query}
        regions={regions.data}
        regionOptions={regionOptions}
        regionsLoading={regions.isPending}
        onSearch={update}
      />
      <ListCard>
        <OrgTable<UnitRow>
          columns={columns}
          result={units}
          errorTitle="单位列表加载失败"
          empty="没有符合条件的单位"
          width={desktop ? 1200 : 300}
          paging={{
            page: query.page,
            pageSize: query.pageSize,
            onChange: update,
            pageSizes: [20, 50, 100],
            totalText: (t) => `共 ${t} 个单位`,
          }}
        />
      </ListCard>
      {dialog.props && <UnitModal key={dialog.session} {...dialog.props} />}
      {merging.props && <MergeUnitModal key={merging.session} {...merging.props} />}
    </>
  );
}
