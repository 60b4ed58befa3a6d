import { Progress } from 'antd';
import type { ImportJob } from '@ptce/contracts';
import { isRunning } from '../../api/imports';

function jobPercent(job: ImportJob): number {
  if (job.status === 'writing') {
    const toWrite = Math.max(job.dataRows - job.errorRows, 1);
    return Math.min(99, Math.round((job.rowsWritten / toWrite) * 100));
  }
  if (job.status === 'validating')
    return Math.min(99, Math.round((job.rowsProcessed / Math.max(job.totalRows, 1)) * 100));
  return 100;
}

/** While the job validates or writes: how far, and what it has found so far. */
export function JobProgress({ job }: { job: ImportJob }) {
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
