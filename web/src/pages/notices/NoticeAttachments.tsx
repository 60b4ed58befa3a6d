import { Button, List, Modal, Upload, message } from 'antd';
import { NOTICE_ATTACHMENT_EXTENSIONS } from '@ptce/contracts';
import {
  adminAttachmentUrl,
  useAdminNotice,
  useRemoveNoticeAttachment,
  useUploadNoticeAttachment,
} from '../../api/notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileSize } from './format';

const ACCEPT = NOTICE_ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** 附件 of one notice: upload (PDF, Word, Excel, ZIP, JPG, PNG) and delete. */
export function NoticeAttachments({ noticeId, onClose }: { noticeId: number | null; onClose: () => void }) {
  const notice = useAdminNotice(noticeId);
  const upload = useUploadNoticeAttachment();
  const remove = useRemoveNoticeAttachment();
  return (
    <Modal
      open={noticeId !== null}
      title={notice.data ? `附件：${notice.data.title}` : '附件'}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={640}
    >
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        customRequest={({ file }) => {
          if (noticeId === null) return;
          upload.mutate(
            { noticeId, file: file as File },
            { onSuccess: (a) => void message.success(`已上传：${a.fileName}`) },
          );
        }}
      >
        <Button loading={upload.isPending}>上传附件</Button>
      </Upload>
      <p className="ptce-hint">支持PDF、Word、Excel、ZIP、JPG、PNG文件。</p>
      <ErrorAlert error={upload.error ?? remove.error ?? notice.error} />
      <List
        loading={notice.isPending}
        dataSource={notice.data?.attachments ?? []}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="del"
                type="link"
                danger
                size="small"
                aria-label={`删除 ${a.fileName}`}
                loading={remove.isPending && remove.variables?.attachmentId === a.id}
                onClick={() => noticeId !== null && remove.mutate({ noticeId, attachmentId: a.id })}
              >
                删除
              </Button>,
            ]}
          >
            <a href={noticeId === null ? undefined : adminAttachmentUrl(noticeId, a.id)} download={a.fileName}>
              {a.fileName}
            </a>
            <span className="ptce-hint">（{fileSize(a.size)}）</span>
          </List.Item>
        )}
      />
    </Modal>
  );
}
