import { useEffect, useRef } from 'react';
import { App, Button, Card, Empty, Skeleton, Tag, type TableColumnsType } from 'antd';
import { CHAPTER_KIND_LABEL, type AdminChapterRow, type AdminCourseRow, type ChapterKind } from '@ptce/contracts';
import { useAdminChapters } from '../../api/course-admin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/list';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { ChapterFileState, ChapterFileUpload } from './ChapterFileUpload';
import type { useChapterUploads } from './chapter-uploads';
import { planUsesText } from './course-admin-format';
import { formatDuration } from './format';

/** The chosen course's chapters: facts, 新增章节, and each chapter's file upload. */
export function CourseChapters({
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
  const columns: TableColumnsType<AdminChapterRow> = desktop
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
      <ListTable<AdminChapterRow>
        rowKey="id"
        size="small"
        columns={columns}
        result={{ data: rows, isFetching: chapters.isFetching, isPending: false, error: null }}
        empty={<Empty description="本课程尚无章节" />}
        scroll={desktop ? { x: 980 } : undefined}
        // One column on phones holds the chapter and its upload control, so no cards.
        card={false}
        rowClassName={(ch) => (ch.id === justAdded ? 'ptce-course-admin-added' : '')}
      />
    </Card>
  );
}
