import { allow, publicAccess } from '../../auth/policy';

/**
 * 微信扫码登录 is public up to the login (the state and the browser cookie are its CSRF defence);
 * the binding on 我的信息 is the professional's own.
 */
export const wechatPolicy = {
  config: publicAccess('wechat.config'),
  start: publicAccess('wechat.start'),
  callback: publicAccess('wechat.callback'),
  pending: publicAccess('wechat.pending'),
  bind: publicAccess('wechat.bind'),
  mine: allow('wechat.mine', ['professional']),
  unbind: allow('wechat.unbind', ['professional']),
} as const;
