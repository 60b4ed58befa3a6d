import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Descriptions, Form, Input, Radio, Space, Spin } from 'antd';
import {
  ACCOUNT_MERGE_COUNT_LABEL,
  AccountMergeRequest,
  type AccountMergeCounts,
  type AccountMergeSide,
  type HelpdeskPerson,
} from '@ptce/contracts';
import { ACCOUNT_RULES } from '@ptce/rules';
import { useHelpdeskSearch, useMergeAccounts, useMergePreview } from '../../api/helpdesk';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { zodRule } from '../../lib/form';

const side = (s: AccountMergeSide) => `${s.name}（${s.idNumberMasked}，${s.unitName ?? '无单位'}）`;

/** "学时登记记录 2 条；考试记录 3 条" — what moves, the kinds with nothing left out. */
export function countsText(c: AccountMergeCounts): string {
  const parts = (Object.keys(ACCOUNT_MERGE_COUNT_LABEL) as Array<keyof AccountMergeCounts>)
    .filter((k) => c[k] > 0)
    .map((k) => `${ACCOUNT_MERGE_COUNT_LABEL[k]} ${c[k]} 条`);
  return parts.length ? parts.join('；') : '没有需要转移的记录';
}

/**
 * 合并账号: find the person's other account, choose which one is kept, read what will move (or why it
 * cannot), give a reason, confirm. The other account is disabled; 撤销合并 is possible for a while.
 */
export function MergeDialog({ open, person, onClose }: { open: boolean; person: HelpdeskPerson; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [otherId, setOtherId] = useState<number>();
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const found = useHelpdeskSearch(q);
  const keptId = keep === 'this' ? person.id : otherId;
  const mergedId = keep === 'this' ? otherId : person.id;
  const preview = useMergePreview(otherId && keptId, otherId && mergedId);
  const merge = useMergeAccounts(keptId ?? person.id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const candidates = (found.data?.items ?? []).filter((r) => r.id !== person.id);
  const conflicts = preview.data?.conflicts ?? [];

  return (
    <FormModal<{ reason: string }>
      open={open}
      title={`合并账号：${person.name}`}
      name="helpdesk-merge"
      width={640}
      form={form}
      save={merge}
      okText="确认合并"
      okDisabled={!preview.data || conflicts.length > 0}
      onClose={onClose}
      afterClose={() => {
        form.resetFields();
        setText('');
        setQ('');
        setOtherId(undefined);
        setKeep('this');
      }}
      onFinish={(v) => {
        if (!mergedId || !keptId) return;
        merge.mutate(
          { mergedId, reason: v.reason },
          {
            onSuccess: (r) => {
              void message.success(`已合并账号：${countsText(r.counts)}`);
              onClose();
              if (keptId !== person.id) void navigate(`/helpdesk/people/${keptId}`);
            },
          },
        );
      }}
    >
      <p className="ptce-hint">
        用于同一人的两个账号（如身份证号码录入错误或重复注册）。被合并账号的学时、考试与补考、学习进度、证书和补考申请转入保留账号，
        被合并账号停用并标记“已合并”；{ACCOUNT_RULES.mergeUndoDays}天内可撤销合并。
      </p>
      <Input.Search
        aria-label="查找另一个账号"
        placeholder="输入另一个账号的身份证号码、手机号码或姓名"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setQ(v.trim())}
        // Enter looks the account up; it does not submit the merge
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        enterButton="查找"
        maxLength={30}
        loading={found.isFetching}
      />
      {q && !found.isFetching && candidates.length === 0 && <p className="ptce-hint">未找到其他账号</p>}
      {candidates.length > 0 && (
        <Radio.Group
          aria-label="另一个账号"
          value={otherId}
          onChange={(e) => setOtherId(e.target.value as number)}
          style={{ marginTop: 8 }}
        >
          <Space direction="vertical">
            {candidates.map((r) => (
              <Radio key={r.id} value={r.id}>
                {r.name}（{r.idNumberMasked}，{r.unitName ?? '无单位'}）{r.loginEnabled ? '' : ' 禁止登录'}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {otherId && (
        <div style={{ marginTop: 12 }}>
          <Radio.Group
            aria-label="保留哪个账号"
            value={keep}
            onChange={(e) => setKeep(e.target.value as 'this' | 'other')}
          >
            <Radio value="this">保留当前账号</Radio>
            <Radio value="other">保留所选账号</Radio>
          </Radio.Group>
          {preview.isFetching && <Spin size="small" style={{ marginLeft: 8 }} />}
          <ErrorAlert error={preview.error} />
          {preview.data && (
            <>
              <Descriptions
                size="small"
                column={1}
                bordered
                style={{ marginTop: 8 }}
                items={[
                  { key: 'kept', label: '保留账号', children: side(preview.data.kept) },
                  { key: 'merged', label: '被合并账号（将停用）', children: side(preview.data.merged) },
                  { key: 'moves', label: '将转入保留账号', children: countsText(preview.data.counts) },
                ]}
              />
              {conflicts.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 8 }}
                  title="不能合并"
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {conflicts.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  }
                />
              )}
            </>
          )}
        </div>
      )}
      <Form.Item
        name="reason"
        label="合并原因"
        rules={[zodRule(AccountMergeRequest.shape.reason)]}
        required
        style={{ marginTop: 12 }}
      >
        <Input.TextArea rows={2} maxLength={200} placeholder="例如：身份证号码录入错误，重复注册" />
      </Form.Item>
      <ErrorAlert error={merge.error} />
    </FormModal>
  );
}
