import { useEffect, useState } from 'react';
import { App, Button, Col, Form, Input, Row } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PASSWORD_RULE_TEXT, passwordPolicyProblem, RegisterRequest } from '@ptce/contracts';
import { useRegister } from '../../api/auth';
import { isApiError } from '../../api/client';
import { AuthFrame, SYSTEM_NAME } from '../../components/AuthFrame';
import { ConfirmPasswordField } from '../../components/ConfirmPasswordField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { genderLabel } from '../../lib/format';
import { checkIdNumber, normalizeIdNumber } from '../../lib/id-number';
import { OUTSIDE_PAGES } from '../../page-help';
import { CaptchaField } from './CaptchaField';

interface RegisterValues {
  idNumber: string;
  name: string;
  phone: string;
  unitId: number;
  password: string;
  confirmPassword: string;
  captchaId: string;
  captchaAnswer: string;
}

const FIELDS = ['idNumber', 'name', 'phone', 'unitId', 'password', 'captchaAnswer'] as const;

/** 注册 — self-registration of a 专业技术人员 (附件1: 点击登录窗口右下角的【注册】). */
export default function RegisterPage() {
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegister();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [captchaKey, setCaptchaKey] = useState(0);

  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const derived = checkIdNumber(idNumber);

  useEffect(() => {
    document.title = `注册 - ${SYSTEM_NAME}`;
  }, []);

  const submit = (v: RegisterValues) => {
    const idNumber = normalizeIdNumber(v.idNumber);
    register.mutate(
      {
        idNumber,
        name: v.name.trim(),
        phone: v.phone.trim(),
        unitId: v.unitId,
        password: v.password,
        captchaId: v.captchaId,
        captchaAnswer: v.captchaAnswer.trim(),
      },
      {
        onSuccess: () => {
          message.success('注册成功，请登录');
          navigate(`/login?realm=person&username=${encodeURIComponent(idNumber)}`, { replace: true });
        },
        onError: (e) => {
          setCaptchaKey((k) => k + 1); // the captcha was used up either way
          const placed = applyFieldErrors(form, e, FIELDS);
          if (!placed && isApiError(e) && e.status === 409) form.setFields([{ name: 'idNumber', errors: [e.message] }]);
        },
      },
    );
  };

  return (
    <AuthFrame title="用户注册" help={OUTSIDE_PAGES.register} wide>
      <Form<RegisterValues>
        form={form}
        name="register"
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => register.isError && register.reset()}
        scrollToFirstError={{ focus: true }}
      >
        <Form.Item
          label="身份证号码"
          name="idNumber"
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          validateFirst
          rules={[
            { required: true, message: '请输入身份证号码' },
            {
              validator: async (_r, v: string) => {
                const c = checkIdNumber(v ?? '');
                if (!c.ok) throw new Error(c.reason);
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" inputMode="text" placeholder="18位公民身份号码" />
        </Form.Item>
        {/* Derived from the ID number as the user types; announced once it is valid. */}
        <Row gutter={16} aria-live="polite">
          <Col xs={12}>
            <Form.Item label="性别" htmlFor="register_gender">
              <Input
                id="register_gender"
                readOnly
                value={derived.ok ? genderLabel(derived.gender) : ''}
                placeholder="根据身份证号码识别"
                tabIndex={-1}
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="出生日期" htmlFor="register_birthDate">
              <Input
                id="register_birthDate"
                readOnly
                value={derived.ok ? derived.birthDate : ''}
                placeholder="根据身份证号码识别"
                tabIndex={-1}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="姓名" name="name" required rules={[zodRule(RegisterRequest.shape.name)]}>
          <Input autoComplete="name" maxLength={30} />
        </Form.Item>
        <Form.Item
          label="手机号码"
          name="phone"
          validateFirst
          rules={[{ required: true, message: '请输入手机号码' }, zodRule(RegisterRequest.shape.phone)]}
        >
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item
          label="人事（劳动）关系所在单位"
          name="unitId"
          rules={[{ required: true, message: '请选择人事（劳动）关系所在单位' }]}
          extra="输入单位名称或统一社会信用代码查询后选择"
        >
          <UnitSelect />
        </Form.Item>
        <Form.Item
          label="密码"
          name="password"
          validateFirst
          dependencies={['idNumber']}
          rules={[
            { required: true, message: '请输入密码' },
            zodRule(RegisterRequest.shape.password),
            ({ getFieldValue }) => ({
              validator: async (_r, v: string) => {
                const id = normalizeIdNumber(String(getFieldValue('idNumber') ?? ''));
                const problem = v ? passwordPolicyProblem(v, { username: id, idNumber: id }) : null;
                if (problem) throw new Error(problem);
              },
            }),
          ]}
          extra={PASSWORD_RULE_TEXT}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ConfirmPasswordField
          label="确认密码"
          of="password"
          requiredMessage="请再次输入密码"
          mismatchMessage="两次输入的密码不一致"
        />
        <CaptchaField refreshKey={captchaKey} />
        <ErrorAlert error={register.error} title="注册失败" fields={FIELDS} />
        <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
          注册
        </Button>
        <p className="ptce-auth-switch">
          已有账号？<Link to="/login">返回登录</Link>
        </p>
      </Form>
    </AuthFrame>
  );
}
