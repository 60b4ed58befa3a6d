import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { LoginRealm } from '@ptce/contracts';
import { HELP_DESK } from '@ptce/rules';
import { useLogin, useMe } from '../../api/auth';
import { errorMessage, isApiError } from '../../api/client';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { landingPath, safeNext } from '../../lib/format';
import { OUTSIDE_PAGES } from '../../page-help';
import { LoginNotices } from '../notices/LoginNotices';
import { LoginTabs } from './LoginTabs';
import { PlainField, PlainSubmit } from './PlainField';
import { useLoginCaptcha } from './useLoginCaptcha';
import { useRequiredFields } from './useRequiredFields';
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

/** The same limits as the API's LoginRequest (a longer value could never be a valid account). */
const USERNAME_MAX = 64;
const PASSWORD_MAX = 128;

/**
 * A login refused with LOGIN_BUSY (the network's allowance of logins at once is in use; its password was not looked
 * at) is sent again by itself after 1–2 s, spread so that a room of people does not come back at once, this many
 * times before the refusal is shown.
 */
const BUSY_RETRIES = 5;
const BUSY_WAIT_MS = 1000;
const isBusy = (err: unknown) => isApiError(err) && err.code === 'LOGIN_BUSY';
type LoginBody = Parameters<ReturnType<typeof useLogin>['mutate']>[0];

let warmed = false;
/** Starts downloading what comes after 登录 (antd's shell and the centre layout), once. */
function warmUp() {
  if (warmed) return;
  warmed = true;
  void import('../../components/AntdShell');
  void import('../../layout/CenterLayout');
}

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
  const { invalid, check } = useRequiredFields<'username' | 'password' | 'captcha'>();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const captcha = useLoginCaptcha(formName);

  const edited = () => {
    warmUp();
    setBusyTries(0);
    if (login.isError) login.reset();
  };

  // What was last sent, for an automatic retry; a busy refusal did not look at the captcha, so it stays as answered.
  const sent = useRef<LoginBody | null>(null);
  const [busyTries, setBusyTries] = useState(0);
  const send = (body: LoginBody) => {
    sent.current = body;
    login.mutate(body, { onError: (err) => !isBusy(err) && captcha.refused(err) });
  };
  const resend = useEffectEvent(send);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = check([
      { name: 'username', empty: !username.trim(), reason: '请输入用户名', focus: () => usernameRef.current?.focus() },
      { name: 'password', empty: !password, reason: '请输入密码', focus: () => passwordRef.current?.focus() },
      { name: 'captcha', empty: captcha.unanswered, reason: '请输入图形验证码', focus: captcha.focus },
    ]);
    if (!filled) return;
    warmUp();
    setBusyTries(0);
    send({ username: username.trim(), password, realm, ...captcha.body });
  };

  const error = login.error && !(isApiError(login.error) && login.error.status === 503) ? login.error : null;
  const delayed = isApiError(error) && error.code === 'LOGIN_DELAYED';
  // Too many logging in at once from the same network: the same request goes again by itself, a little later.
  const retrying = isBusy(error) && busyTries < BUSY_RETRIES;
  useEffect(() => {
    if (!retrying || !sent.current) return;
    const body = sent.current;
    const timer = window.setTimeout(
      () => {
        setBusyTries((n) => n + 1);
        resend(body);
      },
      BUSY_WAIT_MS * (1 + Math.random()),
    );
    return () => window.clearTimeout(timer);
  }, [retrying, error]);
  // From the busy refusal until the retried request is answered.
  const waitingRetry = retrying || (login.isPending && busyTries > 0);

  return (
    <form name={formName} id={formName} className="ptce-form" noValidate onSubmit={submit}>
      <PlainField
        inputRef={usernameRef}
        id={`${formName}_username`}
        label="用户名"
        error={invalid.username}
        value={username}
        onChange={(e) => {
          setUsername(e.target.value);
          edited();
        }}
        placeholder={placeholder}
        autoComplete="username"
        autoFocus={focusFirst && !initialUsername}
        maxLength={USERNAME_MAX}
      />
      <PlainField
        inputRef={passwordRef}
        id={`${formName}_password`}
        label="密码"
        error={invalid.password}
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
        affix={
          <button
            type="button"
            className="ptce-input-toggle"
            aria-label="显示明文"
            aria-pressed={showPassword}
            onClick={() => setShowPassword((v) => !v)}
          >
            {showPassword ? '隐藏' : '显示'}
          </button>
        }
      />
      {captcha.field(invalid.captcha)}
      {/* A live region exists before its content changes, so the refusal is announced. */}
      <div aria-live="assertive" aria-atomic="true">
        {(error || waitingRetry) && (
          <div className={`ptce-alert ${waitingRetry ? 'ptce-alert-info' : 'ptce-alert-error'}`}>
            {waitingRetry ? (
              <>
                <strong>正在自动重试登录…</strong>
                <div>同一网络正在登录的人数较多，请稍候，无需再次点击登录。</div>
              </>
            ) : delayed || isBusy(error) ? (
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
      <PlainSubmit pending={login.isPending || waitingRetry}>登录</PlainSubmit>
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
