import { Alert, App, Button, Descriptions, Flex, Space } from 'antd';
import type { ImportJob } from '@ptce/contracts';
import { errorReportUrl, isRunning, useImportValidRows } from '../../api/imports';
import { errorMessage } from '../../api/client';
import { ButtonLink } from '../../components/ButtonLink';
import { formatDateTime } from '../../lib/format';
import { DownloadButton } from './DownloadButton';
import { CredentialsDownload } from './CredentialsDownload';
import { JobErrorsTable } from './JobErrorsTable';
import { JobProgress } from './JobProgress';
import { JobStatusTag } from './JobStatusTag';

export const REGISTER_PATH = '/hours/unit/register';

/** ③ 查看导入结果: the job's progress, then its outcome, counts, bad rows and what to do next. */
export function JobResult({
  job,
  next = { to: REGISTER_PATH, label: '前往专业科目学时登记（批量提交审核）' },
}: {
  job: ImportJob;
  /** Where to go once the rows are in. */
  next?: { to: string; label: string } | null;
}) {
  const { message, modal } = App.useApp();
  const importValid = useImportValidRows();
  const running = isRunning(job);

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

  const type = job.status === 'done' ? (job.errorRows ? 'warning' : 'success') : running ? 'info' : 'error';
  return (
    <>
      <Flex align="center" gap={8} wrap className="ptce-import-file">
        <strong>{job.fileName}</strong>
        <JobStatusTag status={job.status} />
        <span className="ptce-hint">{formatDateTime(job.createdAt)}</span>
      </Flex>
      <JobProgress job={job} />
      {!running && job.message && <Alert type={type} showIcon title={job.message} style={{ marginBottom: 16 }} />}
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
      {!running && (
        <Space wrap className="ptce-import-actions">
          {job.errorRows > 0 && (
            <DownloadButton url={errorReportUrl(job.id)} fallbackName="错误报告.xlsx">
              下载错误报告
            </DownloadButton>
          )}
          {job.canImportValid && (
            <Button type="primary" onClick={confirmValidOnly} loading={importValid.isPending}>
              仅导入正确的行
            </Button>
          )}
          {job.status === 'done' && next && (
            <ButtonLink to={next.to} type={job.canImportValid || job.credentials ? 'default' : 'primary'}>
              {next.label}
            </ButtonLink>
          )}
        </Space>
      )}
      {!running && job.credentials && <CredentialsDownload job={job} />}
      {!running && job.errorRows > 0 && <JobErrorsTable key={job.id} job={job} />}
    </>
  );
}
