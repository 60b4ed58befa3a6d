import { useState } from 'react';
import { Form, Modal, Select } from 'antd';
import { Link } from 'react-router';
import type { ClassRow } from '@ptce/contracts';
import { useFilings } from '../../api/bases';
import { useCreateClass } from '../../api/classes';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 新增培训班 of a base: pick one of its filings 已备案 (the class takes everything from it). */
export function FiledClassModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: ClassRow) => void;
}) {
  const filings = useFilings({ page: 1, pageSize: 100, status: 'filed' }, open);
  const create = useCreateClass();
  const [filingId, setFilingId] = useState<number | undefined>();
  const options = (filings.data?.items ?? []).map((f) => ({
    value: f.id,
    label: `${f.name}（${f.filingNo ?? ''}，${f.startDate} 至 ${f.endDate}）`,
  }));
  return (
    <Modal
      open={open}
      title="新增培训班"
      okText="建立培训班"
      cancelText="取消"
      okButtonProps={{ disabled: filingId === undefined, loading: create.isPending }}
      onCancel={onClose}
      afterClose={() => {
        setFilingId(undefined);
        create.reset();
      }}
      onOk={() =>
        filingId !== undefined &&
        create.mutate(
          { filingId },
          {
            onSuccess: (c) => {
              onCreated(c);
              onClose();
            },
          },
        )
      }
    >
      <p>选择已备案的培训项目：培训班的名称、时间、地点、项目学时和备案号均取自备案。</p>
      <Form layout="vertical" name="filed-class">
        <Form.Item label="已备案的培训项目" htmlFor="filed-class_filing">
          <Select<number>
            id="filed-class_filing"
            showSearch
            optionFilterProp="label"
            placeholder="选择已备案的项目"
            loading={filings.isPending}
            options={options}
            value={filingId}
            onChange={setFilingId}
            notFoundContent="没有已备案的项目"
          />
        </Form.Item>
      </Form>
      <p className="ptce-hint">
        尚未备案的项目请先在<Link to="/filings">【培训备案】</Link>中提交并通过审核。
      </p>
      <ErrorAlert error={filings.error ?? create.error} />
    </Modal>
  );
}
