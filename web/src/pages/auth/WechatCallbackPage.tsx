import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useWechatCallback, useWechatConfig } from '../../api/wechat';
import { OUTSIDE_PAGES } from '../../page-help';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { landingPath } from '../../lib/format';
import { WechatSimBadge } from '../../components/WechatSimBadge';

/**
 * WeChat's redirect after a scan (WECHAT_REDIRECT_URL, /wechat/callback?code=…&state=…): the code and state go
 * to the server once; a bound WeChat is logged in, an unbound one goes on to 绑定. Plain markup, like 登录.
 */
export default function WechatCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const config = useWechatConfig();
  const callback = useWechatCallback();
  const sent = useRef(false);

  useEffect(() => {
    document.title = `扫码登录 - ${SYSTEM_NAME}`;
    // Once: the state is single use, a second request would be refused.
    if (sent.current) return;
    sent.current = true;
    const code = params.get('code') ?? undefined;
    const state = params.get('state') ?? undefined;
    // The code leaves the address bar (and the history) before anything else happens.
    window.history.replaceState(null, '', '/wechat/callback');
    callback.mutate(
      { code, state },
      {
        onSuccess: (out) => {
          if (out.status === 'logged_in') navigate(landingPath(out.me), { replace: true });
          else navigate('/wechat/bind', { replace: true });
        },
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per arrival
  }, []);

  return (
    <AuthFrame
      help={OUTSIDE_PAGES.wechatCallback}
      title={
        <>
          扫码登录
          <WechatSimBadge shown={!!config.data?.simulated} />
        </>
      }
    >
      <div aria-live="assertive">
        {callback.isError ? (
          <>
            <div className="ptce-alert ptce-alert-error">{errorMessage(callback.error)}</div>
            <p>
              <Link to="/login">返回登录</Link>
            </p>
          </>
        ) : (
          <p role="status">
            <span className="ptce-spin ptce-spin-small" aria-hidden="true" /> 正在确认微信登录…
          </p>
        )}
      </div>
    </AuthFrame>
  );
}
