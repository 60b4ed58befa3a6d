import { Button, Tag, type TableColumnsType } from 'antd';
import { COURSE_KIND_LABEL, COURSE_STATUS_LABEL, type AdminCourseRow } from '@ptce/contracts';
import { ListTable, RowAction, RowActions, rowsResult } from '../../components/list';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { formatDuration } from './format';

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

function Status({ course }: { course: AdminCourseRow }) {
  return (
    <>
      <Tag color={course.status === 'published' ? 'success' : 'default'}>{COURSE_STATUS_LABEL[course.status]}</Tag>
      {course.year && <span className="ptce-muted">{course.year}年</span>}
    </>
  );
}

export interface CourseActions {
  onSelect: (id: number) => void;
  onPreview: (c: AdminCourseRow) => void;
  onPublish: (c: AdminCourseRow) => void;
  onUnpublish: (c: AdminCourseRow) => void;
}

/** Every course with its status, plan years, chapters and study time; a click on a title selects it. */
export function CourseList({
  courses,
  selectedId,
  onSelect,
  onPreview,
  onPublish,
  onUnpublish,
  empty = '尚无课程',
}: { courses: AdminCourseRow[]; selectedId: number | null; empty?: string } & CourseActions) {
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const actions = (c: AdminCourseRow) => (
    <RowActions desktop={desktop}>
      <RowAction label="预览" of={c.title} onClick={() => onPreview(c)} />
      {c.status === 'draft' ? (
        <RowAction label="发布" of={c.title} onClick={() => onPublish(c)} />
      ) : (
        <RowAction label="取消发布" of={c.title} danger onClick={() => onUnpublish(c)} />
      )}
    </RowActions>
  );
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

  const columns: TableColumnsType<AdminCourseRow> = desktop
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
        { title: '状态', key: 'status', width: 120, render: (_: unknown, c) => <Status course={c} /> },
        { title: '年度计划', key: 'plans', width: 200, render: (_: unknown, c) => <PlanUses course={c} /> },
        { title: '领域', dataIndex: 'area', width: 110, render: (a: string | null) => a ?? '—' },
        { title: '章节', key: 'chapters', width: 120, render: (_: unknown, c) => chapterCount(c) },
        { title: '学习时长', key: 'minutes', width: 100, render: (_: unknown, c) => minutes(c) },
        { title: '操作', key: 'actions', width: 130, render: (_: unknown, c) => actions(c) },
      ]
    : [
        {
          title: '课程',
          key: 'title',
          render: (_: unknown, c) => (
            <>
              {title(c)}
              <div className="ptce-course-admin-phone-facts">
                <Status course={c} />
                <PlanUses course={c} />
                <div className="ptce-muted">
                  {[c.area, `${c.chapterCount}章`, minutes(c)].filter(Boolean).join(' · ')}
                  {c.chaptersWithoutFile > 0 && (
                    <Tag color="warning" className="ptce-course-admin-missing">
                      {c.chaptersWithoutFile}章待上传
                    </Tag>
                  )}
                </div>
                {actions(c)}
              </div>
            </>
          ),
        },
      ];
  return (
    <ListTable<AdminCourseRow>
      rowKey="id"
      size="small"
      columns={columns}
      result={rowsResult(courses)}
      empty={empty}
      scroll={desktop ? { x: 980 } : undefined}
      // One column on phones holds the whole course; the title selects it, so no cards.
      card={false}
      rowClassName={(c) => (c.id === selectedId ? 'ptce-course-admin-selected' : '')}
    />
  );
}
