import { useState } from 'react';
import { Button, Card, Empty, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { COURSE_KIND_LABEL, type BankCourseRow } from '@ptce/contracts';
import { useBankCourses } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { CourseBank } from './CourseBank';
import { QuestionImport } from './QuestionImport';
import './question-bank.css';

// 题库管理 — the training centre keeps each public course's question bank (单选题, 多选题, 判断题),
// from which the server draws every exam paper by the annual plan's counts. A served paper keeps its
// own copy of each question, so a change here never alters an exam already under way.

/** "2024年 · 必修课 · 试题 40（启用 38）" — the facts of a course as the bank list gives them. */
function courseMeta(c: BankCourseRow): string {
  const years = c.years.length ? `${c.years.join('、')}年` : '未列入年度计划';
  return [years, COURSE_KIND_LABEL[c.kind], c.area, `试题 ${c.questionCount}（启用 ${c.enabledCount}）`]
    .filter(Boolean)
    .join(' · ');
}

/** 题库管理 */
export default function QuestionBankPage() {
  const courses = useBankCourses();
  const [params, setParams] = useSearchParams();
  const courseId = Number(params.get('course')) || undefined;
  const course = courses.data?.find((c) => c.id === courseId);
  const [importing, setImporting] = useState<number | null>(null);

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" disabled={!course} onClick={() => setImporting(course?.id ?? null)}>
            导入题库
          </Button>
        }
      >
        题库管理
      </PageTitle>
      <p className="ptce-hint">
        考试时，系统按年度计划规定的题量从课程题库的启用试题中随机抽题。已发出的试卷保留原题，修改或停用试题不影响正在进行的考试。
      </p>
      <Card size="small" className="ptce-section">
        <label htmlFor="bank-course" className="ptce-bank-course-label">
          课程
        </label>
        <Select<number>
          id="bank-course"
          className="ptce-bank-course"
          placeholder="请选择课程"
          value={course?.id}
          loading={courses.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title, meta: courseMeta(c) }))}
          optionRender={(o) => (
            <div className="ptce-bank-course-option">
              <div>{o.data.label}</div>
              <div className="ptce-muted">{o.data.meta}</div>
            </div>
          )}
          onChange={(id) => setParams({ course: String(id) })}
          notFoundContent={courses.isPending ? '正在加载…' : '没有课程'}
        />
        {course && <div className="ptce-muted ptce-bank-course-meta">{courseMeta(course)}</div>}
        <ErrorAlert error={courses.error} title="课程列表加载失败" className="ptce-bank-course-error" />
      </Card>
      {course && importing === course.id && (
        <QuestionImport key={course.id} course={course} onClose={() => setImporting(null)} />
      )}
      {course ? (
        <CourseBank key={course.id} course={course} />
      ) : (
        !courses.isPending && (
          <Empty
            className="ptce-section"
            description={courseId ? '未找到该课程，请重新选择' : '请选择课程，查看和维护其考试题库'}
          />
        )
      )}
    </>
  );
}
