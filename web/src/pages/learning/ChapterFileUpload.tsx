import { useRef } from 'react';
import { Button, Progress, Tag } from 'antd';
import type { AdminChapterRow, AdminCourseChapters } from '@ptce/contracts';
import type { ChapterUpload } from './chapter-uploads';
import { acceptOf, fileSizeText } from './course-admin-format';

/** A PDF or video chapter's file: what is stored, or that it is still missing. */
export function ChapterFileState({ chapter }: { chapter: AdminChapterRow }) {
  if (chapter.kind === 'text') return <span className="ptce-muted">正文 {chapter.textLength ?? 0} 字</span>;
  if (!chapter.file) return <Tag color="warning">未上传</Tag>;
  return (
    <span className="ptce-chapter-file">
      <Tag color="success">已上传</Tag>
      <span className="ptce-chapter-file-name">{chapter.file.name}</span>
      <span className="ptce-muted"> · {fileSizeText(chapter.file.size)}</span>
    </span>
  );
}

/**
 * 上传PDF / 上传视频 / 重新上传 for one chapter: a file picker, then the upload's progress with
 * 取消上传, and the server's reason when it refuses the file.
 */
export function ChapterFileUpload({
  chapter,
  limits,
  upload,
  onPick,
  onCancel,
  onDismiss,
}: {
  chapter: AdminChapterRow;
  limits: AdminCourseChapters['upload'];
  upload: ChapterUpload | undefined;
  onPick: (file: File) => void;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  if (chapter.kind === 'text') return null;
  const what = chapter.kind === 'pdf' ? 'PDF' : '视频';
  const uploading = upload?.status === 'uploading';

  return (
    <div className="ptce-chapter-upload">
      <input
        ref={input}
        type="file"
        accept={acceptOf(chapter.kind, limits.types[chapter.kind])}
        className="ptce-sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onPick(file);
        }}
      />
      {uploading ? (
        <div className="ptce-chapter-upload-progress">
          <Progress percent={upload.percent} size="small" aria-label={`${chapter.title} 上传进度`} />
          <span className="ptce-muted">
            正在上传 {upload.fileName}（{fileSizeText(upload.size)}）
          </span>
          <Button size="small" onClick={onCancel}>
            取消上传<span className="ptce-sr-only">：{chapter.title}</span>
          </Button>
        </div>
      ) : (
        <Button size="small" onClick={() => input.current?.click()}>
          {chapter.file ? '重新上传' : `上传${what}`}
          <span className="ptce-sr-only">：{chapter.title}</span>
        </Button>
      )}
      <div aria-live="polite">
        {upload?.status === 'failed' && (
          <div className="ptce-chapter-upload-error">
            <span>
              {upload.fileName}：{upload.error}
            </span>
            <Button type="link" size="small" onClick={onDismiss}>
              知道了<span className="ptce-sr-only">（关闭《{chapter.title}》的上传提示）</span>
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
