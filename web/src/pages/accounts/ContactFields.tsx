import { Form, Input } from 'antd';
import { UpdateProfileRequest } from '@ptce/contracts';
import { zodRule } from '../../lib/form';

const PhoneSchema = UpdateProfileRequest.shape.phone.unwrap();
const EmailSchema = UpdateProfileRequest.shape.email.unwrap();

/** 手机号码 and 电子邮箱, both required, as the first-login page and the profile page ask for them. */
export function ContactFields() {
  return (
    <>
      <Form.Item
        label="手机号码"
        name="phone"
        validateFirst
        rules={[{ required: true, message: '请输入手机号码' }, zodRule(PhoneSchema)]}
      >
        <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item
        label="电子邮箱"
        name="email"
        validateFirst
        rules={[{ required: true, message: '请输入电子邮箱' }, zodRule(EmailSchema)]}
      >
        <Input autoComplete="email" inputMode="email" />
      </Form.Item>
    </>
  );
}
