import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useParams } from 'react-router';
import { useAnswerSpotCheck, useUnitSpotCheck } from '../../api/spot-checks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { ItemFiles } from './ItemFiles';
import { ItemsTable } from './SpotCheckPage';

/** 答复抽查: the unit uploads materials for each sampled record, then sends its answer. */
export default function UnitSpotCheckPage() {
  const id = Number(useParams().id);
  const q = useUnitSpotCheck(id);
  const answer = useAnswerSpotCheck(id);
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <ErrorAlert title="抽查加载失败" error={q.error} />;
  const c = q.data;
  const part = c.parts[0];
  if (!part) return <ErrorAlert title="抽查加载失败" error={new Error('本单位不在该抽查中')} />;
  const canAnswer = c.status === 'open' && !part.answeredAt;
  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="组织部门">{c.ownerName}</Descriptions.Item>
        <Descriptions.Item label="年度">{c.year}年度</Descriptions.Item>
        <Descriptions.Item label="答复截止">{c.answerDue}</Descriptions.Item>
        <Descriptions.Item label="随机种子">
          <code>{c.draw.seed}</code>
        </Descriptions.Item>
        <Descriptions.Item label="检查人员">{part.inspectors.map((i) => i.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label="答复">
          {part.answeredAt ? `${part.answerNote}（${formatDateTime(part.answeredAt)}）` : '未答复'}
        </Descriptions.Item>
      </Descriptions>
      {canAnswer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="请为每条被抽查的记录上传证明材料（培训通知、签到表、结业证明等），再填写答复说明并提交答复。提交后不能再上传。"
        />
      )}
      <Card size="small" title={`被抽查的记录（${part.items.length}条）`} style={{ marginBottom: 16 }}>
        <ItemsTable
          part={part}
          files={(i) => <ItemFiles itemId={i.id} files={i.files} canUpload={canAnswer} label="上传材料" />}
        />
      </Card>
      {canAnswer && (
        <Card size="small" title="答复">
          <Form
            form={form}
            layout="vertical"
            name="answer"
            onFinish={(v) => answer.mutate(v.note.trim(), { onSuccess: () => void message.success('已提交答复') })}
          >
            <Form.Item
              name="note"
              label="答复说明"
              rules={[{ required: true, whitespace: true, message: '请填写答复说明' }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <ErrorAlert error={answer.error} title="提交答复失败" />
            <Button type="primary" htmlType="submit" loading={answer.isPending}>
              提交答复
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
