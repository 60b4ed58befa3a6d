import { useState } from 'react';
import { Button } from 'antd';
import type { RecordRow } from '@ptce/contracts';
import { DeleteRecordModal } from './DeleteRecordModal';
import { RecordDetailModal } from './RecordDetail';
import { RecordFormModal } from './RecordFormModal';
import type { RecordSide } from './record-values';

/**
 * 新登记培训, 查看, 修改 and 删除 of the registrations a person ('self') or a unit ('unit') made: `add` opens the empty
 * form, `actions` are a row's links (修改 while it is 待提交 or 已退回), `dialogs` are rendered once on the page.
 */
export function useRecordDialogs({
  side,
  deletable,
  onDeleted,
}: {
  side: RecordSide;
  deletable: (r: RecordRow) => boolean;
  onDeleted: (id: number) => void;
}) {
  const [form, setForm] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const [viewId, setViewId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<RecordRow | null>(null);
  // The unit's records are its people's: the detail and the delete confirmation name the person.
  const showPerson = side === 'unit';

  const actions = (r: RecordRow) => (
    <>
      <Button type="link" size="small" onClick={() => setViewId(r.id)}>
        查看
      </Button>
      {(r.status === 'draft' || r.status === 'rejected') && (
        <Button type="link" size="small" onClick={() => setForm({ open: true, id: r.id })}>
          修改
        </Button>
      )}
      {deletable(r) && (
        <Button type="link" size="small" danger onClick={() => setDeleting(r)}>
          删除
        </Button>
      )}
    </>
  );

  const dialogs = (
    <>
      <RecordFormModal
        open={form.open}
        side={side}
        recordId={form.id}
        onClose={() => setForm({ open: false, id: null })}
      />
      <RecordDetailModal recordId={viewId} showPerson={showPerson} onClose={() => setViewId(null)} />
      <DeleteRecordModal
        record={deleting}
        showPerson={showPerson}
        onClose={() => setDeleting(null)}
        onDeleted={onDeleted}
      />
    </>
  );

  return { add: () => setForm({ open: true, id: null }), actions, dialogs };
}
