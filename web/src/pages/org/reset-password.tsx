import type { IssuedPassword } from '@ptce/contracts';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import type { ConfirmAction } from './useConfirmAction';

/** 重置密码 of a person or an admin: asks first, then shows the temporary password once. */
export function resetPasswordAction(
  name: string,
  /** 该人员 / 该管理员 */
  who: string,
  run: () => Promise<IssuedPassword>,
): ConfirmAction {
  return {
    title: `重置“${name}”的密码？`,
    content: `将生成一个随机临时密码（72小时内有效），原密码立即失效；${who}登录后须修改密码。`,
    okText: '重置密码',
    run,
    done: `已重置“${name}”的密码`,
    failTitle: '重置密码失败',
    answer: (issued: IssuedPassword) => ({
      title: `已重置“${name}”的密码`,
      content: <IssuedPasswordNotice issued={issued} lead="请将临时密码告知本人：" />,
    }),
  };
}
