import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useSearchParams } from 'react-router';
import {
  COURSE_KIND_LABEL,
  QUESTION_TYPE_LABEL,
  QuestionType,
  type BankCourseRow,
  type QuestionRow,
} from '@ptce/contracts';
import { useBankCourses, useBankQuestions, useUpdateQuestion } from '../../api/exams';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { useConfirmAction } from '../org/useConfirmAction';
import { answerText, optionLabel } from './question-format';
import { QuestionModal, type QuestionDialogTarget } from './QuestionForm';
import './question-bank.css';

// 题库管理 — the training centre keeps each public course's question bank (单选题, 多选题, 判断题),
// from which the server draws every exam paper by the annual plan's counts. A served paper keeps its
// own copy of each question, so a change here never alters an exam already under way.

type TypeFilter = QuestionType | 'all';
type StateFilter = 'all' | 'enabled' | 'disabled';
const TYPE_FILTERS = [
  { value: 'all' as const, label: '全部题型' },
  ...QuestionType.options.map((t) => ({ value: t, label: QUESTION_TYPE_LABEL[t] })),
];
const STATE_FILTERS = [
  { value: 'all' as const, label: '全部状态' },
  { value: 'enabled' as const, label: '启用' },
  { value: 'disabled' as const, label: '停用' },
];
const PAGE_SIZES = [10, 20, 50, 100];

/** "2024年 · 必修课 · 试题 40（启用 38）" — the facts of a course as the bank list gives them. */
function courseMeta(c: BankCourseRow): string {
  const years = c.years.length ? `${c.years.join('、')}年` : '未列入年度计划';
  return [years, COURSE_KIND_LABEL[c.kind], c.area, `试题 ${c.questionCount}（启用 ${c.enabledCount}）`]
    .filter(Boolean)
    .join(' · ');
}

function matches(q: QuestionRow, type: TypeFilter, state: StateFilter, text: string): boolean {
  if (type !== 'all' && q.type !== type) return false;
  if (state !== 'all' && q.enabled !== (state === 'enabled')) return false;
  return text === '' || q.stem.toLowerCase().includes(text);
}

