// 培训班 — one class: its details (备案号, 项目学时), 导入学员学时 (① 下载模板 ② 导入模板 ③ 查看导入结果, all or
// nothing, the same import pages as 导入学员培训信息), 添加学员, and the trainees with 更正 / 撤销 (with a reason,
// audited; lowering approved hours revokes the year's certificate) and 导出学员名单.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useParams } from 'react-router';
import { TRAINEE_RESULT_LABEL, type TraineeRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { rosterUrl, useClass, useTrainees, useWithdrawTrainee } from '../../api/classes';
import { CLASS_TRAINEES_TEMPLATE_URL } from '../../api/imports';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, ListToolbar, RowAction, RowActions } from '../../components/list';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { DownloadButton } from '../imports/DownloadButton';
import { ImportSteps } from '../imports/ImportSteps';
import { JobResult } from '../imports/JobResult';
import { UploadCard } from '../imports/UploadCard';
import { useImportFlow } from '../imports/useImportFlow';
import { spanText } from '../../lib/format';
import { TraineeModal } from './TraineeModal';
import '../imports/imports.css';

export default function ClassPage() {
  const id = Number(useParams().id);
  const cls = useClass(Number.isInteger(id) && id > 0 ? id : null);
  const { data: me } = useMe();
  const organiser = !(me?.roles.includes('operator') ?? true);
  if (cls.isPending) return <PageSpinner />;
  if (!cls.data) return <ErrorAlert error={cls.error} title="培训班加载失败" />;
  const c = cls.data;
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <DownloadButton url={rosterUrl(c.id)} fallbackName="培训班学员名单.xlsx">
              导出学员名单
            </DownloadButton>
            <ButtonLink to="/classes">返回培训班</ButtonLink>
          </Space>
        }
      >
        {c.title}
      </PageTitle>
      <Card className="ptce-section">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="举办机构">{c.organiserName}</Descriptions.Item>
          <Descriptions.Item label="备案号">{c.filingNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="培训时间">{spanText(c)}</Descriptions.Item>
          <Descriptions.Item label="培训地点">{c.place}</Descriptions.Item>
          <Descriptions.Item label="项目学时">{c.hours}</Descriptions.Item>
          <Descriptions.Item label="学员">
            {c.traineeCount}人（合格{c.passedCount}人）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {organiser && <TraineeImport classId={c.id} />}
      <Trainees classId={c.id} organiser={organiser} />
    </>
  );
}

function TraineeImport({ classId }: { classId: number }) {
  const { job, current, file, setFile, openJob, step } = useImportFlow('class-trainees');
  const qc = useQueryClient();
  const done = current?.status === 'done' ? current.id : null;
  useEffect(() => {
    if (done) void qc.invalidateQueries({ queryKey: ['classes'] });
  }, [done, qc]);
  return (
    <>
      <ImportSteps step={step} result="逐行校验，有错误时全部不导入" />
      <Card className="ptce-section" title="① 下载模板">
        <p>
          模板含“学员学时”和“说明”两个工作表：姓名、身份证号码、工作单位、实际学时（不超过项目学时）、考核结果。考核合格学员的学时直接通过认定；尚未注册的学员注册后即可看到。
        </p>
        <DownloadButton url={CLASS_TRAINEES_TEMPLATE_URL} fallbackName="导入学员学时模板.xlsx">
          下载模板
        </DownloadButton>
      </Card>
      <UploadCard
        file={file}
        setFile={setFile}
        onStarted={openJob}
        kind="class-trainees"
        allowValidOnly={false}
        target={{ classId }}
        title="② 导入学员学时"
      />
      <Card className="ptce-section" title="③ 查看导入结果">
        <ErrorAlert error={job.error} title="导入结果加载失败" />
        {current ? (
          <JobResult job={current} next={null} />
        ) : (
          <p className="ptce-hint">导入后在此查看每一行的校验结果。</p>
        )}
      </Card>
    </>
  );
}

function Trainees({ classId, organiser }: { classId: number; organiser: boolean }) {
  const { data: cls } = useClass(classId);
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState<string | undefined>();
  const list = useTrainees(classId, { ...paging, q });
  const [editing, setEditing] = useState<TraineeRow | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<TraineeRow | null>(null);
  const [overlapNote, setOverlapNote] = useState<string | null>(null);
  if (!cls) return null;

  const columns: TableColumnsType<TraineeRow> = [
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '身份证号码', dataIndex: 'idNumberMasked', key: 'id' },
    { title: '工作单位', dataIndex: 'unitName', key: 'unit' },
    { title: '实际学时', dataIndex: 'hours', key: 'hours', width: 90 },
    {
      title: '考核结果',
      key: 'status',
      width: 170,
      render: (_, t) => (
        <Space size={4} wrap>
          <Tag color={t.result === 'passed' ? 'green' : 'default'}>{TRAINEE_RESULT_LABEL[t.result]}</Tag>
          {!t.registered && <Tag>未注册</Tag>}
          {t.overlaps && <Tag color="orange">时间重叠</Tag>}
        </Space>
      ),
    },
    ...(organiser
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, t: TraineeRow) => (
              <RowActions desktop={desktop}>
                <RowAction label="更正" of={t.name} onClick={() => setEditing(t)} />
                <RowAction label="撤销" of={t.name} onClick={() => setWithdrawing(t)} />
              </RowActions>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card className="ptce-section" title="学员名单">
      <ListToolbar
        filters={
          <Input.Search
            allowClear
            placeholder="姓名或身份证号码"
            aria-label="姓名或身份证号码"
            onSearch={(v) => {
              setQ(v.trim() || undefined);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 220 }}
          />
        }
        actions={
          organiser && (
            <Button type="primary" onClick={() => setEditing('new')}>
              添加学员
            </Button>
          )
        }
      />
      {overlapNote && (
        <Alert
          className="ptce-section"
          type="warning"
          showIcon
          closable
          message={overlapNote}
          onClose={() => setOverlapNote(null)}
        />
      )}
      <ListTable<TraineeRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={list}
        errorTitle="学员加载失败"
        empty="尚无学员：培训结束后导入学员学时或逐个添加"
        paging={{ page: paging.page, pageSize: paging.pageSize, onChange: (p) => setPaging((s) => ({ ...s, ...p })) }}
      />
      <TraineeModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        cls={cls}
        trainee={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onAdded={(name, overlaps) => {
          void message.success(`已添加学员${name}，学时已通过认定`);
          setOverlapNote(overlaps.length ? `${name}同时参加了时间重叠的培训班：${overlaps.join('、')}，请核实` : null);
        }}
      />
      <WithdrawModal classId={classId} trainee={withdrawing} onClose={() => setWithdrawing(null)} />
    </Card>
  );
}

function WithdrawModal({
  classId,
  trainee,
  onClose,
}: {
  classId: number;
  trainee: TraineeRow | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawTrainee(classId);
  return (
    <Modal
      open={trainee !== null}
      title={trainee ? `撤销${trainee.name}的学时` : ''}
      okText="撤销"
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      cancelText="取消"
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        withdraw.reset();
      }}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => withdraw.mutate({ id: trainee!.id, reason: v.reason }, { onSuccess: onClose }))
          .catch(() => undefined)
      }
    >
      <p>该学员在本培训班的学时将被撤销；如已生成当年的《继续教育合格证书》，原证书自动失效。</p>
      <Form form={form} layout="vertical" name="withdraw">
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, message: '请填写撤销原因' }]}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
      <ErrorAlert error={withdraw.error} />
    </Modal>
  );
}
