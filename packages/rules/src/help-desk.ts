/** Help-desk facts the notice gives every user (section 五). */
export const HELP_DESK = {
  hours: '工作日上午9:00—12:00，下午14:00—18:00',
  phone: '0771-966111',
  email: 'gxpx365@126.com',
} as const;
