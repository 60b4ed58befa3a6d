import { Alert, App, Button } from 'antd';
import type { ImportJob } from '@ptce/contracts';
import { errorMessage } from '../../api/client';
import { useTakeCredentials } from '../../api/imports';
import { formatDateTime } from '../../lib/format';

/**
 * The new accounts' initial passwords of an import (批量导入单位): one download, only for the importer,
 * before it expires; afterwards the server keeps only the passwords' hashes.
 */
export function CredentialsDownload({ job }: { job: ImportJob }) {
  const { modal, message } = App.useApp();
  const take = useTakeCredentials();
  const expires = job.credentialsExpireAt ? formatDateTime(job.credentialsExpireAt) : '';

  if (job.credentials === 'taken')
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="新单位账号的初始密码清单已下载（只能下载一次）"
        description="如有遗失，请在单位管理中对该单位点击“重新生成初始密码”。"
      />
    );
  if (job.credentials === 'expired')
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="初始密码清单已过期，已删除"
        description="请在单位管理中为需要的单位“重新生成初始密码”。"
      />
    );

  const download = () =>
    modal.confirm({
      title: '下载新单位账号初始密码',
      content: '清单只能下载一次，下载后服务器不再保存初始密码。请妥善保管文件，并告知各单位首次登录后修改密码。',
      okText: '下载',
      cancelText: '取消',
      onOk: async () => {
        try {
          await take.mutateAsync(job.id);
          void message.success('已下载初始密码清单');
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });

  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={`已为${job.importedRows}个单位创建单位账号（用户名为统一社会信用代码）`}
      description={
        <>
          <p>初始密码随机生成，7日内有效，首次登录须修改。清单只能下载一次{expires && `，请在${expires}前下载`}。</p>
          <Button type="primary" onClick={download} loading={take.isPending}>
            下载账号和初始密码（仅一次）
          </Button>
        </>
      }
    />
  );
}
