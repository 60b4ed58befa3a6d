import { errorMessage } from '../../api/client';
import { useWechatConfig, useWechatStart } from '../../api/wechat';
import { WechatSimBadge } from '../../components/WechatSimBadge';

/**
 * The 扫码登录 dialog's content (plain markup, 登录 has no antd): the notice's steps and the way to WeChat's
 * QR-connect page, or why there is none (not configured).
 */
export function WechatQrLogin({ open }: { open: boolean }) {
  const config = useWechatConfig(open);
  const start = useWechatStart();

  if (config.isPending) {
    return (
      <p role="status" aria-live="polite">
        <span className="ptce-spin ptce-spin-small" aria-hidden="true" /> 正在读取扫码登录设置…
      </p>
    );
  }
  if (config.isError) return <div className="ptce-alert ptce-alert-error">{errorMessage(config.error)}</div>;
  if (!config.data.enabled) {
    return (
      <div className="ptce-alert ptce-alert-info" role="status">
        微信扫码登录未配置，请使用用户名和密码登录。
      </div>
    );
  }
  const simulated = config.data.simulated;
  return (
    <>
      {simulated && (
        <p className="ptce-alert ptce-alert-info">
          <WechatSimBadge shown /> 当前为演示环境，扫码页面由本地模拟，不连接真实微信。
        </p>
      )}
      <ol className="ptce-steps">
        <li>点击【微信扫码】，打开微信登录页面；</li>
        <li>用微信扫描二维码；</li>
        <li>在微信中确认登录；</li>
        <li>首次扫码：输入身份证号码和密码，点击【绑定】；以后扫码即可直接登录。</li>
      </ol>
      <p className="ptce-hint">单位账号不能绑定微信。</p>
      <div aria-live="assertive">
        {start.isError && <div className="ptce-alert ptce-alert-error">{errorMessage(start.error)}</div>}
      </div>
      <button
        type="button"
        className="ptce-btn ptce-btn-primary ptce-btn-block"
        disabled={start.isPending || start.isSuccess}
        aria-busy={start.isPending || start.isSuccess || undefined}
        onClick={() => start.mutate(undefined, { onSuccess: ({ url }) => window.location.assign(url) })}
      >
        {(start.isPending || start.isSuccess) && <span className="ptce-spin ptce-spin-small" aria-hidden="true" />}
        微信扫码
      </button>
    </>
  );
}
