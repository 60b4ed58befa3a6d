import { useEffect, useId } from 'react';
import { Button, Form, Input } from 'antd';
import { useCaptcha } from '../../api/auth';
import { errorMessage } from '../../api/client';

/**
 * 图形验证码 inside a Form: draws a captcha from the server, keeps its id in the hidden field
 * `captchaId` and the typed answer in `captchaAnswer`. A captcha is good for one answer within two
 * minutes, so the form bumps `refreshKey` after each refused submission to draw a new one; 换一张
 * draws a new one on demand.
 */
export function CaptchaField({ refreshKey, autoFocus }: { refreshKey: number; autoFocus?: boolean }) {
  const form = Form.useFormInstance();
  const inputId = `captcha-${useId().replace(/:/g, '')}`;
  const captcha = useCaptcha(refreshKey);
  const image = captcha.data?.image ?? null;
  const loadError = captcha.error ? errorMessage(captcha.error) : null;

  // Each new captcha replaces the hidden id and clears the answer typed for the previous one.
  useEffect(() => {
    if (captcha.data) form.setFieldsValue({ captchaId: captcha.data.captchaId, captchaAnswer: '' });
  }, [captcha.data, form]);

  return (
    <>
      <Form.Item name="captchaId" hidden>
        <Input />
      </Form.Item>
      <Form.Item label="图形验证码" htmlFor={inputId} required extra={loadError ?? '不区分大小写，2分钟内有效'}>
        <div className="ptce-captcha">
          <Form.Item
            name="captchaAnswer"
            noStyle
            rules={[{ required: true, whitespace: true, message: '请输入图形验证码' }]}
          >
            <Input
              id={inputId}
              maxLength={8}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              autoFocus={autoFocus}
              size="large"
            />
          </Form.Item>
          {image ? (
            <img className="ptce-captcha-image" src={image} width={150} height={50} alt="验证码图片" />
          ) : (
            <span className="ptce-captcha-image" aria-hidden="true" />
          )}
          <Button onClick={() => void captcha.refetch()} loading={captcha.isFetching}>
            换一张
          </Button>
        </div>
      </Form.Item>
    </>
  );
}
