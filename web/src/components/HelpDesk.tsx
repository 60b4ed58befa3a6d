import { HELP_DESK } from '@ptce/rules';

/** The help-desk facts the notice (section 五) tells every user. */
export function HelpDesk({ className }: { className?: string }) {
  return (
    <div className={className ?? 'ptce-helpdesk'}>
      <span>人工咨询服务时间：{HELP_DESK.hours}</span>
      <span>
        咨询电话：<a href={`tel:${HELP_DESK.phone}`}>{HELP_DESK.phone}</a>
      </span>
      <span>
        电子邮箱：<a href={`mailto:${HELP_DESK.email}`}>{HELP_DESK.email}</a>
      </span>
    </div>
  );
}
