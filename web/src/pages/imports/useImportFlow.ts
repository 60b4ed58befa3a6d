import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isRunning, useImportJob, useRecentImports, type UploadKind } from '../../api/imports';

/**
 * The state of an import page (① 下载模板 ② 导入模板 ③ 查看导入结果): the job named in the URL (?job=…, so the
 * result survives a reload), the chosen file, the step reached, and 最近导入 refreshed when the job finishes.
 */
export function useImportFlow(kind: UploadKind) {
  const [params, setParams] = useSearchParams();
  const jobParam = Number(params.get('job'));
  const jobId = Number.isInteger(jobParam) && jobParam > 0 ? jobParam : null;
  const job = useImportJob(jobId);
  const recent = useRecentImports(kind);
  const [file, setFile] = useState<File | null>(null);
  const openJob = (id: number) => setParams({ job: String(id) });

  const current = job.data ?? null;
  const step = current ? 2 : file ? 1 : 0;
  const finishedStatus = current && !isRunning(current) ? current.status : null;
  const { refetch: refetchRecent } = recent;
  useEffect(() => {
    if (finishedStatus) void refetchRecent();
  }, [finishedStatus, refetchRecent]);

  return { jobId, job, recent, current, file, setFile, openJob, step };
}
