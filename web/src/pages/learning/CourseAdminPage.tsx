import { useState } from 'react';
import { Alert, App, Card, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import type { AdminCourseRow } from '@ptce/contracts';
import { useAdminCourses } from '../../api/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useChapterUploads } from './chapter-uploads';
import { CourseChapters } from './CourseChapters';
import { CourseList } from './CourseList';
import { LeaveWhileUploading } from './LeaveWhileUploading';
import { NewChapterModal } from './NewChapterModal';
import './course-admin.css';

// 课程管理 — the training centre maintains the public-subject courses (公需科目) the annual plans use:
// every course with its plan years (必修课 / 选修课), and a course's chapters in study order, where
// it adds chapters and uploads the PDF or video of a chapter.

export default function CourseAdminPage() {
  const courses = useAdminCourses();
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('course')) || null;
  const uploads = useChapterUploads();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<AdminCourseRow | null>(null);
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const [picked, setPicked] = useState(false);

  const select = (id: number) => {
    setJustAdded(null);
    setPicked(true);
    setParams((p) => {
      p.set('course', String(id));
      return p;
    });
  };

  return (
    <>
      <PageTitle>课程管理</PageTitle>
      <p className="ptce-hint">公需科目的必修课和选修课。选择课程查看其章节，可新增章节，并为PDF和视频章节上传文件。</p>
      {uploads.running > 0 && (
        <Alert
          type="info"
          showIcon
          className="ptce-section"
          title={`正在上传${uploads.running}个文件，上传完成前请勿离开本页。`}
        />
      )}
      <ErrorAlert error={courses.error} title="无法读取课程列表" />
      <Card size="small" className="ptce-section">
        {courses.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <CourseList courses={courses.data ?? []} selectedId={selectedId} onSelect={select} />
        )}
      </Card>
      {selectedId !== null ? (
        <CourseChapters
          key={selectedId}
          courseId={selectedId}
          focusOnLoad={picked}
          uploads={uploads}
          justAdded={justAdded}
          onAdd={setAdding}
        />
      ) : (
        courses.data && courses.data.length > 0 && <p className="ptce-muted">请在上方选择课程，查看和管理其章节。</p>
      )}
      {adding && (
        <NewChapterModal
          course={adding}
          open
          onClose={() => setAdding(null)}
          onCreated={(ch) => {
            setAdding(null);
            setJustAdded(ch.id);
            void message.success(
              ch.kind === 'text'
                ? `已新增第${ch.seq}章`
                : `已新增第${ch.seq}章，请上传${ch.kind === 'pdf' ? 'PDF文件' : '视频'}`,
            );
          }}
        />
      )}
      <LeaveWhileUploading blocker={uploads.blocker} running={uploads.running} />
    </>
  );
}
