import { Alert, App, Button, Card, Form, Input } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ChangePasswordRequest, PASSWORD_RULE_TEXT, passwordPolicyProblem } from '@ptce/contracts';
import { fetchMe, meKey, useMe } from '../../api/auth';
import { useChangePassword } from '../../api/accounts';
import { AuthFrame } from '../../components/AuthFrame';
import { ConfirmPasswordField } from '../../components/ConfirmPasswordField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useSignOut } from '../../components/useSignOut';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { landingPath, safeNext } from '../../lib/format';
import { OUTSIDE_PAGES } from '../../page-help';

const FIELDS = ['oldPassword', 'newPassword'] as const;

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码. With `forced`, the first-login step for accounts created with an initial password
 * (单位管理员: last six characters of the ID number); nothing else works until it is done.
 */
export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { signOut, pending: signingOut } = useSignOut();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  const submit = (v: PasswordValues) =>
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: async () => {
          message.success('密码修改成功');
          form.resetFields();
          // The server may rotate or end the session on a password change; ask again.
          await qc.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
        },
        onError: (e) => applyFieldErrors(form, e, FIELDS),
      },
    );

  if (forced && me.data && !me.data.mustChangePassword) return <Navigate to={landingPath(me.data, next)} replace />;

  const body = (
    <Form<PasswordValues>
      form={form}
      name={forced ? 'setup-password' : 'change-password'}
      layout="vertical"
      scrollToFirstError={{ focus: true }}
      onFinish={submit}
      onValuesChange={() => change.isError && change.reset()}
      className="ptce-narrow-form"
    >
      <Form.Item label="原密码" name="oldPassword" required rules={[zodRule(ChangePasswordRequest.shape.oldPassword)]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        validateFirst
        dependencies={['oldPassword']}
        extra={PASSWORD_RULE_TEXT}
        rules={[
          { required: true, message: '请输入新密码' },
          zodRule(ChangePasswordRequest.shape.newPassword),
          ({ getFieldValue }) => ({
            validator: async (_r, v: string) => {
              if (v && v === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
              // The page knows the username (a professional's is the masked ID number, so only the server can check
              // the ID number's digits); the server checks everything again.
              const problem = v
                ? passwordPolicyProblem(v, { username: me.data?.kind === 'professional' ? null : me.data?.username })
                : null;
              if (problem) throw new Error(problem);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordField
        label="确认新密码"
        of="newPassword"
        requiredMessage="请再次输入新密码"
        mismatchMessage="两次输入的新密码不一致"
      />
      <ErrorAlert error={change.error} title="密码修改失败" fields={FIELDS} />
      <Button type="primary" htmlType="submit" loading={change.isPending} block={forced}>
        {forced ? '修改密码并继续' : '保存'}
      </Button>
    </Form>
  );

  if (forced) {
    return (
      <AuthFrame title="修改初始密码" help={OUTSIDE_PAGES.setupPassword}>
        <Alert
          type="warning"
          showIcon
          title="为保障账号安全，首次登录须修改初始密码后才能使用系统。"
          style={{ marginBottom: 16 }}
        />
        {body}
        <p className="ptce-auth-switch">
          <Button type="link" className="ptce-link-btn" onClick={signOut} loading={signingOut}>
            退出登录
          </Button>
        </p>
      </AuthFrame>
    );
  }

  return (
    <>
      <PageTitle>修改密码</PageTitle>
      <Card>{body}</Card>
    </>
  );
}
