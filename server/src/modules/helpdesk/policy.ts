import { allow } from '../../auth/policy';

/**
 * 人员查询 is the help desk's (the phone line of HELP_DESK in @ptce/rules), staffed by the platform operator: it sees every
 * professional of the province in full and acts on their accounts. Supervisors (主管部门, 人社局)
 * do not: they have their own scoped statistics and lists.
 */
export const helpdeskPolicy = {
  lookUp: allow('helpdesk.people', ['operator']),
  act: allow('helpdesk.people.act', ['operator']),
} as const;
