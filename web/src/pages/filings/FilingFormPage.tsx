// 新建培训备案, 修改 (草稿 or 退回) and 申请变更 (已备案): one form. 保存草稿 keeps it; 提交审核 saves and submits;
// a change is submitted with its reason and reviewed again while the filed content stays in force.
import { useRef, useState } from 'react';
import { App, Alert, Button, Card, Form, Input, Space } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useFiling, useRequestChange, useSaveFiling, useSubmitFiling } from '../../api/bases';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { FilingFields } from './FilingFields';
import { EMPTY_FILING, mustBeReviewed, toFilingInput, toFilingValues, type FilingValues } from './filing-values';
import './filings.css';

export default function FilingFormPage() {
  const raw = useParams().id;
  const id = raw === undefined ? null : Number(raw);
  const change = useLocation().pathname.endsWith('/change');
  const filing = useFiling(id !== null && Number.isInteger(id) && id > 0 ? id : null);
  if (id !== null && filing.isPending) return <PageSpinner />;
  if (id !== null && !filing.data) return <ErrorAlert error={filing.error} title="培训备案加载失败" />;
  const f = filing.data;
  const initial: FilingValues = f
    ? toFilingValues(change && f.change?.status === 'returned' ? f.change.proposed : f)
    : EMPTY_FILING;
  return <FilingFormBody key={f?.id ?? 'new'} id={id} change={change} initial={initial} title={f?.name} />;
}

function FilingFormBody({
  id,
  change,
  initial,
  title,
}: {
  id: number | null;
  change: boolean;
  initial: FilingValues;
  title?: string;
}) {
  const [form] = Form.useForm<FilingValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveFiling();
  const submit = useSubmitFiling();
  const requestChange = useRequestChange();
  // Which button sent the form: read in onFinish (a ref, so the click's value is there at once).
  const intentRef = useRef<'draft' | 'submit'>('draft');
  const [intent, setIntentState] = useState<'draft' | 'submit'>('draft');
  const setIntent = (i: 'draft' | 'submit') => {
    intentRef.current = i;
    setIntentState(i);
  };
  const busy = save.isPending || submit.isPending || requestChange.isPending;
  const error = save.error ?? submit.error ?? requestChange.error;

  const finish = (v: FilingValues) => {
    const body = toFilingInput(v);
    if (change && id !== null) {
      requestChange.mutate(
        { id, reason: (v.reason ?? '').trim(), content: body },
        {
          onSuccess: () => {
            void message.success('变更已提交，等待审核');
            void navigate(`/filings/${id}`);
          },
        },
      );
      return;
    }
    save.mutate(
      { id, body },
      {
        onSuccess: ({ id: savedId }) => {
          if (intentRef.current === 'draft') {
            void message.success('已保存草稿');
            void navigate(`/filings/${savedId}`);
            return;
          }
          submit.mutate(savedId, {
            onSuccess: (r) => {
              void message.success(r.status === 'filed' ? `已备案，备案号${r.filingNo}` : '已提交，等待审核');
              void navigate(`/filings/${savedId}`);
            },
            // Saved but not submitted: the detail page shows it as 草稿 with the reason.
            onError: () => void navigate(`/filings/${savedId}`, { replace: id === null }),
          });
        },
      },
    );
  };

  return (
    <>
      <PageTitle extra={<ButtonLink to={id === null ? '/filings' : `/filings/${id}`}>返回</ButtonLink>}>
        {change ? `申请变更：${title ?? ''}` : id === null ? '新建培训备案' : `修改培训备案：${title ?? ''}`}
      </PageTitle>
      {change && (
        <Alert
          className="ptce-section"
          type="info"
          showIcon
          message="已备案的项目只能通过变更修改：变更提交后须重新审核，审核通过前仍按原备案内容执行，备案号不变。"
        />
      )}
      <Form<FilingValues>
        form={form}
        name="filing"
        layout="vertical"
        initialValues={initial}
        scrollToFirstError={{ focus: true }}
        onValuesChange={(_, all) => {
          if (mustBeReviewed(all) && all.needsApproval === false) form.setFieldValue('needsApproval', true);
        }}
        onFinish={finish}
      >
        <FilingFields form={form} formName="filing" />
        {change && (
          <Card className="ptce-section" title="变更原因">
            <Form.Item
              name="reason"
              label="变更原因"
              rules={[
                { required: true, whitespace: true, message: '请填写变更原因' },
                { min: 2, message: '请填写变更原因' },
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Card>
        )}
        <ErrorAlert error={error} title={submit.error ? '已保存草稿，但提交失败' : undefined} />
        <Space wrap className="ptce-section">
          {change ? (
            <Button type="primary" htmlType="submit" loading={busy}>
              提交变更
            </Button>
          ) : (
            <>
              <Button htmlType="submit" loading={busy && intent === 'draft'} onClick={() => setIntent('draft')}>
                保存草稿
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy && intent === 'submit'}
                onClick={() => setIntent('submit')}
              >
                保存并提交
              </Button>
            </>
          )}
        </Space>
      </Form>
    </>
  );
}
