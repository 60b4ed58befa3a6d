// 学时管理 — 专业科目学时登记 — 导入学员培训信息 (附件2 二(一)2): ① 下载模板 ② 导入模板
// ③ 查看导入结果. The rows are checked on the server like the 新登记培训 form; a file with any bad
// row imports nothing unless 仅导入正确的行 is chosen. The job id sits in the URL (?job=…), so the
// result survives a reload and can be reopened from 最近导入.
import { useEffect, useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Pagination,
  Progress,
  Space,
  Steps,
  Table,
  Tag,
  Upload,
  type TableProps,
} from 'antd';
import { useSearchParams } from 'react-router';
import { IMPORT_JOB_STATUS_LABEL, type ImportJob, type ImportRowError } from '@ptce/contracts';
import {
  downloadFile,
  errorReportUrl,
  HOURS_TEMPLATE_URL,
  isRunning,
  useImportErrors,
  useImportJob,
  useImportValidRows,
  useRecentHoursImports,
  useUploadHoursImport,
} from '../../api/imports';
import { errorMessage } from '../../api/client';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import './imports.css';

const REGISTER_PATH = '/hours/unit/register';
const ERROR_PAGE_SIZE = 20;

const STATUS_COLOR: Record<ImportJob['status'], string> = {
  validating: 'processing',
  writing: 'processing',
  done: 'success',
  rejected: 'error',
  failed: 'error',
};

function jobPercent(job: ImportJob): number {
  if (job.status === 'writing') {
    const toWrite = Math.max(job.dataRows - job.errorRows, 1);
    return Math.min(99, Math.round((job.rowsWritten / toWrite) * 100));
  }
  if (job.status === 'validating')
    return Math.min(99, Math.round((job.rowsProcessed / Math.max(job.totalRows, 1)) * 100));
  return 100;
}

function JobProgress({ job }: { job: ImportJob }) {
  const running = isRunning(job);
  const text =
    job.status === 'validating'
      ? `正在逐行校验：已处理 ${job.rowsProcessed} / ${job.totalRows} 行${job.errorRows ? `，发现 ${job.errorRows} 行有错误` : ''}`
      : job.status === 'writing'
        ? `正在导入：${job.rowsWritten ? `已写入 ${job.rowsWritten} / ${job.dataRows - job.errorRows} 行` : `写入 ${job.dataRows - job.errorRows} 行`}（全部成功后才生效）`
        : null;
  if (!running) return null;
  return (
    <div className="ptce-import-progress" role="status" aria-live="polite">
      <Progress percent={jobPercent(job)} status="active" aria-label="导入进度" />
      <p className="ptce-hint">{text}</p>
    </div>
  );
}

const errorColumns: TableProps<
  ImportRowError & { key: string; column: string | null; reason: string; first: boolean; span: number }
