import { Form, Input } from 'antd';

interface ConfirmPasswordFieldProps {
  /** The field label, e.g. 确认新密码. */
  label: string;
  /** The name of the password field this one must repeat. */
  of: string;
  /** Shown when the field is left empty. */
  requiredMessage: string;
  /** Shown when the two entries differ. */
  mismatchMessage: string;
}

/** The `confirmPassword` field: required, and equal to the password typed in the field `of`. */
export function ConfirmPasswordField({ label, of, requiredMessage, mismatchMessage }: ConfirmPasswordFieldProps) {
  return (
    <Form.Item
      label={label}
      name="confirmPassword"
      dependencies={[of]}
      rules={[
        { required: true, message: requiredMessage },
        ({ getFieldValue }) => ({
          validator: async (_r, v: string) => {
            if (v && v !== getFieldValue(of)) throw new Error(mismatchMessage);
          },
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
