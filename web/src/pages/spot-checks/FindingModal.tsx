import { useState } from 'react';
import { Alert, App, Form, Input, Radio } from 'antd';
import type { SpotCheckItem } from '@ptce/contracts';
import { SPOT_CHECK_FINDING_LABELS, SPOT_CHECK_FINDINGS, type SpotCheckFinding } from '@ptce/rules';
import { useRecordFinding } from '../../api/spot-checks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

interface Values {
  finding: SpotCheckFinding;
  note: string;
}

/** 核查: an inspector's finding on one sampled record; 不属实 removes its hours, so it asks for confirmation. */
export function FindingModal({ item, onClose }: { item: SpotCheckItem; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(true);
  const record = useRecordFinding();
  const finding = Form.useWatch('finding', form);
  const { message, modal } = App.useApp();

  const save = (v: Values) =>
    record.mutate(
      { itemId: item.id, finding: v.finding, note: v.note?.trim() ?? '' },
      {
        onSuccess: (r) => {
          void message.success(r.removed ? '已记录为不属实，该学时记录已核减' : '核查结论已记录');
          setOpen(false);
        },
      },
    );
  const submit = (v: Values) =>
    v.finding === 'false'
      ? modal.confirm({
          title: '确认核查结论为不属实？',
          content: `${item.personName}的“${item.title}”（${item.hours}学时）将被删除，该年度已生成的继续教育合格证书随之失效。结论不能再修改。`,
          okText: '确认不属实',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: () => save(v),
        })
      : save(v);

  return (
    <FormModal<Values>
      open={open}
      title={`核查：${item.personName}（${item.title}）`}
      onClose={() => setOpen(false)}
      afterClose={onClose}
      save={record}
      form={form}
      name="finding"
      initialValues={{ finding: item.finding ?? undefined, note: item.findingNote ?? '' }}
      onFinish={submit}
    >
      <Form.Item name="finding" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
        <Radio.Group options={SPOT_CHECK_FINDINGS.map((f) => ({ value: f, label: SPOT_CHECK_FINDING_LABELS[f] }))} />
      </Form.Item>
      {finding === 'false' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="不属实的记录将被退回：学时删除，证书失效" />
      )}
      <Form.Item
        name="note"
        label="核查意见"
        rules={[
          {
            validator: (_, v: string | undefined) =>
              finding && finding !== 'true' && !v?.trim()
                ? Promise.reject(new Error('结论为不属实或材料不全时须填写核查意见'))
                : Promise.resolve(),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <ErrorAlert error={record.error} title="记录核查结论失败" />
    </FormModal>
  );
}
