import { UNIT_ACCOUNT_CANNOT_BIND } from '@ptce/contracts';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, isApiError } from '../../api/client';
import { useWechatBind, useWechatConfig, useWechatPending } from '../../api/wechat';
import { OUTSIDE_PAGES } from '../../page-help';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { formatDateTime, landingPath } from '../../lib/format';
import { LoginCaptcha } from './LoginCaptcha';
import { WechatSimBadge } from '../../components/WechatSimBadge';

const FORM = 'wechat-bind';
type Field = 'idNumber' | 'password' | 'captcha';
const REQUIRED: Record<Field, string> = {
  idNumber: '请输入身份证号码',
  password: '请输入密码',
  captcha: '请输入图形验证码',
};

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
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaAnswer, setCaptchaAnswer] = useState('');
  const idRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const onCaptchaId = useCallback((v: string) => setCaptchaId(v), []);
  const onAnswer = useCallback((v: string) => setCaptchaAnswer(v), []);

  useEffect(() => {
    document.title = `绑定微信 - ${SYSTEM_NAME}`;
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!idNumber.trim()) missing.idNumber = REQUIRED.idNumber;
    if (!password) missing.password = REQUIRED.password;
    if (captchaShown && !captchaAnswer.trim()) missing.captcha = REQUIRED.captcha;
    setInvalid(missing);
    if (missing.idNumber) return idRef.current?.focus();
    if (missing.password) return passwordRef.current?.focus();
    if (missing.captcha) return document.getElementById(`${FORM}_captchaAnswer`)?.focus();
    bind.mutate(
      {
        idNumber: idNumber.trim(),
        password,
        ...(captchaShown ? { captchaId, captchaAnswer: captchaAnswer.trim() } : {}),
      },
      {
        onSuccess: ({ me }) => navigate(landingPath(me), { replace: true }),
        onError: (err) => {
          if (isApiError(err) && (err.code === 'CAPTCHA_REQUIRED' || err.code === 'CAPTCHA_INVALID') && !captchaShown)
            setCaptchaShown(true);
          else if (captchaShown) setCaptchaKey((k) => k + 1);
        },
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
        <div className="ptce-field">
          <label htmlFor={`${FORM}_idNumber`} className="ptce-field-label">
            身份证号码
          </label>
          <input
            ref={idRef}
            id={`${FORM}_idNumber`}
            className="ptce-input"
            value={idNumber}
            onChange={(e) => setIdNumber(e.target.value)}
            autoComplete="username"
            autoFocus
            maxLength={64}
            aria-invalid={invalid.idNumber ? true : undefined}
            aria-describedby={invalid.idNumber ? `${FORM}_idNumber_error` : undefined}
          />
          {invalid.idNumber && (
            <div id={`${FORM}_idNumber_error`} className="ptce-field-error">
              {invalid.idNumber}
            </div>
          )}
        </div>
        <div className="ptce-field">
          <label htmlFor={`${FORM}_password`} className="ptce-field-label">
            密码
          </label>
          <input
            ref={passwordRef}
            id={`${FORM}_password`}
            className="ptce-input"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            maxLength={128}
            aria-invalid={invalid.password ? true : undefined}
            aria-describedby={invalid.password ? `${FORM}_password_error` : undefined}
          />
          {invalid.password && (
            <div id={`${FORM}_password_error`} className="ptce-field-error">
              {invalid.password}
            </div>
          )}
        </div>
        {captchaShown && (
          <LoginCaptcha
            formName={FORM}
            refreshKey={captchaKey}
            answer={captchaAnswer}
            onAnswer={onAnswer}
            onCaptchaId={onCaptchaId}
            invalid={invalid.captcha ?? null}
          />
        )}
        <div aria-live="assertive" aria-atomic="true">
          {refusal && <div className="ptce-alert ptce-alert-error">{errorMessage(refusal)}</div>}
        </div>
        <button
          type="submit"
          className="ptce-btn ptce-btn-primary ptce-btn-large ptce-btn-block"
          disabled={bind.isPending}
          aria-busy={bind.isPending || undefined}
        >
          {bind.isPending && <span className="ptce-spin ptce-spin-small" aria-hidden="true" />}
          绑定
        </button>
      </form>
      <p>
        <Link to="/login">返回登录</Link>
      </p>
    </AuthFrame>
  );
}
