import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { LoginRealm } from '@ptce/contracts';
import { HELP_DESK } from '@ptce/rules';
import { useLogin, useMe } from '../../api/auth';
import { errorMessage, isApiError } from '../../api/client';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { landingPath, safeNext } from '../../lib/format';
import { OUTSIDE_PAGES } from '../../page-help';
import { LoginNotices } from '../notices/LoginNotices';
import { LoginCaptcha } from './LoginCaptcha';
import { LoginTabs } from './LoginTabs';
import { WechatQrLogin } from './WechatQrLogin';

// 登录 is the first page of nearly every visit: it is drawn with plain markup and CSS, so it needs React and this
// file only. antd and the centre are fetched once the visitor starts typing (see warmUp).

const REALMS: { key: LoginRealm; label: string; placeholder: string }[] = [
  { key: 'person', label: '专业技术人员', placeholder: '身份证号码' },
  { key: 'unit', label: '单位管理员', placeholder: '身份证号码或统一社会信用代码' },
  { key: 'authority', label: '管理部门', placeholder: '用户名' },
];

function isRealm(s: string | null): s is LoginRealm {
  return REALMS.some((r) => r.key === s);
}

/** Refusals after which the form shows (or redraws) the 图形验证码. */
const CAPTCHA_CODES = new Set(['CAPTCHA_REQUIRED', 'CAPTCHA_INVALID']);

/** The same limits as the API's LoginRequest (a longer value could never be a valid account). */
const USERNAME_MAX = 64;
const PASSWORD_MAX = 128;

let warmed = false;
/** Starts downloading what comes after 登录 (antd's shell and the centre layout), once. */
function warmUp() {
  if (warmed) return;
  warmed = true;
  void import('../../components/AntdShell');
  void import('../../layout/CenterLayout');
}

type Field = 'username' | 'password' | 'captcha';
const REQUIRED: Record<Field, string> = {
  username: '请输入用户名',
  password: '请输入密码',
  captcha: '请输入图形验证码',
};

function LoginForm({
  realm,
  initialUsername,
  focusFirst,
  onQrLogin,
}: {
  realm: LoginRealm;
  initialUsername: string;
  /** On arrival the cursor goes to the first empty field; after a tab change it stays on the tab. */
  focusFirst: boolean;
  onQrLogin: () => void;
}) {
  const formName = `login-${realm}`;
  const login = useLogin();
  const placeholder = REALMS.find((r) => r.key === realm)!.placeholder;
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The captcha appears once the server asks for it (after failures, or for an initial password) and
  // stays; each refused submission used it up, so a new one is drawn.
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaAnswer, setCaptchaAnswer] = useState('');

  const edited = () => {
    warmUp();
    if (login.isError) login.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!username.trim()) missing.username = REQUIRED.username;
    if (!password) missing.password = REQUIRED.password;
    if (captchaShown && !captchaAnswer.trim()) missing.captcha = REQUIRED.captcha;
    setInvalid(missing);
    if (missing.username) return usernameRef.current?.focus();
    if (missing.password) return passwordRef.current?.focus();
    if (missing.captcha) return document.getElementById(`${formName}_captchaAnswer`)?.focus();
    warmUp();
    login.mutate(
      {
        username: username.trim(),
        password,
        realm,
        ...(captchaShown ? { captchaId, captchaAnswer: captchaAnswer.trim() } : {}),
      },
      {
        onError: (err) => {
          if (isApiError(err) && CAPTCHA_CODES.has(err.code) && !captchaShown) setCaptchaShown(true);
          else if (captchaShown) setCaptchaKey((k) => k + 1);
        },
      },
    );
  };

  const error = login.error && !(isApiError(login.error) && login.error.status === 503) ? login.error : null;
  const delayed = isApiError(error) && error.code === 'LOGIN_DELAYED';

  return (
    <form name={formName} id={formName} className="ptce-form" noValidate onSubmit={submit}>
      <div className="ptce-field">
        <label htmlFor={`${formName}_username`} className="ptce-field-label">
          用户名
        </label>
        <input
          ref={usernameRef}
          id={`${formName}_username`}
          className="ptce-input"
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
            edited();
          }}
          placeholder={placeholder}
          autoComplete="username"
          autoFocus={focusFirst && !initialUsername}
          maxLength={USERNAME_MAX}
          aria-invalid={invalid.username ? true : undefined}
          aria-describedby={invalid.username ? `${formName}_username_error` : undefined}
        />
        {invalid.username && (
          <div id={`${formName}_username_error`} className="ptce-field-error">
            {invalid.username}
          </div>
        )}
      </div>
      <div className="ptce-field">
        <label htmlFor={`${formName}_password`} className="ptce-field-label">
          密码
        </label>
        <div className="ptce-input-affix">
          <input
            ref={passwordRef}
            id={`${formName}_password`}
            className="ptce-input"
            type={showPassword ? 'text' : 'password'}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              edited();
            }}
            placeholder="密码"
            autoComplete="current-password"
            autoFocus={focusFirst && !!initialUsername}
            maxLength={PASSWORD_MAX}
            aria-invalid={invalid.password ? true : undefined}
            aria-describedby={invalid.password ? `${formName}_password_error` : undefined}
          />
          <button
            type="button"
            className="ptce-input-toggle"
            aria-label="显示明文"
            aria-pressed={showPassword}
            onClick={() => setShowPassword((v) => !v)}
          >
            {showPassword ? '隐藏' : '显示'}
          </button>
        </div>
        {invalid.password && (
          <div id={`${formName}_password_error`} className="ptce-field-error">
            {invalid.password}
          </div>
        )}
      </div>
      {captchaShown && (
        <LoginCaptcha
          formName={formName}
          refreshKey={captchaKey}
          answer={captchaAnswer}
          onAnswer={setCaptchaAnswer}
          onCaptchaId={setCaptchaId}
          invalid={invalid.captcha ?? null}
        />
      )}
      {/* A live region exists before its content changes, so the refusal is announced. */}
      <div aria-live="assertive" aria-atomic="true">
        {error && (
          <div className="ptce-alert ptce-alert-error">
            {delayed ? (
              <>
                <strong>请稍后再试</strong>
                <div>{errorMessage(error)}</div>
              </>
            ) : (
              errorMessage(error)
            )}
          </div>
        )}
      </div>
      <button
        type="submit"
        className="ptce-btn ptce-btn-primary ptce-btn-large ptce-btn-block"
        disabled={login.isPending}
        aria-busy={login.isPending || undefined}
      >
        {login.isPending && <span className="ptce-spin ptce-spin-small" aria-hidden="true" />}
        登录
      </button>
      <div className="ptce-login-links">
        {realm !== 'authority' ? (
          <button type="button" className="ptce-link-btn" onClick={onQrLogin}>
            扫码登录
          </button>
        ) : (
          <span />
        )}
        {realm === 'person' && <Link to="/register">【注册】</Link>}
      </div>
      <p className="ptce-hint">忘记密码？请联系单位管理员重置。</p>
    </form>
  );
}

