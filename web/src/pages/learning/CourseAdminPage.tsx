import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Modal, Skeleton, Table, Tag, type TableProps } from 'antd';
import { useSearchParams } from 'react-router';
import {
  CHAPTER_KIND_LABEL,
  COURSE_KIND_LABEL,
  type AdminChapterRow,
  type AdminCourseRow,
  type ChapterKind,
} from '@ptce/contracts';
import { useAdminChapters, useAdminCourses } from '../../api/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { ChapterFileState, ChapterFileUpload } from './ChapterFileUpload';
import { useChapterUploads } from './chapter-uploads';
import { planUsesText } from './course-admin-format';
import { formatDuration } from './format';
import { NewChapterModal } from './NewChapterModal';
import './course-admin.css';

// 课程管理 — the training centre maintains the public-subject courses (公需科目) the annual plans use:
// every course with its plan years (必修课 / 选修课), and a course's chapters in study order, where
// it adds chapters and uploads the PDF or video of a chapter.

function PlanUses({ course }: { course: AdminCourseRow }) {
  if (!course.plans.length) return <span className="ptce-muted">未列入年度计划</span>;
  return (
    <span className="ptce-course-admin-plans">
      {course.plans.map((p) => (
        <Tag key={p.year} color={p.kind === 'compulsory' ? 'red' : 'blue'}>
          {p.year}年 {COURSE_KIND_LABEL[p.kind]}
        </Tag>
      ))}
    </span>
  );
}

