// The 帮助中心 section of each page outside the 用户管理中心's frame: 登录, 注册, the first-login steps, 扫码登录
// and 绑定, and the public pages. menu.ts does the same for the centre's pages; help.test.ts checks that every
// anchor here exists. Plain data: 登录 imports it and stays free of antd.

/** What a page's 帮助 opens: /help#<anchor>; `page` names the page to a screen reader (帮助：<page>). */
export interface PageHelp {
  page: string;
  anchor: string;
}

export const OUTSIDE_PAGES = {
  login: { page: '用户登录', anchor: 'account-login' },
  register: { page: '用户注册', anchor: 'account-register' },
  setupPassword: { page: '修改初始密码', anchor: 'account-initial-password' },
  setupProfile: { page: '完善个人信息', anchor: 'account-complete-profile' },
  wechatCallback: { page: '扫码登录', anchor: 'account-wechat' },
  wechatBind: { page: '绑定微信', anchor: 'account-wechat' },
  notice: { page: '通知公告', anchor: 'notices-public' },
  publicSpotChecks: { page: '抽查结果公开', anchor: 'spot-checks-public' },
  publicFilings: { page: '培训项目公示', anchor: 'public-filings' },
  verify: { page: '证书真伪验证', anchor: 'certificate-verify' },
  // 404 and a page that failed: what they mean and what to tell the help desk.
  statusPage: { page: '页面不存在或出错', anchor: 'faq-page-error' },
} as const satisfies Record<string, PageHelp>;
