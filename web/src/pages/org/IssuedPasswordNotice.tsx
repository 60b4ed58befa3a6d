import { Typography } from 'antd';
import type { IssuedPassword } from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';

/**
 * A password the owner did not choose (a new 单位账号's, a reset's), shown once: the server keeps only
 * its hash, so closing the dialog loses it — the operator or admin passes it on now.
 */
export function IssuedPasswordNotice({ issued, lead }: { issued: IssuedPassword; lead: string }) {
  return (
    <div className="ptce-issued-password">
      <p>{lead}</p>
      <p>
        用户名：
        <Typography.Text copyable strong>
          {issued.username}
        </Typography.Text>
      </p>
      <p>
        密码：
        <Typography.Text copyable strong code data-testid="issued-password">
          {issued.password}
        </Typography.Text>
      </p>
      <p>有效期至 {formatDateTime(issued.expiresAt)}，首次登录须修改密码；逾期未使用须重新生成。</p>
      <Typography.Text type="warning">此密码只显示这一次，关闭后无法再次查看，请立即告知本人。</Typography.Text>
    </div>
  );
}
