import { Modal } from 'antd';
import type { useChapterUploads } from './chapter-uploads';

/** Asked when the operator leaves the page inside the app while a file is still uploading. */
export function LeaveWhileUploading({
  blocker,
  running,
}: {
  blocker: ReturnType<typeof useChapterUploads>['blocker'];
  running: number;
}) {
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title="文件正在上传"
      okText="离开并取消上传"
      okButtonProps={{ danger: true }}
      cancelText="留在本页"
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>还有{running}个章节文件正在上传。离开本页将取消上传，已传输的部分不会保存。</p>
    </Modal>
  );
}
