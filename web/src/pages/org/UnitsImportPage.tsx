// 单位管理 — 批量导入单位: ① 下载模板 ② 导入模板 ③ 查看导入结果, then the new 单位账号 and their
// initial passwords, downloadable once. All or nothing: a file with any bad row creates no unit.
// The job id sits in the URL (?job=…), so the result survives a reload.
import { Card } from 'antd';
import { UNITS_TEMPLATE_URL } from '../../api/imports';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DownloadButton } from '../imports/DownloadButton';
import { JobResult } from '../imports/JobResult';
import { RecentImports } from '../imports/RecentImports';
import { ImportSteps } from '../imports/ImportSteps';
import { UploadCard } from '../imports/UploadCard';
import { useImportFlow } from '../imports/useImportFlow';
import '../imports/imports.css';

const UNITS_PATH = '/org/units';

export default function UnitsImportPage() {
  const { jobId, job, recent, current, file, setFile, openJob, step } = useImportFlow('units');

  return (
    <>
      <PageTitle extra={<ButtonLink to={UNITS_PATH}>返回单位管理</ButtonLink>}>批量导入单位</PageTitle>
      <ImportSteps step={step} result="逐行校验，下载初始密码" />

      <Card className="ptce-section" title="① 下载模板">
        <p>
          模板含“单位信息”和“说明”两个工作表。必填：单位名称、统一社会信用代码（18位，含校验码）、所在地区（市或县区的名称或代码）；选填：行业、主管部门（须为系统中已有的名称）、联系人、联系电话、单位类型。
        </p>
        <DownloadButton url={UNITS_TEMPLATE_URL} fallbackName="批量导入单位模板.xlsx">
          下载模板
        </DownloadButton>
      </Card>

      <UploadCard file={file} setFile={setFile} onStarted={openJob} kind="units" allowValidOnly={false} />

      <Card className="ptce-section" title="③ 查看导入结果">
        <ErrorAlert error={job.error} title="导入结果加载失败" />
        {current ? (
          <JobResult job={current} next={{ to: UNITS_PATH, label: '返回单位管理' }} />
        ) : (
          <p className="ptce-hint">导入后在此查看每一行的校验结果，并下载新单位账号的初始密码。</p>
        )}
        {(recent.data?.length ?? 0) > 0 && (
          <RecentImports jobs={recent.data ?? []} openJobId={jobId} onOpen={openJob} />
        )}
      </Card>
    </>
  );
}
