/** 微信扫码登录 and 绑定 (WeChat Open Platform website login), with the local fake of WeChat used by tests and demos. */
export { wechatRoutes } from './routes';
export { unbindWechatFor, wechatBindingOf } from './binding';
export { startFakeOpenPlatform, type FakeOpenPlatform } from './fake-open-platform';