function Options({ q }: { q: QuestionRow }) {
  return (
    <ol className="ptce-bank-options">
      {q.options.map((text, i) => {
        const right = q.answer.includes(i);
        return (
          <li key={i} className={right ? 'ptce-bank-option-right' : undefined}>
            {optionLabel(q.type, i, text)}
            {right && (
              <span className="ptce-bank-option-mark">
                {' '}
                ✓<span className="ptce-sr-only">（正确答案）</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The questions of one course: filters, the table, and the dialog for 新增试题 / 修改. */
function CourseBank({ course }: { course: BankCourseRow }) {
  const questions = useBankQuestions(course.id);
  const toggle = useUpdateQuestion();
  const confirm = useConfirmAction();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [type, setType] = useState<TypeFilter>('all');
  const [state, setState] = useState<StateFilter>('all');
  const [search, setSearch] = useState('');
  const text = useDeferredValue(search.trim().toLowerCase());
  const [pagination, setPagination] = useState({ current: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ open: boolean; target: QuestionDialogTarget; session: number } | null>(null);
  const openDialog = (target: QuestionDialogTarget) =>
    setDialog((d) => ({ open: true, target, session: (d?.session ?? 0) + 1 }));
  /** The question just added: shown on its page and marked until the next one. */
  const [added, setAdded] = useState<{ id: number; located: boolean } | null>(null);

  const rows = useMemo(() => questions.data ?? [], [questions.data]);
  // 第几题 follows the bank's own order, whatever the filters show.
  const numberOf = useMemo(() => new Map(rows.map((q, i) => [q.id, i + 1])), [rows]);
  const shown = useMemo(() => rows.filter((q) => matches(q, type, state, text)), [rows, type, state, text]);
  const counts = useMemo(() => {
    const c = { single: 0, multiple: 0, judge: 0, enabled: 0 };
    for (const q of rows) {
      c[q.type] += 1;
      if (q.enabled) c.enabled += 1;
    }
    return c;
  }, [rows]);

  // Go to the page of the question just added once it is in the list.
  useEffect(() => {
    if (!added || added.located) return;
    const at = shown.findIndex((q) => q.id === added.id);
    if (at < 0) return;
    setPagination((p) => ({ ...p, current: Math.floor(at / p.pageSize) + 1 }));
    setAdded({ id: added.id, located: true });
  }, [added, shown]);

  const onSaved = (q: QuestionRow, created: boolean) => {
    if (!created) return;
    if (!matches(q, type, state, text)) {
      setType('all');
      setState('all');
      setSearch('');
    }
    setAdded({ id: q.id, located: false });
  };

  const askToggle = (q: QuestionRow) => {
    const no = numberOf.get(q.id);
    confirm(
      q.enabled
        ? {
            title: `停用第${no}题？`,
            content: '停用后，该题不再抽入新的试卷；已发出的试卷不受影响。停用的试题可以随时重新启用。',
            okText: '停用',
            danger: true,
            run: () => toggle.mutateAsync({ id: q.id, body: { enabled: false } }),
            done: `已停用第${no}题`,
            failTitle: `无法停用第${no}题`,
          }
        : {
            title: `启用第${no}题？`,
            content: '启用后，该题可以抽入新的试卷。',
            okText: '启用',
            run: () => toggle.mutateAsync({ id: q.id, body: { enabled: true } }),
            done: `已启用第${no}题`,
            failTitle: `无法启用第${no}题`,
          },
    );
  };

  const actions = (q: QuestionRow) => {
    const no = numberOf.get(q.id) ?? 0;
    return (
      <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
        <Button
          type="link"
          size="small"
          aria-label={`修改 第${no}题`}
          onClick={() => openDialog({ mode: 'edit', question: q, no })}
        >
          修改
        </Button>
        <Button
          type="link"
          size="small"
          danger={q.enabled}
          aria-label={`${q.enabled ? '停用' : '启用'} 第${no}题`}
          onClick={() => askToggle(q)}
        >
          {q.enabled ? '停用' : '启用'}
        </Button>
      </Space>
    );
  };
  const typeTag = (q: QuestionRow) => <Tag>{QUESTION_TYPE_LABEL[q.type]}</Tag>;
  const stateTag = (q: QuestionRow) => (q.enabled ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>);
  const stem = (q: QuestionRow) => (
    <>
      <div className="ptce-bank-stem">{q.stem}</div>
      {q.explanation && <div className="ptce-muted ptce-bank-explanation">解析：{q.explanation}</div>}
    </>
  );

  // A phone gets one column holding the whole question, so the stem is not squeezed to a few characters.
  const columns: TableProps<QuestionRow>['columns'] = desktop
    ? [
        { title: '序号', key: 'no', width: 60, render: (_: unknown, q) => numberOf.get(q.id) },
        { title: '题型', key: 'type', width: 84, render: (_: unknown, q) => typeTag(q) },
        { title: '题干', key: 'stem', render: (_: unknown, q) => stem(q) },
        { title: '选项', key: 'options', width: 260, render: (_: unknown, q) => <Options q={q} /> },
        { title: '正确答案', key: 'answer', width: 90, render: (_: unknown, q) => answerText(q) },
        { title: '状态', key: 'enabled', width: 76, render: (_: unknown, q) => stateTag(q) },
        { title: '操作', key: 'actions', width: 116, fixed: 'right', render: (_: unknown, q) => actions(q) },
      ]
    : [
        {
          title: '试题',
          key: 'question',
          render: (_: unknown, q) => (
            <>
              <div className="ptce-bank-tags">
                <span className="ptce-bank-no">第{numberOf.get(q.id)}题</span>
                {typeTag(q)}
                {stateTag(q)}
              </div>
              {stem(q)}
              <Options q={q} />
              <div>正确答案：{answerText(q)}</div>
            </>
          ),
        },
        { title: '操作', key: 'actions', width: 64, fixed: 'right', render: (_: unknown, q) => actions(q) },
      ];

  return (
    <Card
      className="ptce-section"
      styles={{ body: { padding: desktop ? 24 : 12 } }}
      title={`《${course.title}》试题`}
      extra={
        <Button
          type="primary"
          onClick={() => openDialog({ mode: 'create', courseId: course.id, courseTitle: course.title })}
        >
          新增试题
        </Button>
      }
    >
      <div className="ptce-bank-filters" role="search" aria-label="筛选试题">
        <Select<TypeFilter>
          aria-label="题型"
          value={type}
          options={TYPE_FILTERS}
          onChange={(v) => {
            setType(v);
            setPagination((p) => ({ ...p, current: 1 }));
          }}
          style={{ width: 120 }}
        />
        <Select<StateFilter>
          aria-label="状态"
          value={state}
          options={STATE_FILTERS}
          onChange={(v) => {
            setState(v);
            setPagination((p) => ({ ...p, current: 1 }));
          }}
          style={{ width: 120 }}
        />
        <Input
          aria-label="搜索题干"
          placeholder="搜索题干"
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPagination((p) => ({ ...p, current: 1 }));
          }}
          className="ptce-bank-search"
        />
      </div>
      <p className="ptce-muted" aria-live="polite">
        {questions.data
          ? `共 ${rows.length} 题（单选题 ${counts.single}、多选题 ${counts.multiple}、判断题 ${counts.judge}），启用 ${counts.enabled} 题${shown.length !== rows.length ? `；符合条件 ${shown.length} 题` : ''}`
          : questions.isPending
            ? '正在加载试题…'
            : ''}
      </p>
      <ErrorAlert error={questions.error} title="试题加载失败" />
      <Table<QuestionRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={questions.isFetching}
        scroll={{ x: desktop ? 900 : 300 }}
        rowClassName={(q) => (added?.id === q.id ? 'ptce-bank-row-added' : '')}
        pagination={{
          ...pagination,
          total: shown.length,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 题`,
          onChange: (current, pageSize) => setPagination({ current, pageSize }),
        }}
        locale={{
          emptyText: questions.isPending
            ? '正在加载…'
            : rows.length
              ? '没有符合条件的试题'
              : '本课程题库暂无试题，请点击“新增试题”',
        }}
      />
      {dialog && (
        <QuestionModal
          key={dialog.session}
          open={dialog.open}
          target={dialog.target}
          onClose={() => setDialog((d) => d && { ...d, open: false })}
          afterClose={() => setDialog(null)}
          onSaved={(q) => onSaved(q, dialog.target.mode === 'create')}
        />
      )}
    </Card>
  );
}

/** 题库管理 */
export default function QuestionBankPage() {
  const courses = useBankCourses();
  const [params, setParams] = useSearchParams();
  const courseId = Number(params.get('course')) || undefined;
  const course = courses.data?.find((c) => c.id === courseId);

  return (
    <>
      <PageTitle>题库管理</PageTitle>
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
