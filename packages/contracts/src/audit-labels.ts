import type { AccountKind } from './auth';
import { IMPORT_KIND_LABEL, IMPORT_KINDS } from './imports';

/**
 * 审计日志 in Chinese: the one table of every audit action code the server writes and its label.
 * The audit log keeps the machine codes; the 审计日志 page, its Excel export and the API's `actionLabel`
 * show these. server/test/audit-labels.test.ts fails when the server writes a code missing here.
 */
export const AUDIT_ACTION_LABEL = {
  // 登录
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.captcha_required': '登录失败过多，需图形验证码',
  'auth.login_delayed': '登录失败过多，暂缓登录',
  'auth.login_after_failures': '多次失败后登录成功',
  'auth.wechat_login': '微信扫码登录',
  'wechat.bind': '绑定微信',
  'wechat.unbind': '解除微信绑定',
  // 账号
  'account.register': '注册',
  'account.profile.update': '修改个人信息',
  'account.password.change': '修改密码',
  'account.operator.create': '创建平台管理员',
  // 单位、部门、管理员、人员
  'org.unit.create': '新增单位',
  'org.unit.update': '修改单位',
  'org.unit.account.password.reissue': '重置单位账号密码',
  'org.unit.rename': '单位改名',
  'org.unit.disable': '停用单位',
  'org.unit.enable': '启用单位',
  'org.unit.merge': '合并单位（并入本单位）',
  'org.unit.merged-away': '合并单位（本单位被合并）',
  'org.admin.create': '新增管理员',
  'org.admin.update': '修改管理员',
  'org.admin.disable': '停用管理员',
  'org.admin.delete': '删除管理员',
  'org.admin.password.reset': '重置管理员密码',
  'org.department.create': '新增部门',
  'org.department.update': '修改部门',
  'org.department.delete': '删除部门',
  'org.staff.update': '修改专业技术人员信息',
  'org.staff.remove': '移出本单位',
  'org.staff.confirm': '确认新注册人员',
  'org.staff.password.reset': '重置专业技术人员密码',
  'org.me.unit.change': '变更所在单位',
  // 人员查询（客服）
  'helpdesk.account.unlock': '解除锁定',
  'helpdesk.password.reset': '客服重置密码',
  'helpdesk.person.transfer': '人员调动',
  'helpdesk.account.merge': '合并账号（保留本账号）',
  'helpdesk.account.merged-away': '合并账号（本账号被合并）',
  'helpdesk.account.merge.undo': '撤销合并账号（保留账号）',
  'helpdesk.account.merge.undone': '撤销合并账号（恢复被合并账号）',
  'helpdesk.wechat.unbind': '客服解除微信绑定',
  // 学时
  'hours.record.create': '新登记培训',
  'hours.record.update': '修改培训登记',
  'hours.record.submit': '提交审核',
  'hours.record.withdraw': '撤回',
  'hours.record.approve': '审核通过',
  'hours.record.reject': '审核不通过',
  'hours.record.delete': '删除培训登记',
  'hours.evidence.add': '上传证明材料',
  'hours.evidence.remove': '删除证明材料',
  // 公需科目学习与考试
  'learning.course_complete': '完成课程学习',
  'learning.credit': '计入公需科目学时',
  'learning.chapter_create': '新增课程章节',
  'learning.chapter_file': '上传章节文件',
  'learning.material_upload': '上传课程相关资料',
  'learning.material_delete': '删除课程相关资料',
  'learning.course_create': '新增课程',
  'learning.course_update': '修改课程信息',
  'learning.course_copy': '复制上年课程',
  'learning.course_publish': '发布课程',
  'learning.course_unpublish': '取消发布课程',
  'exam.start': '开始考试',
  'exam.submit': '交卷',
  'exam.auto_submit': '到时自动交卷',
  'exam.makeup_grant': '开通补学补考',
  'exam.makeup_request': '申请补考',
  'exam.makeup_request.grant': '同意补考申请',
  'exam.makeup_request.refuse': '拒绝补考申请',
  'exam.question_create': '新增试题',
  'exam.question_update': '修改试题',
  // 证书
  'certificate.issue': '生成证书',
  'certificate.revoke': '撤销证书',
  // 年度计划
  'plan.create': '新建年度计划',
  'plan.update': '修改年度计划',
  'plan.courses': '设置年度课程',
  'plan.publish': '发布年度计划',
  'plan.reopen': '重新开放办理',
  // 通知公告
  'notices.create': '新建通知',
  'notices.update': '修改通知',
  'notices.delete': '删除通知草稿',
  'notices.publish': '发布通知',
  'notices.withdraw': '撤回通知',
  'notices.pin': '置顶通知',
  'notices.unpin': '取消置顶通知',
  'notices.attachment.add': '上传通知附件',
  'notices.attachment.remove': '删除通知附件',
  // 导入导出
  ...(Object.fromEntries(IMPORT_KINDS.map((k) => [`imports.${k}`, `导入：${IMPORT_KIND_LABEL[k]}`])) as Record<
    `imports.${(typeof IMPORT_KINDS)[number]}`,
    string
  >),
  'imports.credentials.download': '下载新单位账号初始密码',
  'imports.resume': '导入中断后自动继续',
  'imports.abandon': '导入中断且无法继续',
  'exports.hours.results': '导出：专业科目学时审核结果',
  'exports.hours.person-years': '导出：专业科目学时查询',
  'exports.org.staff': '导出：专业技术人员',
  'exports.compliance.unit': '导出：学时达标情况',
  'exports.stats': '导出：统计分析',
  'exports.stats.report': '导出：年度继续教育统计报告',
  'stats.refresh': '刷新统计数据',
  'exports.audit': '导出：审计日志',
  'exports.classes.roster': '导出：培训班学员名单',
  'exports.classes.summary': '导出：培训班年度汇总',
  'classes.create': '新增培训班',
  'classes.trainee.add': '添加培训班学员',
  'classes.trainee.correct': '更正培训班学员学时',
  'classes.trainee.withdraw': '撤销培训班学员学时',
  // 行业学时对接
  'account.claim': '注册（认领行业系统建立的人员）',
  'integration.client.create': '新增行业接口客户端',
  'integration.client.update': '修改行业接口客户端',
  'integration.client.rotate': '更换行业接口密钥',
  'integration.client.enable': '启用行业接口客户端',
  'integration.client.disable': '停用行业接口客户端',
  'integration.records.upsert': '行业系统推送学时',
  'integration.call': '行业接口调用',
  'integration.webhook.create': '设置事件通知地址',
  'integration.webhook.update': '修改事件通知地址',
  'integration.webhook.rotate': '更换事件通知密钥',
  'integration.webhook.delete': '删除事件通知地址',
  'integration.webhook.redeliver': '重新发送事件通知',
  // 抽查（双随机、一公开）
  'spotcheck.campaign.create': '新建抽查并随机抽取',
  'spotcheck.campaign.finish': '抽查结束并公开结果',
  'spotcheck.answer': '单位答复抽查',
  'spotcheck.file.add': '上传抽查材料',
  'spotcheck.finding': '记录抽查核查结论',
  'spotcheck.report.export': '导出：抽查报告',
  'spotcheck.report.pdf': '导出：抽查报告（PDF）',
  // 继续教育基地、培训备案
  'bases.base.create': '新增继续教育基地',
  'bases.base.update': '修改继续教育基地',
  'bases.base.suspend': '暂停继续教育基地',
  'bases.base.resume': '恢复继续教育基地',
  'bases.login.create': '新增基地登录账号',
  'bases.login.password.reissue': '重置基地账号密码',
  'bases.login.enable': '启用基地登录账号',
  'bases.login.disable': '停用基地登录账号',
  'bases.filing.create': '新建培训备案',
  'bases.filing.update': '修改培训备案',
  'bases.filing.delete': '删除培训备案草稿',
  'bases.filing.submit': '提交培训备案',
  'bases.filing.approve': '培训备案审核通过',
  'bases.filing.return': '退回培训备案',
  'bases.filing.change.request': '申请培训备案变更',
  'bases.filing.change.approve': '培训备案变更通过',
  'bases.filing.change.return': '退回培训备案变更',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABEL;

const ACTION_LABELS: Readonly<Record<string, string>> = AUDIT_ACTION_LABEL;

/** The Chinese label of an action code; a code without one (an old entry) is shown as it is. */
export function auditActionLabel(code: string): string {
  return Object.hasOwn(ACTION_LABELS, code) ? ACTION_LABELS[code]! : code;
}

export function hasAuditActionLabel(code: string): boolean {
  return Object.hasOwn(ACTION_LABELS, code);
}

/** The 操作 select: every labelled action, grouped in the table's order. */
export const AUDIT_ACTION_OPTIONS: { value: string; label: string }[] = Object.entries(ACTION_LABELS).map(
  ([value, label]) => ({ value, label }),
);

/** Who acted, by account kind (an account of kind unit_admin may be a total or a secondary admin). */
export const ACCOUNT_KIND_LABEL: Record<AccountKind, string> = {
  professional: '专业技术人员',
  unit_account: '单位账号',
  unit_admin: '单位管理员',
  authority: '主管部门',
  hr_bureau: '人社局',
  base: '继续教育基地',
  operator: '平台管理员',
  integration: '行业学时管理系统',
};

/** What an entry is about (its target_type). */
export const AUDIT_TARGET_TYPE_LABEL: Record<string, string> = {
  account: '账号',
  unit: '单位',
  department: '部门',
  hour_record: '培训登记',
  exam_attempt: '考试',
  exam_round: '补学补考',
  makeup_request: '补考申请',
  certificate: '证书',
  integration_client: '行业接口客户端',
  annual_plan: '年度计划',
  question: '试题',
  course: '课程',
  chapter: '课程章节',
  import_job: '导入',
  notice: '通知公告',
  spot_check: '抽查',
  spot_check_item: '抽查记录',
  training_base: '继续教育基地',
  training_filing: '培训备案',
  training_class: '培训班',
};

export function auditTargetTypeLabel(type: string): string {
  return Object.hasOwn(AUDIT_TARGET_TYPE_LABEL, type) ? AUDIT_TARGET_TYPE_LABEL[type]! : type;
}
