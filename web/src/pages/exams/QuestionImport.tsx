import { useEffect, useState } from 'react';
import { Button, Card } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { BankCourseRow } from '@ptce/contracts';
import { QUESTION_TEMPLATE_URL, useImportJob } from '../../api/imports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DownloadButton } from '../imports/DownloadButton';
import { JobResult } from '../imports/JobResult';
import { UploadCard } from '../imports/UploadCard';
import '../imports/imports.css';

/**
 * 导入题库 for the chosen course: ① 下载模板 ② 上传（全部正确才导入） ③ 导入结果 with each bad row's column and
 * reason — the Excel engine of 导入学员培训信息, with the question-bank kind.
 */
export function QuestionImport({ course, onClose }: { course: BankCourseRow; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useImportJob(jobId);
  const qc = useQueryClient();
  const done = job.data?.status === 'done';
  // The bank (and the course list's counts) once the questions are in.
  useEffect(() => {
    if (!done) return;
    void qc.invalidateQueries({ queryKey: ['exams'] });
    void qc.invalidateQueries({ queryKey: ['learning', 'admin'] });
  }, [done, jobId, qc]);
  return (
    <Card
      className="ptce-section"
      title={`导入题库：${course.title}`}
      extra={
        <Button type="link" onClick={onClose}>
          收起
        </Button>
      }
    >
      <p>
        ①
        下载模板，在“试题”工作表中每行填写一道试题：题型（单选、多选、判断）、题干、选项A-F、答案（如B、ACD、正确）、解析。
      </p>
      <DownloadButton url={QUESTION_TEMPLATE_URL} fallbackName="题库导入模板.xlsx">
        下载模板
      </DownloadButton>
      <UploadCard
        file={file}
        setFile={setFile}
        onStarted={setJobId}
        kind="question-bank"
        target={{ courseId: course.id }}
        allowValidOnly={false}
        declaration={false}
        title="② 上传填写好的模板"
      />
      {jobId !== null && (
        <Card size="small" title="③ 导入结果" className="ptce-section">
          <ErrorAlert error={job.error} title="导入结果加载失败" />
          {job.data && <JobResult job={job.data} next={{ to: `/exams/bank?course=${course.id}`, label: '查看题库' }} />}
        </Card>
      )}
    </Card>
  );
}
