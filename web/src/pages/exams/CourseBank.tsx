import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Card, Input, Select } from 'antd';
import type { BankCourseRow, QuestionRow } from '@ptce/contracts';
import { useBankQuestions } from '../../api/exams';
import { ListTable, derivedResult } from '../../components/list';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { bankColumns } from './bank-columns';
import { matches, STATE_FILTERS, TYPE_FILTERS, type StateFilter, type TypeFilter } from './bank-filters';
import { QuestionActions } from './QuestionActions';
import { QuestionModal, type QuestionDialogTarget } from './QuestionForm';

/** The questions of one course: filters, the table, and the dialog for 新增试题 / 修改. */
export function CourseBank({ course }: { course: BankCourseRow }) {
  const questions = useBankQuestions(course.id);
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [type, setType] = useState<TypeFilter>('all');
  const [state, setState] = useState<StateFilter>('all');
  const [search, setSearch] = useState('');
  const text = useDeferredValue(search.trim().toLowerCase());
  const [pagination, setPagination] = useState({ current: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ open: boolean; target: QuestionDialogTarget; session: number } | null>(null);
  const openDialog = (target: QuestionDialogTarget) =>
    setDialog((d) => ({ open: true, target, session: (d?.session ?? 0) + 1 }));
  /** The question just added: marked until the next one; `follow` shows its page until the user pages or filters. */
  const [added, setAdded] = useState<{ id: number; follow: boolean } | null>(null);

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

  // The page of the question just added, once it is in the list.
  const addedAt = added?.follow ? shown.findIndex((q) => q.id === added.id) : -1;
  const page = addedAt >= 0 ? Math.floor(addedAt / pagination.pageSize) + 1 : pagination.current;
  const goTo = (current: number, pageSize: number) => {
    setPagination({ current, pageSize });
    setAdded((a) => a && { ...a, follow: false });
  };

  const onSaved = (q: QuestionRow, created: boolean) => {
    if (!created) return;
    if (!matches(q, type, state, text)) {
      setType('all');
      setState('all');
      setSearch('');
    }
    setAdded({ id: q.id, follow: true });
  };

  const columns = bankColumns({
    desktop,
    numberOf,
    actions: (q) => {
      const no = numberOf.get(q.id) ?? 0;
      return (
        <QuestionActions q={q} no={no} desktop={desktop} onEdit={() => openDialog({ mode: 'edit', question: q, no })} />
      );
    },
  });

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
            goTo(1, pagination.pageSize);
          }}
          style={{ width: 120 }}
        />
        <Select<StateFilter>
          aria-label="状态"
          value={state}
          options={STATE_FILTERS}
          onChange={(v) => {
            setState(v);
            goTo(1, pagination.pageSize);
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
            goTo(1, pagination.pageSize);
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
      <ListTable<QuestionRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={derivedResult(questions, shown)}
        errorTitle="试题加载失败"
        empty={rows.length ? '没有符合条件的试题' : '本课程题库暂无试题，请点击“新增试题”'}
        scroll={{ x: desktop ? 900 : 300 }}
        // A phone gets a one-column table holding the whole question, not cards.
        card={false}
        rowClassName={(q) => (added?.id === q.id ? 'ptce-bank-row-added' : '')}
        paging={{
          page,
          pageSize: pagination.pageSize,
          onChange: (p) => goTo(p.page, p.pageSize),
          pageSizes: [10, 20, 50, 100],
          totalText: (n) => `共 ${n} 题`,
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
