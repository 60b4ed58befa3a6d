// 学时管理 — 专业科目学时登记 — 导入学员培训信息 (附件2 二(一)2): ① 下载模板 ② 导入模板
// ③ 查看导入结果. The rows are checked on the server like the 新登记培训 form; a file with any bad
// row imports nothing unless 仅导入正确的行 is chosen. The job id sits in the URL (?job=…), so the
// result survives a reload and can be reopened from 最近导入.
import { Card } from 'antd';
import { HOURS_TEMPLATE_URL } from '../../api/imports';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DownloadButton } from './DownloadButton';
import { JobResult, REGISTER_PATH } from './JobResult';
import { RecentImports } from './RecentImports';
import { ImportSteps } from './ImportSteps';
import { UploadCard } from './UploadCard';
import { useImportFlow } from './useImportFlow';
import './imports.css';

export default function ImportHoursPage() {
  const { jobId, job, recent, current, file, setFile, openJob, step } = useImportFlow('hours-registration');

  return (
    <>
      <PageTitle extra={<ButtonLink to={REGISTER_PATH}>返回专业科目学时登记</ButtonLink>}>导入学员培训信息</PageTitle>
      <ImportSteps step={step} result="逐行校验，错误可下载" />

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
