import { Button, Form } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useUpdateProfile } from '../../api/accounts';
import { AuthFrame } from '../../components/AuthFrame';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSignOut } from '../../components/useSignOut';
import { applyFieldErrors } from '../../lib/form';
import { ContactFields } from './ContactFields';
import { landingPath, safeNext } from '../../lib/format';
import { OUTSIDE_PAGES } from '../../page-help';

const FIELDS = ['phone', 'email'] as const;

interface ContactValues {
  phone: string;
  email: string;
}

/** First login: 根据提示完善手机号、邮箱地址等个人信息 (附件1 二(一)). */
export default function CompleteProfilePage() {
  const { data: me } = useMe();
  const [form] = Form.useForm<ContactValues>();
  const update = useUpdateProfile();
  const { signOut, pending: signingOut } = useSignOut();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (!me) return null;
  // Done (also right after saving: the updated Me says so) or not yet allowed: move on.
  if (me.mustChangePassword || me.profileComplete) return <Navigate to={landingPath(me, next)} replace />;

  return (
    <AuthFrame title="完善个人信息" help={OUTSIDE_PAGES.setupProfile}>
      <p className="ptce-lead">
        {me.name}，您好！请根据提示完善手机号、邮箱地址等个人信息，完成后即可进入用户管理中心。
      </p>
      <Form<ContactValues>
        form={form}
        name="complete-profile"
        layout="vertical"
        scrollToFirstError={{ focus: true }}
        initialValues={{ phone: me.phone ?? '', email: me.email ?? '' }}
        onFinish={(v) =>
          update.mutate(
            { phone: v.phone.trim(), email: v.email.trim() },
            { onError: (e) => applyFieldErrors(form, e, FIELDS) },
          )
        }
        onValuesChange={() => update.isError && update.reset()}
      >
        <ContactFields />
        <ErrorAlert error={update.error} title="保存失败" fields={FIELDS} />
        <Button type="primary" htmlType="submit" block size="large" loading={update.isPending}>
          保存
        </Button>
      </Form>
      <p className="ptce-auth-switch">
        <Button type="link" className="ptce-link-btn" onClick={signOut} loading={signingOut}>
          退出登录
        </Button>
      </p>
    </AuthFrame>
  );
}
