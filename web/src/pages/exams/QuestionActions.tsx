import { Button } from 'antd';
import type { QuestionRow } from '@ptce/contracts';
import { RowActions } from '../../components/list';
import { useUpdateQuestion } from '../../api/exams';
import { useConfirmAction } from '../org/useConfirmAction';

/** 修改 and 停用 / 启用 of the question numbered `no` — stacked on phones. */
export function QuestionActions({
  q,
  no,
  desktop,
  onEdit,
}: {
  q: QuestionRow;
  no: number;
  desktop: boolean;
  onEdit: () => void;
}) {
  const toggle = useUpdateQuestion();
  const confirm = useConfirmAction();

  const askToggle = () =>
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

  return (
    <RowActions desktop={desktop}>
      <Button type="link" size="small" aria-label={`修改 第${no}题`} onClick={onEdit}>
        修改
      </Button>
      <Button
        type="link"
        size="small"
        danger={q.enabled}
        aria-label={`${q.enabled ? '停用' : '启用'} 第${no}题`}
        onClick={askToggle}
      >
        {q.enabled ? '停用' : '启用'}
      </Button>
    </RowActions>
  );
}
