import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Progress, Upload } from 'antd';
import { useUploadHoursImport } from '../../api/imports';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * ② 导入模板: one .xlsx, 仅导入正确的行 or all-or-nothing, the 承诺 ticked; 开始导入 uploads it
 * and hands the new job's id to `onStarted`.
 */
export function UploadCard({
  file,
  setFile,
  onStarted,
}: {
  /** The chosen file, kept by the page: its steps show 导入模板 once there is one. */
  file: File | null;
  setFile: (file: File | null) => void;
  onStarted: (jobId: number) => void;
}) {
  const upload = useUploadHoursImport();
  const [validOnly, setValidOnly] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [uploadPercent, setUploadPercent] = useState(0);

  const start = async () => {
    if (!file) return;
    setUploadPercent(0);
    try {
      const created = await upload.mutateAsync({
        file,
        mode: validOnly ? 'valid_only' : 'all',
        onProgress: setUploadPercent,
      });
      onStarted(created.id);
      setFile(null);
    } catch {
      /* shown below */
    }
  };

  return (
    <Card className="ptce-section" title="② 导入模板">
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
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
          仅导入正确的行（不勾选时，文件中有任何一行错误，整个文件都不导入）
        </Checkbox>
        <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)}>
          本人承诺导入信息属实
        </Checkbox>
      </Flex>
      {upload.isPending && <Progress percent={uploadPercent} size="small" aria-label="上传进度" />}
      <ErrorAlert error={upload.error} title="文件未导入" />
      <Button type="primary" disabled={!file || !declared} loading={upload.isPending} onClick={() => void start()}>
        开始导入
      </Button>
    </Card>
  );
}
