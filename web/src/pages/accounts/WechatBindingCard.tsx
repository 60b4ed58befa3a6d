import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input, Skeleton, type InputRef } from 'antd';
import { UNIT_ACCOUNT_CANNOT_BIND, WechatUnbindRequest } from '@ptce/contracts';
import { useMyWechatBinding, useUnbindMyWechat } from '../../api/wechat';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { WechatSimBadge } from '../../components/WechatSimBadge';
import { formatDateTime } from '../../lib/format';
import { zodRule } from '../../lib/form';

/** 我的信息 → 微信绑定: the binding (扫码登录) and 解除绑定 with the password. Professionals only. */
export function WechatBindingCard() {
  const mine = useMyWechatBinding(true);
  const [open, setOpen] = useState(false);
  const b = mine.data?.binding;
  return (
    <Card
      title={
        <>
          微信绑定 <WechatSimBadge shown={!!mine.data?.simulated} />
        </>
      }
      className="ptce-section"
    >
      {mine.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} />
      ) : b ? (
        <>
          <p>
            已绑定微信{b.nickname ? `「${b.nickname}」` : ''}（{formatDateTime(b.boundAt)}{' '}
            绑定），可在登录页点击【扫码登录】直接登录。
          </p>
          <Button onClick={() => setOpen(true)}>解除绑定</Button>
        </>
      ) : (
        <p className="ptce-hint">
          {mine.data.enabled
            ? '尚未绑定微信。在登录页点击【扫码登录】，用微信扫码确认后输入身份证号码和密码，即可绑定；以后扫码即可直接登录。'
            : '尚未绑定微信（本系统未开通微信扫码登录）。'}{' '}
          {UNIT_ACCOUNT_CANNOT_BIND}。
        </p>
      )}
      <UnbindDialog open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function UnbindDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<WechatUnbindRequest>();
  const unbind = useUnbindMyWechat();
  const { message } = App.useApp();
  const passwordRef = useRef<InputRef>(null);
  return (
    <FormModal<WechatUnbindRequest>
      open={open}
      title="解除微信绑定"
      name="wechat-unbind"
      form={form}
      save={unbind}
      focusRef={passwordRef}
      onClose={onClose}
      afterClose={() => {
        form.resetFields();
        unbind.reset();
      }}
      onFinish={(v) =>
        unbind.mutate(v.password, {
          onSuccess: () => {
            void message.success('已解除微信绑定');
            onClose();
          },
        })
      }
    >
      <p className="ptce-hint">解除后不能再用该微信扫码登录，可重新扫码绑定。请输入登录密码确认。</p>
      <Form.Item name="password" label="登录密码" rules={[zodRule(WechatUnbindRequest.shape.password)]} required>
        <Input.Password ref={passwordRef} autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <ErrorAlert error={unbind.error} />
    </FormModal>
  );
}
