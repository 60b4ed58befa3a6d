// 学时管理 — 专业科目学时登记 — 导入学员培训信息 (附件2 二(一)2): ① 下载模板 ② 导入模板
// ③ 查看导入结果. The rows are checked on the server like the 新登记培训 form; a file with any bad
// row imports nothing unless 仅导入正确的行 is chosen. The job id sits in the URL (?job=…), so the
// result survives a reload and can be reopened from 最近导入.
import { useEffect, useState } from 'react';
import { Card, Steps } from 'antd';
import { useSearchParams } from 'react-router';
import { HOURS_TEMPLATE_URL, isRunning, useImportJob, useRecentHoursImports } from '../../api/imports';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DownloadButton } from './DownloadButton';
import { JobResult, REGISTER_PATH } from './JobResult';
import { RecentImports } from './RecentImports';
import { UploadCard } from './UploadCard';
import './imports.css';

export default function ImportHoursPage() {
  const [params, setParams] = useSearchParams();
  const jobParam = Number(params.get('job'));
  const jobId = Number.isInteger(jobParam) && jobParam > 0 ? jobParam : null;
  const job = useImportJob(jobId);
  const recent = useRecentHoursImports();
  const [file, setFile] = useState<File | null>(null);
  const openJob = (id: number) => setParams({ job: String(id) });

  const current = job.data ?? null;
  const step = current ? 2 : file ? 1 : 0;
  const finishedStatus = current && !isRunning(current) ? current.status : null;
  const { refetch: refetchRecent } = recent;
  useEffect(() => {
    if (finishedStatus) void refetchRecent();
  }, [finishedStatus, refetchRecent]);

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
        <DownloadButton url={HOURS_TEMPLATE_URL} fallbackName="导入学员培训信息模板.xlsx">
          下载模板
        </DownloadButton>
      </Card>

      <UploadCard file={file} setFile={setFile} onStarted={openJob} />

      <Card className="ptce-section" title="③ 查看导入结果">
        <ErrorAlert error={job.error} title="导入结果加载失败" />
        {current ? <JobResult job={current} /> : <p className="ptce-hint">导入后在此查看每一行的校验结果。</p>}
        {(recent.data?.length ?? 0) > 0 && (
          <RecentImports jobs={recent.data ?? []} openJobId={jobId} onOpen={openJob} />
        )}
      </Card>
    </>
  );
}
