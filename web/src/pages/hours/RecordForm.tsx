// 培训登记 — the one record form of both sides: 新登记培训 in 我的学时—学时登记 (the professional for
// themselves) and in 学时管理—专业科目学时登记 (a unit admin for a staff member). Only the person
// picker differs; the rules are the server's (RecordInput of @ptce/contracts).
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACTIVITY_TYPE_LABEL,
  HALF_DAY_LABEL,
  RecordInput,
  type ActivityType,
  type EvidenceFile,
  type HalfDay,
  type RecordDetail,
} from '@ptce/contracts';
import { checkSpan, hoursCapOf, recordMessages, registrationWindow, type Span } from '@ptce/rules';
import { useAnnualPlans } from '../../api/reference';
import { isApiError } from '../../api/client';
import {
  useCreateRecord,
  useHoursPreview,
  useRecord,
  useRemoveEvidence,
  useUpdateRecord,
  useUploadEvidence,
} from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { EvidenceField, type StagedFile } from './EvidenceField';
import { useSlowProgress } from './feedback';
import { hoursErrorMessage, hoursText, shanghaiToday } from './labels';
import { StaffSelect } from './pickers';
import './hours.css';

/** self: 我的学时 (the professional); unit: 专业科目学时登记 (for a staff member). */
export type RecordSide = 'self' | 'unit';

interface RecordValues {
  accountId?: number;
  activityType: ActivityType;
  title: string;
  organizer: string;
  place: string;
  startDate: Dayjs | null;
  startHalf: HalfDay;
  endDate: Dayjs | null;
  endHalf: HalfDay;
  hours?: number | null;
  remarks?: string;
  declared?: boolean;
}

const FIELDS = [
  'accountId',
  'activityType',
  'title',
  'organizer',
  'place',
  'startDate',
  'startHalf',
  'endDate',
  'endHalf',
  'hours',
  'remarks',
  'declared',
] as const;
const TYPE_OPTIONS = (Object.keys(ACTIVITY_TYPE_LABEL) as ActivityType[]).map((t) => ({
  value: t,
  label: ACTIVITY_TYPE_LABEL[t],
}));
const HALF_OPTIONS = (Object.keys(HALF_DAY_LABEL) as HalfDay[]).map((h) => ({ value: h, label: HALF_DAY_LABEL[h] }));
const DATE = 'YYYY-MM-DD';

/** The span of the form's four fields, when all are filled. */
function spanOf(
  start: Dayjs | null | undefined,
  startHalf: HalfDay | undefined,
  end: Dayjs | null | undefined,
  endHalf: HalfDay | undefined,
): Span | null {
  return start && end && startHalf && endHalf
    ? { startDate: start.format(DATE), startHalf, endDate: end.format(DATE), endHalf }
    : null;
}

/**
 * Enter in a date input confirms the typed date (the picker handles it) and must not also submit
 * the whole form, which would jump the focus to the first empty field.
 */
function keepEnterInPicker(e: KeyboardEvent<HTMLElement>) {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}

const oneDecimal = (n: number) => Math.abs(Math.round(n * 10) - n * 10) < 1e-9;

