import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Tabs } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { LoginRequest, type LoginRealm } from '@ptce/contracts';
import { useLogin, useMe } from '../../api/auth';
import { isApiError } from '../../api/client';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { ErrorAlert } from '../../components/ErrorAlert';
import { zodRule } from '../../lib/form';
import { CaptchaField } from './CaptchaField';
import { landingPath, safeNext } from '../../lib/format';

const REALMS: { key: LoginRealm; label: string; placeholder: string }[] = [
  { key: 'person', label: '专业技术人员', placeholder: '身份证号码' },
  { key: 'unit', label: '单位管理员', placeholder: '身份证号码或统一社会信用代码' },
  { key: 'authority', label: '管理部门', placeholder: '用户名' },
];

function isRealm(s: string | null): s is LoginRealm {
  return REALMS.some((r) => r.key === s);
}

interface LoginValues {
  username: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

/** Refusals after which the form shows (or redraws) the 图形验证码. */
const CAPTCHA_CODES = new Set(['CAPTCHA_REQUIRED', 'CAPTCHA_INVALID']);

function LoginForm({
  realm,
  initialUsername,
  onQrLogin,
}: {
  realm: LoginRealm;
  initialUsername: string;
  onQrLogin: () => void;
}) {
  const [form] = Form.useForm<LoginValues>();
  const login = useLogin();
  const placeholder = REALMS.find((r) => r.key === realm)!.placeholder;

  // The captcha appears once the server asks for it (after failures, or for an initial password) and
  // stays; each refused submission used it up, so a new one is drawn.
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);

  const submit = (v: LoginValues) =>
    login.mutate(
      {
        username: v.username.trim(),
        password: v.password,
        realm,
        ...(captchaShown ? { captchaId: v.captchaId, captchaAnswer: v.captchaAnswer?.trim() } : {}),
      },
      {
        onError: (e) => {
          if (isApiError(e) && CAPTCHA_CODES.has(e.code) && !captchaShown) setCaptchaShown(true);
          else if (captchaShown) setCaptchaKey((k) => k + 1);
        },
      },
    );

  return (
    <Form<LoginValues>
      form={form}
      name={`login-${realm}`}
      layout="vertical"
      scrollToFirstError={{ focus: true }}
      requiredMark={false}
      initialValues={{ username: initialUsername }}
      onFinish={submit}
      onValuesChange={() => login.isError && login.reset()}
    >
      <Form.Item label="用户名" name="username" rules={[zodRule(LoginRequest.shape.username)]}>
        <Input placeholder={placeholder} autoComplete="username" autoFocus={!initialUsername} size="large" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[zodRule(LoginRequest.shape.password)]}>
        <Input.Password placeholder="密码" autoComplete="current-password" autoFocus={!!initialUsername} size="large" />
      </Form.Item>
      {captchaShown && <CaptchaField refreshKey={captchaKey} autoFocus />}
      <ErrorAlert
        error={login.error}
        title={isApiError(login.error) && login.error.code === 'LOGIN_DELAYED' ? '请稍后再试' : undefined}
      />
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        登录
      </Button>
      <div className="ptce-login-links">
        {realm !== 'authority' ? (
          <Button type="link" className="ptce-link-btn" onClick={onQrLogin}>
            扫码登录
          </Button>
        ) : (
          <span />
        )}
        {realm === 'person' && <Link to="/register">【注册】</Link>}
      </div>
      <p className="ptce-hint">忘记密码？请联系单位管理员重置。</p>
    </Form>
  );
}

/** 登录 — the three tabs of the notice's login box. */
export default function LoginPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const next = safeNext(params.get('next'));
  const realmParam = params.get('realm');
  const [realm, setRealm] = useState<LoginRealm>(isRealm(realmParam) ? realmParam : 'person');
  const [qrOpen, setQrOpen] = useState(false);
  const registeredAs = params.get('username') ?? '';

  useEffect(() => {
    document.title = `登录 - ${SYSTEM_NAME}`;
  }, []);

  // Signed in already (or just now): go on to the next step.
  if (me.data) return <Navigate to={landingPath(me.data, next)} replace />;

  return (
    <AuthFrame title="用户登录">
      {registeredAs && (
        <Alert type="success" showIcon title="注册成功，请登录" style={{ marginBottom: 16 }} role="status" />
      )}
      <Tabs
        activeKey={realm}
        onChange={(k) => {
          if (!isRealm(k)) return;
          setRealm(k);
          const p = new URLSearchParams(params);
          p.set('realm', k);
          setParams(p, { replace: true });
        }}
        centered
        destroyOnHidden
        items={REALMS.map((r) => ({
          key: r.key,
          label: r.label,
          children: (
            <LoginForm
              realm={r.key}
              initialUsername={r.key === 'person' ? registeredAs : ''}
              onQrLogin={() => setQrOpen(true)}
            />
          ),
        }))}
      />
      <div className="ptce-login-notes">
        <p>已有用户名的老学员，需先登录并完善个人信息；新学员请点击【注册】，填写相关信息即可注册成功。</p>
        <p>浏览器：建议使用谷歌、火狐、Microsoft Edge浏览器，请勿使用IE或类IE浏览器。</p>
      </div>
      <Modal
        title="扫码登录"
        open={qrOpen}
        onCancel={() => setQrOpen(false)}
        footer={
          <Button type="primary" onClick={() => setQrOpen(false)}>
            知道了
          </Button>
        }
      >
        <p>微信扫码登录需先在登录后绑定微信，当前版本暂未开放。</p>
        <p>请使用用户名和密码登录。（注：单位账号不支持绑定微信。）</p>
      </Modal>
    </AuthFrame>
  );
}
