import { UNIT_ACCOUNT_CANNOT_BIND } from '@ptce/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, isApiError } from '../../api/client';
import { useWechatBind, useWechatConfig, useWechatPending } from '../../api/wechat';
import { OUTSIDE_PAGES } from '../../page-help';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { formatDateTime, landingPath } from '../../lib/format';
import { PlainField, PlainSubmit } from './PlainField';
import { useLoginCaptcha } from './useLoginCaptcha';
import { useRequiredFields } from './useRequiredFields';
import { WechatSimBadge } from '../../components/WechatSimBadge';

const FORM = 'wechat-bind';
/**
 * 绑定 (附件1 二(一) step 4): the WeChat just scanned is not bound yet; the person's ID number and password (and the
 * 图形验证码 when the login asks for it) bind it and log in. Plain markup, like 登录.
 */
export default function WechatBindPage() {
  const navigate = useNavigate();
  const config = useWechatConfig();
  const pending = useWechatPending();
  const bind = useWechatBind();
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const { invalid, check } = useRequiredFields<'idNumber' | 'password' | 'captcha'>();
  const captcha = useLoginCaptcha(FORM);
  const idRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `绑定微信 - ${SYSTEM_NAME}`;
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = check([
      { name: 'idNumber', empty: !idNumber.trim(), reason: '请输入身份证号码', focus: () => idRef.current?.focus() },
      { name: 'password', empty: !password, reason: '请输入密码', focus: () => passwordRef.current?.focus() },
      { name: 'captcha', empty: captcha.unanswered, reason: '请输入图形验证码', focus: captcha.focus },
    ]);
    if (!filled) return;
    bind.mutate(
      {
        idNumber: idNumber.trim(),
        password,
        ...captcha.body,
      },
      {
        onSuccess: ({ me }) => navigate(landingPath(me), { replace: true }),
        onError: captcha.refused,
      },
    );
  };

  const title = (
    <>
      绑定微信
      <WechatSimBadge shown={!!config.data?.simulated} />
    </>
  );

  if (pending.isPending)
    return (
      <AuthFrame title={title} help={OUTSIDE_PAGES.wechatBind}>
        <p role="status">
          <span className="ptce-spin ptce-spin-small" aria-hidden="true" /> 正在读取扫码结果…
        </p>
      </AuthFrame>
    );
  const scanExpired = isApiError(bind.error) && bind.error.code === 'WECHAT_BIND_EXPIRED';
  if (pending.isError || scanExpired)
    return (
      <AuthFrame title={title} help={OUTSIDE_PAGES.wechatBind}>
        <div className="ptce-alert ptce-alert-error" role="alert">
          {errorMessage(bind.error ?? pending.error)}
        </div>
        <p>
          <Link to="/login">返回登录</Link>，重新点击【扫码登录】。
        </p>
      </AuthFrame>
    );

  // A 503 is shown by the app-wide banner.
  const refusal = isApiError(bind.error) && bind.error.status === 503 ? null : bind.error;
  return (
    <AuthFrame title={title} help={OUTSIDE_PAGES.wechatBind}>
      <p>
        微信{pending.data.nickname ? `「${pending.data.nickname}」` : ''}
        尚未绑定账号。请输入您的身份证号码和密码，点击【绑定】；绑定后扫码即可直接登录。
      </p>
      <p className="ptce-hint">
        请在 {formatDateTime(pending.data.expiresAt)} 前完成绑定。{UNIT_ACCOUNT_CANNOT_BIND}。
      </p>
      <form name={FORM} id={FORM} className="ptce-form" noValidate onSubmit={submit}>
        <PlainField
          inputRef={idRef}
          id={`${FORM}_idNumber`}
          label="身份证号码"
          error={invalid.idNumber}
          value={idNumber}
          onChange={(e) => setIdNumber(e.target.value)}
          autoComplete="username"
          autoFocus
          maxLength={64}
        />
        <PlainField
          inputRef={passwordRef}
          id={`${FORM}_password`}
          label="密码"
          error={invalid.password}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={128}
        />
        {captcha.field(invalid.captcha)}
        <div aria-live="assertive" aria-atomic="true">
          {refusal && <div className="ptce-alert ptce-alert-error">{errorMessage(refusal)}</div>}
        </div>
        <PlainSubmit pending={bind.isPending}>绑定</PlainSubmit>
      </form>
      <p>
        <Link to="/login">返回登录</Link>
      </p>
    </AuthFrame>
  );
}