function initialValues(record: RecordDetail | undefined): Partial<RecordValues> {
  if (!record) return { activityType: 'training', startHalf: 'am', endHalf: 'pm', remarks: '', declared: false };
  return {
    activityType: record.activityType,
    title: record.title,
    organizer: record.organizer,
    place: record.place,
    startDate: dayjs(record.startDate, DATE),
    startHalf: record.startHalf,
    endDate: dayjs(record.endDate, DATE),
    endHalf: record.endHalf,
    hours: record.hours,
    remarks: record.remarks,
    // A changed record is a new commitment: the box is ticked again on every save.
    declared: false,
  };
}

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
  const upload = useUploadEvidence();
  const removeEvidence = useRemoveEvidence();
  const plans = useAnnualPlans();

  // Once saved, the form keeps modifying the same record (e.g. to retry a failed upload).
  const [savedId, setSavedId] = useState<number | null>(record?.id ?? null);
  const detail = useRecord(savedId);
  const existing: EvidenceFile[] = detail.data?.evidence ?? record?.evidence ?? [];
  const [staged, setStaged] = useState<StagedFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [uploadFailed, setUploadFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  // Non-training activities keep a number the user typed instead of following the dates.
  const [hoursEdited, setHoursEdited] = useState(record !== undefined && record.activityType !== 'training');
  useSlowProgress(busy, staged.length ? '正在保存并上传证明材料…' : '正在保存…');

  const activityType = Form.useWatch('activityType', form);
  const startDate = Form.useWatch('startDate', form);
  const startHalf = Form.useWatch('startHalf', form);
  const endDate = Form.useWatch('endDate', form);
  const endHalf = Form.useWatch('endHalf', form);

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

  const today = shanghaiToday();
  const disabledDate = (d: Dayjs) => d.format(DATE) > today;

  const startRules = [
    {
      validator: async (_: unknown, v: Dayjs | null) => {
        if (!v) throw new Error('请选择开始日期');
        const year = v.year();
        if (!plans.data) return;
        const plan = plans.data.find((p) => p.year === year);
        if (!plan) throw new Error(recordMessages.noPlan(year));
        const window = registrationWindow(plan, year, today);
        if (!window.open) throw new Error(window.reason);
      },
    },
  ];
  const endRules = [
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: async (_: unknown, v: Dayjs | null) => {
        if (!v) throw new Error('请选择结束日期');
        const s = spanOf(
          getFieldValue('startDate') as Dayjs | null,
          getFieldValue('startHalf') as HalfDay,
          v,
          getFieldValue('endHalf') as HalfDay,
        );
        // 不能跨年登记 (notice §二(二)) and an end before the start: the rules' own check.
        const problem = s ? checkSpan(s)[0] : undefined;
        if (problem) throw new Error(problem.reason);
        if (v.format(DATE) > today) throw new Error(recordMessages.endAfterToday);
      },
    }),
  ];
  const hoursRules = [
    {
      validator: async (_: unknown, v: number | null | undefined) => {
        if (v === null || v === undefined) throw new Error('请填写申请学时');
        if (!(v > 0)) throw new Error(recordMessages.hoursPositive);
        if (!oneDecimal(v)) throw new Error(recordMessages.hoursOneDecimal);
        const plan = startDate ? plans.data?.find((p) => p.year === startDate.year()) : undefined;
        const cap = plan ? hoursCapOf(plan, activityType ?? 'training') : null;
        if (cap !== null && v > cap) throw new Error(recordMessages.overCap(cap));
        if (v > 999) throw new Error('申请学时不能超过999');
      },
    },
  ];

  const uploadStaged = async (recordId: number): Promise<boolean> => {
    let allOk = true;
    for (const s of staged) {
      setStaged((list) =>
        list.map((x) => (x.uid === s.uid ? { ...x, status: 'uploading', percent: 0, error: undefined } : x)),
      );
      try {
        await upload.mutateAsync({
          recordId,
          file: s.file,
          onProgress: (percent) => setStaged((list) => list.map((x) => (x.uid === s.uid ? { ...x, percent } : x))),
        });
        setStaged((list) => list.filter((x) => x.uid !== s.uid));
      } catch (e) {
        allOk = false;
        setStaged((list) =>
          list.map((x) => (x.uid === s.uid ? { ...x, status: 'failed', error: hoursErrorMessage(e) } : x)),
        );
      }
    }
    return allOk;
  };

  const submit = async (v: RecordValues) => {
    setError(null);
    setUploadFailed(false);
    const body: RecordInput = {
      activityType: v.activityType,
      title: v.title.trim(),
      organizer: v.organizer.trim(),
      place: v.place.trim(),
      startDate: v.startDate!.format(DATE),
      startHalf: v.startHalf,
      endDate: v.endDate!.format(DATE),
      endHalf: v.endHalf,
      // Training classes always count by the dates (the server computes them).
      hours: v.activityType === 'training' || v.hours == null ? undefined : v.hours,
      remarks: (v.remarks ?? '').trim(),
      declared: true,
    };
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
      applyFieldErrors(form, e, FIELDS);
      setError(e);
      return;
    }
    const uploaded = await uploadStaged(id);
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
        {side === 'unit' && (
          <Col xs={24}>
            {record ? (
              <Form.Item label="专业技术人员">
                <span>
                  {record.personName}（{record.idNumberMasked}）
                </span>
              </Form.Item>
            ) : (
              <Form.Item
                label="专业技术人员"
                name="accountId"
                rules={[{ required: true, message: '请选择专业技术人员' }]}
                extra="本单位（或本部门）的专业技术人员"
              >
                <StaffSelect />
              </Form.Item>
            )}
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label="培训类型" name="activityType" rules={[{ required: true, message: '请选择培训类型' }]}>
            <Select options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="培训内容" name="title" required rules={[zodRule(RecordInput.shape.title)]}>
            <Input maxLength={200} placeholder="培训、活动的名称或内容" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="主办单位" name="organizer" required rules={[zodRule(RecordInput.shape.organizer)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="培训地点" name="place" required rules={[zodRule(RecordInput.shape.place)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="开始时间" required htmlFor={`${formName}_startDate`}>
            <Flex gap={8} wrap onKeyDown={keepEnterInPicker}>
              <Form.Item name="startDate" noStyle rules={startRules}>
                <DatePicker
                  id={`${formName}_startDate`}
                  disabledDate={disabledDate}
                  placeholder="开始日期"
                  className="ptce-record-date"
                />
              </Form.Item>
              <Form.Item name="startHalf" noStyle>
                <Radio.Group optionType="button" options={HALF_OPTIONS} aria-label="开始时段" />
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="结束时间" required htmlFor={`${formName}_endDate`}>
            <Flex gap={8} wrap onKeyDown={keepEnterInPicker}>
              <Form.Item name="endDate" noStyle rules={endRules} dependencies={['startDate', 'startHalf', 'endHalf']}>
                <DatePicker
                  id={`${formName}_endDate`}
                  disabledDate={disabledDate}
                  placeholder="结束日期"
                  className="ptce-record-date"
                />
              </Form.Item>
              <Form.Item name="endHalf" noStyle>
                <Radio.Group optionType="button" options={HALF_OPTIONS} aria-label="结束时段" />
              </Form.Item>
            </Flex>
          </Form.Item>
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
              staged={staged}
              onStage={(files) => setStaged((list) => [...list, ...files])}
              onUnstage={(uid) => setStaged((list) => list.filter((x) => x.uid !== uid))}
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
      <ErrorAlert error={error} title="保存失败" fields={FIELDS} />
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

/**
 * 申请学时: 4 学时 per half day from start to end (the plan's number, from the server's preview).
 * Training classes always count by the dates; other activities may overwrite the number
 * (附件2: 非培训进修类的继续教育活动，请根据文件要求及实际情况手动修改).
 */
function HoursField({
  formName,
  isTraining,
  computed,
  spanProblem,
  pending,
  previewFailed,
  previewRefusal,
  hoursRules,
  edited,
  onReset,
}: {
  formName: string;
  isTraining: boolean;
  computed: { halfDays: number; hours: number } | null;
  /** Why the chosen span cannot be registered (不能跨年登记, end before start), said at once. */
  spanProblem: string | null;
  pending: boolean;
  previewFailed: boolean;
  /** The server's reason the year cannot be counted (e.g. 2027年度计划尚未发布), shown instead of an error. */
  previewRefusal: string | null;
  hoursRules: { validator: (r: unknown, v: number | null | undefined) => Promise<void> }[];
  edited: boolean;
  onReset: () => void;
}) {
  const formula =
    computed && computed.halfDays > 0
      ? `${computed.halfDays} 个半天 × 每半天 ${hoursText(computed.hours / computed.halfDays)} 学时 = ${hoursText(computed.hours)} 学时`
      : null;
  const status =
    spanProblem ??
    (pending
      ? '正在计算…'
      : (previewRefusal ?? (previewFailed ? '暂时无法计算，请稍后重试' : (formula ?? '请先选择开始和结束时间'))));

  if (isTraining) {
    return (
      <Form.Item label="申请学时" htmlFor={`${formName}_hoursText`}>
        <div className="ptce-hours-box" id={`${formName}_hoursText`} aria-live="polite">
          <span className="ptce-hours-value">{computed && !pending ? `${hoursText(computed.hours)} 学时` : '—'}</span>
          <span className="ptce-hours-formula">{status}</span>
        </div>
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label="申请学时"
      required
      extra={
        <span aria-live="polite">
          按起止时间计算：{status}。非培训进修类的继续教育活动，请根据文件要求及实际情况修改学时数。
          {computed && edited && (
            <Button type="link" size="small" className="ptce-link-btn" onClick={onReset}>
              按起止时间计算
            </Button>
          )}
        </span>
      }
    >
      <Flex gap={8} align="center">
        <Form.Item name="hours" noStyle rules={hoursRules}>
          <InputNumber
            id={`${formName}_hours`}
            min={0.1}
            max={999}
            step={1}
            aria-label="申请学时"
            style={{ width: 160 }}
          />
        </Form.Item>
        <span>学时</span>
      </Flex>
    </Form.Item>
  );
}

/**
 * The form in the 新登记培训 pop-up (附件2: 在弹出窗口内根据提示完整填写相关信息). With `recordId` it
 * loads that record first and modifies it (修改).
 */
export function RecordFormModal({
  open,
  side,
  recordId,
  onClose,
}: {
  open: boolean;
  side: RecordSide;
  recordId: number | null;
  onClose: () => void;
}) {
  const detail = useRecord(open ? recordId : null);
  const editing = recordId !== null;
  return (
    <Modal
      title={editing ? '修改培训登记' : '新登记培训'}
      open={open}
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
      maskClosable={false}
      className="ptce-record-modal"
    >
      {!editing ? (
        <RecordForm side={side} onSaved={onClose} onCancel={onClose} />
      ) : detail.isPending ? (
        <PageSpinner />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} title="记录加载失败" />
      ) : (
        <RecordForm side={side} record={detail.data} onSaved={onClose} onCancel={onClose} />
      )}
    </Modal>
  );
}
