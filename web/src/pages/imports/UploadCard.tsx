import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Progress, Upload } from 'antd';
import { useUploadImport, type UploadKind } from '../../api/imports';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * ② 导入模板: one .xlsx, 仅导入正确的行 or all-or-nothing, the 承诺 ticked; 开始导入 uploads it
 * and hands the new job's id to `onStarted`.
 */
export function UploadCard({
  file,
  setFile,
  onStarted,
  kind = 'hours-registration',
  allowValidOnly = true,
  target,
  declaration = true,
  title = '② 导入模板',
}: {
  /** The chosen file, kept by the page: its steps show 导入模板 once there is one. */
  file: File | null;
  setFile: (file: File | null) => void;
  onStarted: (jobId: number) => void;
  kind?: UploadKind;
  /** false: all or nothing only (批量导入单位, 导入题库). */
  allowValidOnly?: boolean;
  /** What the kind needs besides the file (导入题库: the course). */
  target?: Record<string, string | number>;
  /** false: no 本人承诺 to tick (the training centre's own question bank). */
  declaration?: boolean;
  title?: string;
}) {
  const upload = useUploadImport(kind, target);
  const [validOnly, setValidOnly] = useState(false);
  const [ticked, setDeclared] = useState(false);
  const declared = ticked || !declaration;
  const [uploadPercent, setUploadPercent] = useState(0);

  const start = async () => {
    if (!file) return;
    setUploadPercent(0);
    try {
      const created = await upload.mutateAsync({
        file,
        mode: validOnly && allowValidOnly ? 'valid_only' : 'all',
        onProgress: setUploadPercent,
      });
      onStarted(created.id);
      setFile(null);
    } catch {
      /* shown below */
    }
  };

  return (
    <Card className="ptce-section" title={title}>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(f) => {
          setFile(f);
          upload.reset();
          return false;
        }}
        onRemove={() => setFile(null)}
        disabled={upload.isPending}
      >
        <p className="ptce-import-drop">点击或将填写好的模板拖到此处</p>
        <p className="ptce-hint">仅支持.xlsx（Excel工作簿）文件，不能设置打开密码</p>
      </Upload.Dragger>
      <Flex vertical gap={8} className="ptce-import-options">
        {allowValidOnly ? (
          <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
            仅导入正确的行（不勾选时，文件中有任何一行错误，整个文件都不导入）
          </Checkbox>
        ) : (
          <span className="ptce-hint">文件中有任何一行错误，整个文件都不导入。</span>
        )}
        {declaration && (
          <Checkbox checked={ticked} onChange={(e) => setDeclared(e.target.checked)}>
            本人承诺导入信息属实
          </Checkbox>
        )}
      </Flex>
      {upload.isPending && <Progress percent={uploadPercent} size="small" aria-label="上传进度" />}
      <ErrorAlert error={upload.error} title="文件未导入" />
      <Button type="primary" disabled={!file || !declared} loading={upload.isPending} onClick={() => void start()}>
        开始导入
      </Button>
    </Card>
  );
}
