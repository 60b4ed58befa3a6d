// 培训登记 — the one record form of both sides: 新登记培训 in 我的学时—学时登记 (the professional for
// themselves) and in 学时管理—专业科目学时登记 (a unit admin for a staff member). Only the person
// picker differs; the rules are the server's (RecordInput of @ptce/contracts).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, Row } from 'antd';
import { RecordInput, type EvidenceFile, type RecordDetail } from '@ptce/contracts';
import { checkSpan } from '@ptce/rules';
import { isApiError } from '../../api/client';
import { useCreateRecord, useHoursPreview, useRecord, useRemoveEvidence, useUpdateRecord } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { ActivityFields } from './ActivityFields';
import { EvidenceField } from './EvidenceField';
import { HalfDayDateField } from './HalfDayDateField';
import { HoursField } from './HoursField';
import { useSlowProgress } from './feedback';
import { hoursErrorMessage } from './labels';
import {
  initialValues,
  RECORD_FIELDS,
  spanOf,
  toRecordInput,
  type RecordSide,
  type RecordValues,
} from './record-values';
import { useRecordRules } from './useRecordRules';
import { useStagedEvidence } from './useStagedEvidence';
import './hours.css';

export function RecordForm({
  side,
  record,
  onSaved,
  onCancel,
}: {
  side: RecordSide;
  /** The record to modify; none: 新登记培训. */
  record?: RecordDetail;
  onSaved: (id: number) => void;
  onCancel: () => void;
}) {
  const formName = `record-${side}`;
  const [form] = Form.useForm<RecordValues>();
  const { message, modal } = App.useApp();
  const create = useCreateRecord();
  const update = useUpdateRecord();
  const removeEvidence = useRemoveEvidence();

  // Once saved, the form keeps modifying the same record (e.g. to retry a failed upload).
  const [savedId, setSavedId] = useState<number | null>(record?.id ?? null);
  const detail = useRecord(savedId);
  const existing: EvidenceFile[] = detail.data?.evidence ?? record?.evidence ?? [];
  const evidence = useStagedEvidence();
  const [error, setError] = useState<unknown>(null);
  const [uploadFailed, setUploadFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  // Non-training activities keep a number the user typed instead of following the dates.
  const [hoursEdited, setHoursEdited] = useState(record !== undefined && record.activityType !== 'training');
  useSlowProgress(busy, evidence.staged.length ? '正在保存并上传证明材料…' : '正在保存…');

  const activityType = Form.useWatch('activityType', form);
  const startDate = Form.useWatch('startDate', form);
  const startHalf = Form.useWatch('startHalf', form);
  const endDate = Form.useWatch('endDate', form);
  const endHalf = Form.useWatch('endHalf', form);
  const { disabledDate, startRules, endRules, hoursRules } = useRecordRules(activityType, startDate);

  // The same span check as 保存 (@ptce/rules): a span across two years or ending before it starts is
  // said at once in 申请学时, and nothing is computed for it.
  const { span, spanProblem } = useMemo(() => {
    const s = spanOf(startDate, startHalf, endDate, endHalf);
    const problem = s ? (checkSpan(s)[0]?.reason ?? null) : null;
    return { span: s && !problem ? s : null, spanProblem: problem };
  }, [startDate, endDate, startHalf, endHalf]);
  const preview = useHoursPreview(span);
  const computed = span && preview.data && !preview.isPlaceholderData ? preview.data : null;
  const isTraining = (activityType ?? 'training') === 'training';

  // 申请学时 follows the dates until the user overwrites it (non-training activities only).
  useEffect(() => {
    if (!isTraining && !hoursEdited && computed) form.setFieldValue('hours', computed.hours);
  }, [isTraining, hoursEdited, computed, form]);

  const submit = async (v: RecordValues) => {
    setError(null);
    setUploadFailed(false);
    const body = toRecordInput(v);
    setBusy(true);
    let id = savedId;
    try {
      if (id === null) {
        const created = await create.mutateAsync(side === 'unit' ? { ...body, accountId: v.accountId } : body);
        id = created.id;
        setSavedId(id);
      } else {
        await update.mutateAsync({ id, body });
      }
    } catch (e) {
      setBusy(false);
      applyFieldErrors(form, e, RECORD_FIELDS);
      setError(e);
      return;
    }
    const uploaded = await evidence.uploadStaged(id);
    setBusy(false);
    if (!uploaded) {
      setUploadFailed(true);
      return;
    }
    void message.success(record ? '修改已保存' : '保存成功，记录状态为“待提交”');
    onSaved(id);
  };

  const confirmRemove = (e: EvidenceFile) => {
    if (savedId === null) return;
    modal.confirm({
      title: '删除证明材料',
      content: `确定删除“${e.fileName}”吗？`,
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        removeEvidence.mutateAsync({ recordId: savedId, evidenceId: e.id }).then(
          () => void message.success('证明材料已删除'),
          (err: unknown) => void message.error(hoursErrorMessage(err)),
        ),
    });
  };

  return (
    <Form<RecordValues>
      form={form}
      name={formName}
      layout="vertical"
      initialValues={initialValues(record)}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<RecordValues>) => {
        if (error) setError(null);
        if ('hours' in changed) setHoursEdited(true);
        // A new type or new dates: validate the dates again (cross-year, order).
        if ('startDate' in changed || 'startHalf' in changed || 'endHalf' in changed) {
          if (form.getFieldValue('endDate')) void form.validateFields(['endDate']).catch(() => undefined);
        }
      }}
      scrollToFirstError={{ focus: true }}
      disabled={busy}
      className="ptce-record-form"
    >
      <Row gutter={16}>
        <ActivityFields side={side} record={record} />
        <Col xs={24} md={12}>
          <HalfDayDateField
            formName={formName}
            label="开始时间"
            dateName="startDate"
            halfName="startHalf"
            placeholder="开始日期"
            halfLabel="开始时段"
            rules={startRules}
            disabledDate={disabledDate}
          />
        </Col>
        <Col xs={24} md={12}>
          <HalfDayDateField
            formName={formName}
            label="结束时间"
            dateName="endDate"
            halfName="endHalf"
            placeholder="结束日期"
            halfLabel="结束时段"
            rules={endRules}
            dependencies={['startDate', 'startHalf', 'endHalf']}
            disabledDate={disabledDate}
          />
        </Col>
        <Col xs={24}>
          <HoursField
            formName={formName}
            isTraining={isTraining}
            computed={computed}
            spanProblem={spanProblem}
            pending={span !== null && (preview.isFetching || preview.isPlaceholderData)}
            previewFailed={preview.isError}
            previewRefusal={
              isApiError(preview.error) && preview.error.code === 'YEAR_CLOSED' ? preview.error.message : null
            }
            hoursRules={hoursRules}
            edited={hoursEdited}
            onReset={() => {
              setHoursEdited(false);
              if (computed) form.setFieldValue('hours', computed.hours);
            }}
          />
        </Col>
        <Col xs={24}>
          <Form.Item label="证明材料" htmlFor={`${formName}_evidence`}>
            <EvidenceField
              id={`${formName}_evidence`}
              existing={existing}
              staged={evidence.staged}
              onStage={evidence.stage}
              onUnstage={evidence.unstage}
              onRemoveExisting={savedId !== null ? confirmRemove : undefined}
              removingId={removeEvidence.isPending ? removeEvidence.variables?.evidenceId : null}
              busy={busy}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="备注" name="remarks" rules={[zodRule(RecordInput.shape.remarks)]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="declared" valuePropName="checked" rules={[zodRule(RecordInput.shape.declared)]}>
            <Checkbox>本人承诺以上信息属实</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <ErrorAlert error={error} title="保存失败" fields={RECORD_FIELDS} />
      <div aria-live="assertive">
        {uploadFailed && (
          <Alert
            type="error"
            showIcon
            role="none"
            className="ptce-section"
            title="证明材料上传失败"
            description="记录已保存（状态为“待提交”），但有证明材料未能上传，原因见文件下方。请点击“保存”重试，或移除该文件。"
          />
        )}
      </div>
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onCancel} disabled={false}>
          {savedId !== null && !record ? '关闭' : '取消'}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Flex>
    </Form>
  );
}
