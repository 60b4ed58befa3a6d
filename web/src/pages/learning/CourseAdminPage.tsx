import { useState } from 'react';
import { Alert, App, Button, Card, Skeleton, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { AdminCourseRow } from '@ptce/contracts';
import { useAdminCourses, usePublishCourse } from '../../api/course-admin';
import { errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListToolbar, param, useUrlParams, YearFilter } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { useChapterUploads } from './chapter-uploads';
import { CourseChapters } from './CourseChapters';
import { CopyCourseModal } from './CopyCourseModal';
import { CourseList } from './CourseList';
import { CourseMaterialsAdmin } from './CourseMaterialsAdmin';
import { LeaveWhileUploading } from './LeaveWhileUploading';
import { NewChapterModal } from './NewChapterModal';
import { NewCourseModal } from './NewCourseModal';
import { PublishCourseModal } from './PublishCourseModal';
import './course-admin.css';

// 课程管理 — the training centre maintains the public-subject courses (公需科目) the annual plans use:
// every course with its status and plan years (必修课 / 选修课), and a course's chapters in study order,
// where it adds chapters and uploads the PDF or video of a chapter. A new year's courses start here:
// 新增课程 or 复制上年课程 (a draft), 预览 as a learner, 发布 (into the year's plan) / 取消发布.
// ?year= shows one year's courses: those made for it and those its plan uses (the operator's 待办 links here).

const LIST = { year: param.year() };

/** The courses of a year: made for it, or used by its plan. */
const ofYear = (c: AdminCourseRow, year: number) => c.year === year || c.plans.some((p) => p.year === year);

export default function CourseAdminPage() {
  const courses = useAdminCourses();
  const [params, setParams] = useSearchParams();
  const { query, update } = useUrlParams(LIST);
  const year = query.year;
  const shown = year ? courses.data?.filter((c) => ofYear(c, year)) : courses.data;
  const selectedId = Number(params.get('course')) || null;
  const uploads = useChapterUploads();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const unpublish = usePublishCourse();
  const [adding, setAdding] = useState<AdminCourseRow | null>(null);
  const [dialog, setDialog] = useState<'new' | 'copy' | null>(null);
  const [publishing, setPublishing] = useState<AdminCourseRow | null>(null);
  // A new year's courses are made for next year (the year field of the dialogs can be changed).
  const nextYear = new Date().getFullYear() + 1;
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

  const confirmUnpublish = (c: AdminCourseRow) =>
    modal.confirm({
      title: `确定取消发布《${c.title}》吗？`,
      content: '取消发布后学员看不到本课程；已有学员学习的课程不能取消发布。',
      okText: '取消发布',
      cancelText: '返回',
      okButtonProps: { danger: true },
      onOk: () =>
        unpublish.mutateAsync({ courseId: c.id, publish: false }).then(
          () => void message.success(`已取消发布《${c.title}》`),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => setDialog('new')}>
              新增课程
            </Button>
            <Button onClick={() => setDialog('copy')} disabled={!courses.data}>
              复制上年课程
            </Button>
          </Space>
        }
      >
        课程管理
      </PageTitle>
      <p className="ptce-hint">
        公需科目的必修课和选修课。新增课程或复制上年课程后为草稿，学员看不到；选择课程查看其章节，可新增章节，并为PDF和视频章节上传文件，上传或删除相关资料；预览无误后发布。
      </p>
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
        <ListToolbar filters={<YearFilter value={year} onChange={(y) => update({ year: y })} />} />
        {courses.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <CourseList
            courses={shown ?? []}
            empty={year ? `${year}年度尚无课程，可新增课程或复制上年课程` : undefined}
            selectedId={selectedId}
            onSelect={select}
            onPreview={(c) => void navigate(`/learning/admin/preview/${c.id}`)}
            onPublish={setPublishing}
            onUnpublish={confirmUnpublish}
          />
        )}
      </Card>
      {selectedId !== null ? (
        <>
          <CourseChapters
            key={selectedId}
            courseId={selectedId}
            focusOnLoad={picked}
            uploads={uploads}
            justAdded={justAdded}
            onAdd={setAdding}
          />
          <CourseMaterialsAdmin key={`m${selectedId}`} courseId={selectedId} />
        </>
      ) : (
        shown && shown.length > 0 && <p className="ptce-muted">请在上方选择课程，查看和管理其章节。</p>
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
      <NewCourseModal
        open={dialog === 'new'}
        defaultYear={nextYear}
        onClose={() => setDialog(null)}
        onCreated={(c) => {
          setDialog(null);
          select(c.id);
          void message.success(`已新增课程《${c.title}》（草稿），请新增章节`);
        }}
      />
      <CopyCourseModal
        open={dialog === 'copy'}
        courses={courses.data ?? []}
        defaultYear={nextYear}
        onClose={() => setDialog(null)}
        onCopied={(c) => {
          setDialog(null);
          select(c.id);
          void message.success(`已复制为${c.code}（草稿）`);
        }}
      />
      <PublishCourseModal
        course={publishing}
        onClose={() => setPublishing(null)}
        onDone={(inPlan) => {
          const c = publishing!;
          setPublishing(null);
          void message.success(inPlan ? `已发布《${c.title}》，已列入${c.year}年度计划` : `已发布《${c.title}》`);
        }}
      />
      <LeaveWhileUploading blocker={uploads.blocker} running={uploads.running} />
    </>
  );
}
