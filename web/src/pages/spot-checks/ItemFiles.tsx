import { useRef, useState } from 'react';
import { App, Button, Progress, Space } from 'antd';
import type { SpotCheckFile } from '@ptce/contracts';
import { EVIDENCE_FORMATS_TEXT } from '@ptce/rules';
import { errorMessage } from '../../api/client';
import { spotCheckFileUrl, useUploadSpotCheckFile } from '../../api/spot-checks';

const KIND_LABEL: Record<SpotCheckFile['kind'], string> = { answer: '单位材料', finding: '核查材料' };

/** The files of a sampled record, as download links, and — when `canUpload` — an upload button with progress. */
export function ItemFiles({
  itemId,
  files,
  canUpload,
  label,
}: {
  itemId: number;
  files: SpotCheckFile[];
  canUpload: boolean;
  label: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadSpotCheckFile();
  const [percent, setPercent] = useState<number | null>(null);
  const { message } = App.useApp();
  const pick = (file: File | undefined) => {
    if (!file) return;
    setPercent(0);
    upload.mutate(
      { itemId, file, onProgress: setPercent },
      {
        onSuccess: () => void message.success(`已上传：${file.name}`),
        onError: (e) => void message.error(errorMessage(e)),
        onSettled: () => {
          setPercent(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };
  return (
    <Space orientation="vertical" size={4}>
      {files.map((f) => (
        <a key={f.id} href={spotCheckFileUrl(itemId, f.id)}>
          {KIND_LABEL[f.kind]}：{f.fileName}
        </a>
      ))}
      {canUpload && (
        <>
          <input
            ref={input}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png"
            hidden
            aria-label={`${label}（${EVIDENCE_FORMATS_TEXT}）`}
            onChange={(e) => pick(e.target.files?.[0])}
          />
          <Button size="small" loading={upload.isPending} onClick={() => input.current?.click()}>
            {label}
          </Button>
          {percent !== null && <Progress percent={percent} size="small" style={{ width: 120 }} />}
        </>
      )}
    </Space>
  );
}
