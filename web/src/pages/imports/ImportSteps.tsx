import { Card, Steps } from 'antd';

/** The three steps of an import page; `result` says what ③ 查看导入结果 offers. */
export function ImportSteps({ step, result }: { step: number; result: string }) {
  return (
    <Card className="ptce-section">
      <Steps
        current={step}
        className="ptce-import-steps"
        items={[
          { title: '下载模板', description: '按提示填写完整' },
          { title: '导入模板', description: '上传填写好的.xlsx' },
          { title: '查看导入结果', description: result },
        ]}
      />
    </Card>
  );
}