/** 登录 — the three tabs of the notice's login box. */
export default function LoginPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const next = safeNext(params.get('next'));
  const realmParam = params.get('realm');
  const [realm, setRealm] = useState<LoginRealm>(isRealm(realmParam) ? realmParam : 'person');
  const qrDialog = useRef<HTMLDialogElement>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const [tabChanged, setTabChanged] = useState(false);
  const registeredAs = params.get('username') ?? '';

  useEffect(() => {
    document.title = `登录 - ${SYSTEM_NAME}`;
  }, []);

  // Signed in already (or just now): go on to the next step.
  if (me.data) return <Navigate to={landingPath(me.data, next)} replace />;

  return (
    <AuthFrame title="用户登录" help={OUTSIDE_PAGES.login}>
      {registeredAs && (
        <div className="ptce-alert ptce-alert-success" role="status">
          注册成功，请登录
        </div>
      )}
      <LoginTabs
        tabs={REALMS}
        active={realm}
        onChange={(k) => {
          setRealm(k);
          setTabChanged(true);
          const p = new URLSearchParams(params);
          p.set('realm', k);
          setParams(p, { replace: true });
        }}
      >
        <LoginForm
          key={realm}
          realm={realm}
          initialUsername={realm === 'person' ? registeredAs : ''}
          focusFirst={!tabChanged}
          onQrLogin={() => {
            setQrOpen(true);
            qrDialog.current?.showModal();
          }}
        />
      </LoginTabs>
      <div className="ptce-login-notes">
        <p>已有用户名的老学员，需先登录并完善个人信息；新学员请点击【注册】，填写相关信息即可注册成功。</p>
        <p>浏览器：建议使用{HELP_DESK.browsers}。</p>
        <p>
          操作步骤和常见问题见<Link to="/help">【帮助中心】</Link>；继续教育学时抽查结果见
          <Link to="/public/spot-checks">【抽查结果公开】</Link>；继续教育基地已备案的公开培训项目见
          <Link to="/public/filings">【培训项目公示】</Link>。
        </p>
      </div>
      <LoginNotices />
      <dialog ref={qrDialog} className="ptce-dialog" aria-labelledby="qr-login-title" onClose={() => setQrOpen(false)}>
        <h2 id="qr-login-title" className="ptce-dialog-title">
          扫码登录
        </h2>
        {qrOpen && <WechatQrLogin open={qrOpen} />}
        <form method="dialog" className="ptce-dialog-actions">
          <button type="submit" className="ptce-btn">
            关闭
          </button>
        </form>
      </dialog>
    </AuthFrame>
  );
}
