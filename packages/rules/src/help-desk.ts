/** Help-desk facts the notice gives every user (section 五). */
export const HELP_DESK = {
  hours: '工作日上午9:00—12:00，下午14:00—18:00',
  phone: '0771-966111',
  email: 'gxpx365@126.com',
  /** 附件1 三(二): the browsers the system supports. */
  browsers: '谷歌（Chrome）、火狐（Firefox）、Microsoft Edge浏览器，请勿使用IE或类IE浏览器（如2345浏览器等）',
  /** 附件1 三(一). */
  operatingSystem: 'Windows 7以上系统',
} as const;

/**
 * Account rules the help pages tell people: an image captcha after this many failed logins of a username
 * (never a lockout), how long a reset's temporary password and a new unit admin's initial password work, how
 * long a merge of two accounts can be undone.
 */
export const ACCOUNT_RULES = {
  captchaAfterFailures: 3,
  temporaryPasswordHours: 72,
  initialPasswordDays: 7,
  /** 合并账号 can be undone (撤销合并) this many days after the merge. */
  mergeUndoDays: 30,
} as const;
