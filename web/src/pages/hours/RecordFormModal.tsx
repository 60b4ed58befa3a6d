import { Modal } from 'antd';
import { useRecord } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { RecordForm } from './RecordForm';
import type { RecordSide } from './record-values';

/**
 * The form in the 新登记培训 pop-up (附件2: 在弹出窗口内根据提示完整填写相关信息). With `recordId` it
 * loads that record first and modifies it (修改).
 */
export function RecordFormModal({
  open,
  side,
  recordId,
  onClose,
}: {
  open: boolean;
  side: RecordSide;
  recordId: number | null;
  onClose: () => void;
}) {
  const detail = useRecord(open ? recordId : null);
  const editing = recordId !== null;
  return (
    <Modal
      title={editing ? '修改培训登记' : '新登记培训'}
      open={open}
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
      maskClosable={false}
      className="ptce-record-modal"
    >
      {!editing ? (
        <RecordForm side={side} onSaved={onClose} onCancel={onClose} />
      ) : detail.isPending ? (
        <PageSpinner />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} title="记录加载失败" />
      ) : (
        <RecordForm side={side} record={detail.data} onSaved={onClose} onCancel={onClose} />
      )}
    </Modal>
  );
}
