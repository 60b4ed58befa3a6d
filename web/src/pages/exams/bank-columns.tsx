import type { ReactNode } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import { QUESTION_TYPE_LABEL, type QuestionRow } from '@ptce/contracts';
import { answerText } from './question-format';
import { QuestionOptions } from './QuestionOptions';

const typeTag = (q: QuestionRow) => <Tag>{QUESTION_TYPE_LABEL[q.type]}</Tag>;
const stateTag = (q: QuestionRow) => (q.enabled ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>);
const stem = (q: QuestionRow) => (
  <>
    <div className="ptce-bank-stem">{q.stem}</div>
    {q.explanation && <div className="ptce-muted ptce-bank-explanation">解析：{q.explanation}</div>}
  </>
);

/** A phone gets one column holding the whole question, so the stem is not squeezed to a few characters. */
export function bankColumns({
  desktop,
  numberOf,
  actions,
}: {
  desktop: boolean;
  /** 第几题 in the bank's own order. */
  numberOf: Map<number, number>;
  actions: (q: QuestionRow) => ReactNode;
}): TableColumnsType<QuestionRow> {
  return desktop
    ? [
        { title: '序号', key: 'no', width: 60, render: (_: unknown, q) => numberOf.get(q.id) },
        { title: '题型', key: 'type', width: 84, render: (_: unknown, q) => typeTag(q) },
        { title: '题干', key: 'stem', render: (_: unknown, q) => stem(q) },
        { title: '选项', key: 'options', width: 260, render: (_: unknown, q) => <QuestionOptions q={q} /> },
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
              <QuestionOptions q={q} />
              <div>正确答案：{answerText(q)}</div>
            </>
          ),
        },
        { title: '操作', key: 'actions', width: 64, fixed: 'right', render: (_: unknown, q) => actions(q) },
      ];
}
