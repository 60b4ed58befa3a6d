import { useCallback, useEffect, useId, useState } from 'react';
import { Button, Form, Input } from 'antd';
import type { CaptchaResponse } from '@ptce/contracts';
import { api, errorMessage } from '../../api/client';

/**
 * 图形验证码 inside a Form: draws a captcha from the server, keeps its id in the hidden field
 * `captchaId` and the typed answer in `captchaAnswer`. A captcha is good for one answer within two
 * minutes, so the form bumps `refreshKey` after each refused submission to draw a new one; 换一张
 * draws a new one on demand.
 */
export function CaptchaField({ refreshKey, autoFocus }: { refreshKey: number; autoFocus?: boolean }) {
  const form = Form.useFormInstance();
  const inputId = `captcha-${useId().replace(/:/g, '')}`;
  const [image, setImage] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const c = await api<CaptchaResponse>('/api/auth/captcha', { redirectOn401: false });
      setImage(c.image);
      setLoadError(null);
      form.setFieldsValue({ captchaId: c.captchaId, captchaAnswer: '' });
    } catch (e) {
      setLoadError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [form]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

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
          <Button onClick={() => void load()} loading={loading}>
            换一张
          </Button>
        </div>
      </Form.Item>
    </>
  );
}
