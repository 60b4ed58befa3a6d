import { useState } from 'react';
import { Alert, App, Descriptions, Form, Modal, Select, Spin } from 'antd';
import type { UnitRow } from '@ptce/contracts';
import { errorMessage } from '../../api/client';
import { useMergePreview, useMergeUnits, useUnits } from '../../api/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

/**
 * 合并单位: another unit (B, picked by searching its name or credit code among the units the caller
 * manages) goes into this one (A). The dialog shows what would move before 确认合并.
 */
export function MergeUnitModal({
  open,
  target,
  onClose,
  afterClose,
}: {
  open: boolean;
  target: UnitRow;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { modal } = App.useApp();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const found = useUnits({ page: 1, pageSize: 20, q: term || undefined });
  const [sourceId, setSourceId] = useState<number | null>(null);
  // The chosen unit keeps its label when a new search no longer lists it.
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null);
  const preview = useMergePreview(target.id, sourceId);
  const merge = useMergeUnits();
  const listed = (found.data?.items ?? [])
    .filter((u) => u.id !== target.id && u.status !== 'merged')
    .map((u) => ({ value: u.id, label: `${u.name}（${u.creditCode}，${u.regionName || '—'}）` }));
  const options = chosen && !listed.some((o) => o.value === chosen.value) ? [chosen, ...listed] : listed;
  const counts = preview.data?.counts;

  const submit = () => {
    if (!sourceId || !preview.data) return;
    merge.mutate(
      { targetId: target.id, sourceId },
      {
        onSuccess: (moved) => {
          onClose();
          modal.success({
            title: '合并完成',
            content: `“${preview.data.source.name}”已并入“${target.name}”：移入人员${moved.people}人、部门${moved.departments}个、管理员${moved.admins}名、学时记录${moved.records}条。被合并单位已停用。`,
            okText: '知道了',
          });
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`合并单位：并入“${target.name}”`}
      width={600}
      okText="确认合并"
      okButtonProps={{ danger: true, disabled: !counts, loading: merge.isPending }}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      afterClose={afterClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label="被合并的单位"
          extra="被合并单位的人员、部门、管理员、学时记录及待确认的新注册人员将移入本单位；被合并单位停用并标记为“已合并”。"
        >
          <Select<number>
            aria-label="被合并的单位"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入单位名称或统一社会信用代码搜索"
            value={sourceId ?? undefined}
            onChange={(v) => {
              setSourceId(v ?? null);
              setChosen(options.find((o) => o.value === v) ?? null);
            }}
            // Sized by its content: the dialog may still be opening when the list is first measured.
            popupMatchSelectWidth={false}
            allowClear
            loading={found.isFetching}
            notFoundContent={found.isFetching ? <Spin size="small" /> : '未找到可合并的单位'}
            options={options}
          />
        </Form.Item>
      </Form>
      {preview.isFetching && <Spin />}
      {preview.isError && <Alert type="error" showIcon title="不能合并" description={errorMessage(preview.error)} />}
      {counts && preview.data && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            title={`将从“${preview.data.source.name}”移入`}
            items={[
              { key: 'people', label: '专业技术人员', children: `${counts.people}人` },
              { key: 'pending', label: '其中待确认新注册', children: `${counts.pendingConfirmations}人` },
              { key: 'departments', label: '部门', children: `${counts.departments}个` },
              { key: 'admins', label: '单位管理员', children: `${counts.admins}名` },
              { key: 'records', label: '学时记录', children: `${counts.records}条` },
              { key: 'renamed', label: '同名部门改名', children: `${counts.renamedDepartments}个` },
            ]}
          />
          {counts.renamedDepartments > 0 && (
            <p className="ptce-hint">与本单位同名的一级部门将改名为“部门名称（原{preview.data.source.name}）”。</p>
          )}
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title="合并后不能撤销，被合并单位的单位账号将不能登录。"
          />
        </>
      )}
      <ErrorAlert error={merge.error} title="合并失败" />
    </Modal>
  );
}