function CourseList({
  courses,
  selectedId,
  onSelect,
}: {
  courses: AdminCourseRow[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const title = (c: AdminCourseRow) => (
    <Button
      type="link"
      className="ptce-course-admin-pick"
      aria-current={c.id === selectedId ? 'true' : undefined}
      onClick={() => onSelect(c.id)}
    >
      《{c.title}》
    </Button>
  );
  const chapterCount = (c: AdminCourseRow) => (
    <>
      {c.chapterCount}章
      {c.chaptersWithoutFile > 0 && (
        <Tag color="warning" className="ptce-course-admin-missing">
          {c.chaptersWithoutFile}章待上传
        </Tag>
      )}
    </>
  );
  const minutes = (c: AdminCourseRow) => (c.requiredSeconds ? formatDuration(c.requiredSeconds) : '—');

  const columns: TableProps<AdminCourseRow>['columns'] = desktop
    ? [
        {
          title: '课程名称',
          key: 'title',
          render: (_: unknown, c) => (
            <>
              {title(c)}
              <div className="ptce-muted">{c.code}</div>
            </>
          ),
        },
        { title: '年度计划', key: 'plans', width: 220, render: (_: unknown, c) => <PlanUses course={c} /> },
        { title: '领域', dataIndex: 'area', width: 120, render: (a: string | null) => a ?? '—' },
        { title: '章节', key: 'chapters', width: 130, render: (_: unknown, c) => chapterCount(c) },
        { title: '学习时长', key: 'minutes', width: 110, render: (_: unknown, c) => minutes(c) },
      ]
    : [
        {
          title: '课程',
          key: 'title',
          render: (_: unknown, c) => (
            <>
              {title(c)}
              <div className="ptce-course-admin-phone-facts">
                <PlanUses course={c} />
                <div className="ptce-muted">
                  {[c.area, `${c.chapterCount}章`, minutes(c)].filter(Boolean).join(' · ')}
                  {c.chaptersWithoutFile > 0 && (
                    <Tag color="warning" className="ptce-course-admin-missing">
                      {c.chaptersWithoutFile}章待上传
                    </Tag>
                  )}
                </div>
              </div>
            </>
          ),
        },
      ];
  return (
    <Table<AdminCourseRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={courses}
      pagination={false}
      scroll={desktop ? { x: 760 } : undefined}
      rowClassName={(c) => (c.id === selectedId ? 'ptce-course-admin-selected' : '')}
      locale={{ emptyText: '尚无课程' }}
    />
  );
}

function CourseChapters({
  courseId,
  focusOnLoad,
  uploads,
  justAdded,
  onAdd,
}: {
  courseId: number;
  /** the operator just chose this course: take the keyboard (and the screen) to its chapters */
  focusOnLoad: boolean;
  uploads: ReturnType<typeof useChapterUploads>;
  justAdded: number | null;
  onAdd: (course: AdminCourseRow) => void;
}) {
  const chapters = useAdminChapters(courseId);
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const { message } = App.useApp();
  const heading = useRef<HTMLHeadingElement>(null);

  const loaded = chapters.data !== undefined;
  useEffect(() => {
    if (!focusOnLoad || !loaded) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.closest('.ant-card')?.scrollIntoView({ block: 'start' });
  }, [courseId, focusOnLoad, loaded]);

  if (chapters.isPending) {
    return (
      <Card size="small" className="ptce-section" aria-busy="true" aria-label="正在读取课程章节">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (chapters.isError) return <ErrorAlert error={chapters.error} title="无法读取课程章节" />;
  const { course, chapters: rows, upload: limits } = chapters.data;

  const pick = async (ch: AdminChapterRow, file: File) => {
    if (await uploads.start(ch.id, file, limits.maxBytes))
      void message.success(`已上传《${ch.title}》的${ch.kind === 'pdf' ? 'PDF文件' : '视频'}`);
  };

  const fileControl = (ch: AdminChapterRow) => (
    <ChapterFileUpload
      chapter={ch}
      limits={limits}
      upload={uploads.uploads[ch.id]}
      onPick={(f) => void pick(ch, f)}
      onCancel={() => uploads.cancel(ch.id)}
      onDismiss={() => uploads.dismiss(ch.id)}
    />
  );
  const columns: TableProps<AdminChapterRow>['columns'] = desktop
    ? [
        { title: '序号', dataIndex: 'seq', width: 72, render: (n: number) => `第${n}章` },
        { title: '章节标题', dataIndex: 'title', width: 260 },
        { title: '类型', dataIndex: 'kind', width: 72, render: (k: ChapterKind) => <Tag>{CHAPTER_KIND_LABEL[k]}</Tag> },
        { title: '学习时长', dataIndex: 'requiredSeconds', width: 100, render: (s: number) => formatDuration(s) },
        { title: '内容', key: 'content', width: 240, render: (_: unknown, ch) => <ChapterFileState chapter={ch} /> },
        { title: '文件', key: 'upload', width: 240, render: (_: unknown, ch) => fileControl(ch) },
      ]
    : [
        {
          title: '章节',
          key: 'chapter',
          render: (_: unknown, ch) => (
            <>
              <div>
                第{ch.seq}章 · {ch.title}
              </div>
              <div className="ptce-muted">
                <Tag>{CHAPTER_KIND_LABEL[ch.kind]}</Tag>
                {formatDuration(ch.requiredSeconds)}
              </div>
              <div className="ptce-course-admin-phone-file">
                <ChapterFileState chapter={ch} />
              </div>
              {fileControl(ch)}
            </>
          ),
        },
      ];
  const uses = planUsesText(course.plans);
  const maxMb = Math.round(limits.maxBytes / 1024 / 1024);

  return (
    <Card
      size="small"
      className="ptce-section ptce-course-admin-chapters"
      title={
        <h2 ref={heading} tabIndex={-1} className="ptce-course-admin-heading">
          《{course.title}》章节
        </h2>
      }
      extra={
        <Button type="primary" onClick={() => onAdd(course)}>
          新增章节
        </Button>
      }
    >
      <p className="ptce-muted ptce-course-admin-facts">
        {uses ?? '未列入年度计划'} · 共{course.chapterCount}章 · 学习时长合计{formatDuration(course.requiredSeconds)}
        {course.chaptersWithoutFile > 0 && ` · ${course.chaptersWithoutFile}章尚未上传文件`}
      </p>
      <p className="ptce-hint">
        PDF章节上传PDF文件；视频章节上传MP4、WebM或Ogg视频。单个文件不超过{maxMb}MB，重新上传将替换原文件。
      </p>
      <Table<AdminChapterRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={desktop ? { x: 980 } : undefined}
        loading={chapters.isFetching && !chapters.isPending ? { delay: 300 } : false}
        rowClassName={(ch) => (ch.id === justAdded ? 'ptce-course-admin-added' : '')}
        locale={{ emptyText: <Empty description="本课程尚无章节" /> }}
      />
    </Card>
  );
}

/** Asked when the operator leaves the page inside the app while a file is still uploading. */
function LeaveWhileUploading({
  blocker,
  running,
}: {
  blocker: ReturnType<typeof useChapterUploads>['blocker'];
  running: number;
}) {
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title="文件正在上传"
      okText="离开并取消上传"
      okButtonProps={{ danger: true }}
      cancelText="留在本页"
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>还有{running}个章节文件正在上传。离开本页将取消上传，已传输的部分不会保存。</p>
    </Modal>
  );
}

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
