import { Alert, Typography } from 'antd';
import type { IntegrationSecret } from '@ptce/contracts';

/** The key id and secret, shown once after 新增 or 更换密钥. */
export function SecretNotice({ secret, onClose }: { secret: IntegrationSecret; onClose: () => void }) {
  return (
    <Alert
      className="ptce-section"
      type="warning"
      showIcon
      closable
      onClose={onClose}
      message="请立即保存密钥：密钥只显示这一次，关闭后无法再次查看"
      description={
        <div data-testid="integration-secret">
          <div>
            密钥编号（Key ID）：
            <Typography.Text copyable code>
              {secret.keyId}
            </Typography.Text>
          </div>
          <div>
            密钥（Secret）：
            <Typography.Text copyable code>
              {secret.secret}
            </Typography.Text>
          </div>
          {secret.previousKeyExpiresAt && (
            <div>
              原密钥在 {new Date(secret.previousKeyExpiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}{' '}
              前仍然有效。
            </div>
          )}
          <div>签名方法、错误码和示例见接口文档 docs/INTEGRATION.md。</div>
        </div>
      }
    />
  );
}
