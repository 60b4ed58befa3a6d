// 证明材料 of a record: the files already stored (download, 删除) and the files chosen in this form,
// which are uploaded when the record is saved (a new record has no id to attach them to before).
import { useRef, useState } from 'react';
import { Button, Progress } from 'antd';
import type { EvidenceFile } from '@ptce/contracts';
import {
  EVIDENCE_FORMATS_TEXT,
  EVIDENCE_RULE_TEXT,
  evidenceMessages,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
} from '@ptce/rules';
import { evidenceUrl } from '../../api/hours';

export { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES };
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ALLOWED = /\.(pdf|jpe?g|png)$/i;

export interface StagedFile {
  uid: string;
  file: File;
  status: 'staged' | 'uploading' | 'failed';
  percent: number;
  error?: string;
}

export function stageFile(file: File): StagedFile {
  return { uid: `${Date.now()}-${Math.random().toString(36).slice(2)}`, file, status: 'staged', percent: 0 };
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function EvidenceField({
  id,
  existing,
  staged,
  onStage,
  onUnstage,
  onRemoveExisting,
  removingId,
  busy,
}: {
  id: string;
  existing: EvidenceFile[];
  staged: StagedFile[];
  onStage: (files: StagedFile[]) => void;
  onUnstage: (uid: string) => void;
  onRemoveExisting?: (e: EvidenceFile) => void;
  removingId?: number | null;
  busy: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const room = MAX_EVIDENCE_FILES - existing.length - staged.length;

  const choose = (list: FileList | null) => {
    if (!list) return;
    const ok: StagedFile[] = [];
    const bad: string[] = [];
    let left = room;
    for (const f of Array.from(list)) {
      // The server checks the content itself; this only saves a pointless upload.
      if (!ALLOWED.test(f.name)) bad.push(`${f.name}：只支持${EVIDENCE_FORMATS_TEXT}格式的文件`);
      else if (f.size === 0) bad.push(`${f.name}：文件为空`);
      else if (f.size > MAX_EVIDENCE_BYTES)
        bad.push(`${f.name}：文件大小${sizeText(f.size)}，超过${MAX_EVIDENCE_BYTES / 1024 / 1024}MB`);
      else if (left <= 0) bad.push(`${f.name}：${evidenceMessages.tooMany()}`);
      else {
        ok.push(stageFile(f));
        left -= 1;
      }
    }
    setRefusals(bad);
    if (ok.length) onStage(ok);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="ptce-evidence">
      <input
        ref={input}
        id={id}
        type="file"
        accept={ACCEPT}
        multiple
        className="ptce-sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => choose(e.target.files)}
      />
      <Button onClick={() => input.current?.click()} disabled={busy || room <= 0} aria-describedby={`${id}-hint`}>
        选择文件
      </Button>
      <span id={`${id}-hint`} className="ptce-evidence-hint">
        {EVIDENCE_RULE_TEXT}；保存时上传
      </span>
      {(existing.length > 0 || staged.length > 0) && (
        <ul className="ptce-evidence-list" aria-label="证明材料">
          {existing.map((e) => (
            <li key={`e${e.id}`}>
              <a href={evidenceUrl(e.id)} target="_blank" rel="noopener noreferrer">
                {e.fileName}
              </a>
              <span className="ptce-evidence-meta">{sizeText(e.size)}</span>
              {onRemoveExisting && (
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={busy}
                  loading={removingId === e.id}
                  onClick={() => onRemoveExisting(e)}
                  aria-label={`删除证明材料 ${e.fileName}`}
                >
                  删除
                </Button>
              )}
            </li>
          ))}
          {staged.map((s) => (
            <li key={s.uid}>
              <span>{s.file.name}</span>
              <span className="ptce-evidence-meta">
                {sizeText(s.file.size)} ·{' '}
                {s.status === 'uploading' ? '上传中' : s.status === 'failed' ? '上传失败' : '待上传'}
              </span>
              {s.status === 'uploading' ? (
                <Progress
                  percent={s.percent}
                  size="small"
                  className="ptce-evidence-progress"
                  aria-label={`${s.file.name} 上传进度`}
                />
              ) : (
                <Button
                  type="link"
                  size="small"
                  disabled={busy}
                  onClick={() => onUnstage(s.uid)}
                  aria-label={`移除 ${s.file.name}`}
                >
                  移除
                </Button>
              )}
              {s.error && <div className="ptce-evidence-error">{s.error}</div>}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {refusals.length > 0 && (
          <ul className="ptce-evidence-refusals">
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
