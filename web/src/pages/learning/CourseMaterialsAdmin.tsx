import { useRef, useState } from 'react';
import { App, Button, Card, Empty, Input, List, Progress, Space } from 'antd';
import type { MaterialView } from '@ptce/contracts';
import { errorMessage } from '../../api/client';
import { useAdminChapters, useDeleteMaterial, useMaterialUploader } from '../../api/course-admin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirmAction } from '../org/useConfirmAction';
import { fileSizeText, tooLargeText } from './course-admin-format';

const MATERIAL_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.pptx'];

/**
 * 相关资料 of the chosen course (课程管理): the list learners download, 上传资料 (a name, then the file,
 * with its progress) and 删除 behind a confirmation.
 */
export function CourseMaterialsAdmin({ courseId }: { courseId: number }) {
  const data = useAdminChapters(courseId).data;
  const send = useMaterialUploader(courseId);
  const remove = useDeleteMaterial(courseId);
  const confirm = useConfirmAction();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<{ fileName: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  const { materials, upload: limits } = data;

  const pick = async (file: File) => {
    setError(null);
    const name = title.trim() || file.name.replace(/\.[^.]+$/, '');
    if (file.size === 0) return setError('文件为空，请重新选择');
    if (file.size > limits.maxBytes) return setError(tooLargeText(limits.maxBytes));
    setProgress({ fileName: file.name, percent: 0 });
    try {
      await send(name, file, { onProgress: (percent) => setProgress({ fileName: file.name, percent }) });
      setTitle('');
      void message.success(`已上传资料《${name}》`);
    } catch (e) {
      setError(`${file.name}：${errorMessage(e)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card size="small" className="ptce-section" title={<h2 className="ptce-course-admin-heading">相关资料</h2>}>
      <p className="ptce-hint">
        学员在课程页面的“相关资料”中下载。可上传PDF、Word（.docx）、Excel（.xlsx）或PowerPoint（.pptx）文件，单个不超过
        {Math.round(limits.maxBytes / 1024 / 1024)}MB。
      </p>
      <Space wrap>
        <Input
          aria-label="资料名称"
          placeholder="资料名称（不填则用文件名）"
          value={title}
          maxLength={100}
          onChange={(e) => setTitle(e.target.value)}
          style={{ width: 280 }}
          disabled={!!progress}
        />
        <input
          ref={input}
          type="file"
          data-testid="material-file"
          accept={[...MATERIAL_EXTENSIONS, ...limits.types.material].join(',')}
          className="ptce-sr-only"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void pick(file);
          }}
        />
        <Button onClick={() => input.current?.click()} loading={!!progress}>
          上传资料
        </Button>
      </Space>
      <div aria-live="polite">
        {progress && (
          <div style={{ maxWidth: 420, marginTop: 8 }}>
            <Progress percent={progress.percent} size="small" aria-label="资料上传进度" />
            <span className="ptce-muted">正在上传 {progress.fileName}</span>
          </div>
        )}
        {error && <ErrorAlert error={new Error(error)} title="上传失败" />}
      </div>
      <List<MaterialView>
        style={{ marginTop: 8 }}
        dataSource={materials}
        locale={{ emptyText: <Empty description="本课程尚无相关资料" /> }}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Button key="dl" size="small" href={m.url} download={m.fileName} aria-label={`下载 ${m.title}`}>
                下载
              </Button>,
              <Button
                key="rm"
                size="small"
                danger
                aria-label={`删除 ${m.title}`}
                onClick={() =>
                  confirm({
                    title: `删除资料《${m.title}》？`,
                    content: '删除后学员不能再下载该资料。',
                    okText: '删除',
                    danger: true,
                    run: () => remove.mutateAsync(m.id),
                    done: `已删除资料《${m.title}》`,
                    failTitle: '删除失败',
                  })
                }
              >
                删除
              </Button>,
            ]}
          >
            <List.Item.Meta title={m.title} description={`${m.fileName} · ${fileSizeText(m.size)}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