>['columns'] = [
  { title: '行号', dataIndex: 'row', width: 90, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
  { title: '列', dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '整行' },
  { title: '错误原因', dataIndex: 'reason' },
];

function JobResult({ job }: { job: ImportJob }) {
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const errors = useImportErrors(job.id, page, ERROR_PAGE_SIZE, !isRunning(job) && job.errorRows > 0);
  const importValid = useImportValidRows();
  const [downloading, setDownloading] = useState(false);
  useEffect(() => setPage(1), [job.id]);

  const rows = (errors.data?.items ?? []).flatMap((e) =>
    e.problems.map((p, i) => ({
      ...e,
      key: `${e.row}-${i}`,
      column: p.column,
      reason: p.reason,
      first: i === 0,
      span: e.problems.length,
    })),
  );

  const confirmValidOnly = () =>
    modal.confirm({
      title: '仅导入正确的行',
      content: `将重新校验文件，导入其中正确的行（约 ${job.dataRows - job.errorRows} 行），有错误的 ${job.errorRows} 行不导入。确定继续？`,
      okText: '确认导入',
      onOk: async () => {
        try {
          await importValid.mutateAsync(job.id);
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });

  const downloadReport = async () => {
    setDownloading(true);
    try {
      await downloadFile(errorReportUrl(job.id), undefined, '错误报告.xlsx');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const type = job.status === 'done' ? (job.errorRows ? 'warning' : 'success') : isRunning(job) ? 'info' : 'error';
  return (
    <>
      <Flex align="center" gap={8} wrap className="ptce-import-file">
        <strong>{job.fileName}</strong>
        <Tag color={STATUS_COLOR[job.status]}>{IMPORT_JOB_STATUS_LABEL[job.status]}</Tag>
        <span className="ptce-hint">{formatDateTime(job.createdAt)}</span>
      </Flex>
      <JobProgress job={job} />
      {!isRunning(job) && job.message && (
        <Alert type={type} showIcon title={job.message} style={{ marginBottom: 16 }} />
      )}
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 4 }}
        items={[
          { key: 'data', label: '数据行', children: job.dataRows },
          { key: 'errors', label: '错误行', children: job.errorRows },
          { key: 'imported', label: '已导入', children: job.importedRows },
          { key: 'mode', label: '方式', children: job.mode === 'valid_only' ? '仅导入正确的行' : '全部正确才导入' },
        ]}
      />
      {!isRunning(job) && (
        <Space wrap className="ptce-import-actions">
          {job.errorRows > 0 && (
            <Button onClick={() => void downloadReport()} loading={downloading}>
              下载错误报告
            </Button>
          )}
          {job.canImportValid && (
            <Button type="primary" onClick={confirmValidOnly} loading={importValid.isPending}>
              仅导入正确的行
            </Button>
          )}
          {job.status === 'done' && (
            <ButtonLink to={REGISTER_PATH} type={job.canImportValid ? 'default' : 'primary'}>
              前往专业科目学时登记（批量提交审核）
            </ButtonLink>
          )}
        </Space>
      )}
      {!isRunning(job) && job.errorRows > 0 && (
        <>
          <ErrorAlert error={errors.error} title="错误行加载失败" />
          <Table
            size="small"
            bordered
            rowKey="key"
            columns={errorColumns}
            dataSource={rows}
            loading={errors.isFetching}
            // Paged by bad row on the server; a row with several problems spans several table lines.
            pagination={false}
            locale={{ emptyText: errors.isPending ? '正在加载…' : '无' }}
          />
          <Pagination
            className="ptce-import-pager"
            align="end"
            current={page}
            pageSize={ERROR_PAGE_SIZE}
            total={errors.data?.total ?? 0}
            showSizeChanger={false}
            showTotal={(t) => `共 ${t} 行有错误`}
            onChange={setPage}
          />
        </>
      )}
    </>
  );
}

export default function ImportHoursPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const jobParam = Number(params.get('job'));
  const jobId = Number.isInteger(jobParam) && jobParam > 0 ? jobParam : null;
  const job = useImportJob(jobId);
  const recent = useRecentHoursImports();
  const upload = useUploadHoursImport();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [uploadPercent, setUploadPercent] = useState(0);
  const [templateBusy, setTemplateBusy] = useState(false);

  const current = job.data ?? null;
  const step = current ? 2 : file ? 1 : 0;
  const finishedStatus = current && !isRunning(current) ? current.status : null;
  const { refetch: refetchRecent } = recent;
  useEffect(() => {
    if (finishedStatus) void refetchRecent();
  }, [finishedStatus, refetchRecent]);

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadFile(HOURS_TEMPLATE_URL, undefined, '导入学员培训信息模板.xlsx');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setTemplateBusy(false);
    }
  };

  const start = async () => {
    if (!file) return;
    setUploadPercent(0);
    try {
      const created = await upload.mutateAsync({
        file,
        mode: validOnly ? 'valid_only' : 'all',
        onProgress: setUploadPercent,
      });
      setParams({ job: String(created.id) });
      setFile(null);
    } catch {
      /* shown below */
    }
  };

  return (
    <>
      <PageTitle extra={<ButtonLink to={REGISTER_PATH}>返回专业科目学时登记</ButtonLink>}>导入学员培训信息</PageTitle>
      <Card className="ptce-section">
        <Steps
          current={step}
          className="ptce-import-steps"
          items={[
            { title: '下载模板', description: '按提示填写完整' },
            { title: '导入模板', description: '上传填写好的.xlsx' },
            { title: '查看导入结果', description: '逐行校验，错误可下载' },
          ]}
        />
      </Card>

      <Card className="ptce-section" title="① 下载模板">
        <p>
          模板含“学员培训信息”和“说明”两个工作表。身份证号码和日期列已设为文本格式，培训类型、开始时段、结束时段可从下拉列表选择；申请学时可不填，按每半天4学时自动计算。
        </p>
        <Button onClick={() => void downloadTemplate()} loading={templateBusy}>
          下载模板
        </Button>
      </Card>

      <Card className="ptce-section" title="② 导入模板">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
          beforeUpload={(f) => {
            setFile(f);
            upload.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
          disabled={upload.isPending}
        >
          <p className="ptce-import-drop">点击或将填写好的模板拖到此处</p>
          <p className="ptce-hint">仅支持.xlsx（Excel工作簿）文件，不能设置打开密码</p>
        </Upload.Dragger>
        <Flex vertical gap={8} className="ptce-import-options">
          <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
            仅导入正确的行（不勾选时，文件中有任何一行错误，整个文件都不导入）
          </Checkbox>
          <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)}>
            本人承诺导入信息属实
          </Checkbox>
        </Flex>
        {upload.isPending && <Progress percent={uploadPercent} size="small" aria-label="上传进度" />}
        <ErrorAlert error={upload.error} title="文件未导入" />
        <Button type="primary" disabled={!file || !declared} loading={upload.isPending} onClick={() => void start()}>
          开始导入
        </Button>
      </Card>

      <Card className="ptce-section" title="③ 查看导入结果">
        <ErrorAlert error={job.error} title="导入结果加载失败" />
        {current ? <JobResult job={current} /> : <p className="ptce-hint">导入后在此查看每一行的校验结果。</p>}
        {(recent.data?.length ?? 0) > 0 && (
          <div className="ptce-import-recent">
            <h3>最近导入</h3>
            <Table<ImportJob>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={recent.data}
              columns={[
                { title: '文件', dataIndex: 'fileName', ellipsis: true },
                { title: '时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 120,
                  render: (v: ImportJob['status']) => <Tag color={STATUS_COLOR[v]}>{IMPORT_JOB_STATUS_LABEL[v]}</Tag>,
                },
                {
                  title: '导入/数据行',
                  key: 'counts',
                  width: 120,
                  render: (_: unknown, r) => `${r.importedRows} / ${r.dataRows}`,
                },
                {
                  title: '操作',
                  key: 'open',
                  width: 80,
                  render: (_: unknown, r) => (
                    <Button
                      type="link"
                      size="small"
                      disabled={r.id === jobId}
                      onClick={() => setParams({ job: String(r.id) })}
                    >
                      查看
                    </Button>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Card>
    </>
  );
}
