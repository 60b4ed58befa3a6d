import { RECORD_STATUS_LABEL } from './hours';
import { PLAN_FIELD_LABEL } from './plans';

/** Names of the fields audit entries carry in their detail, for 变更. A field without one shows its key. */
export const AUDIT_FIELD_LABEL: Record<string, string> = {
  ...PLAN_FIELD_LABEL,
  name: '名称',
  title: '标题',
  year: '年度',
  reason: '原因',
  opinion: '审核意见',
  count: '条数',
  ids: '记录编号',
  target: '提交至',
  authorityId: '主管部门编号',
  serial: '证书编号',
  kind: '类别',
  round: '轮次',
  attempt: '第几次考试',
  questions: '题数',
  rows: '行数',
  filter: '筛选条件',
  fileName: '文件名',
  mode: '导入方式',
  dataRows: '数据行数',
  errorRows: '错误行数',
  imported: '导入条数',
  outcome: '结果',
  unitId: '单位编号',
  departmentId: '部门编号',
  parentId: '上级部门编号',
  loginEnabled: '允许登录系统',
  expiresAt: '有效期至',
  passwordExpiresAt: '密码有效期至',
  creditCode: '统一社会信用代码',
  newRegistration: '新注册',
  status: '状态',
  version: '版本',
  publishedAt: '发布时间',
  copiedFrom: '复制自年度',
  scope: '范围',
  personId: '人员编号',
  deadline: '截止事项',
  until: '开放至',
  hours: '学时',
  courseId: '课程编号',
  type: '类型',
  enabled: '启用',
  size: '大小（字节）',
  mime: '文件类型',
  mimeType: '文件类型',
  sha256: '文件摘要',
  evidenceId: '材料编号',
  username: '用户名',
  realm: '登录入口',
  failures: '失败次数',
  captcha: '验证码',
  phone: '联系电话',
  email: '电子邮箱',
  gender: '性别',
  birthDate: '出生日期',
  score: '成绩',
  passed: '是否通过',
  requestId: '申请编号',
  q: '姓名或身份证号码',
  from: '原值',
  to: '新值',
  // 继续教育基地、培训备案
  baseId: '基地编号',
  level: '级别',
  regionalBatch: '批次',
  national: '国家级',
  dual: '双基地',
  cityCode: '所在城市',
  validFrom: '有效期起',
  validTo: '有效期止',
  contactName: '联系人',
  contactPhone: '联系人电话',
  address: '地址',
  supervisingAuthorityId: '主管部门编号',
  filingNo: '备案号',
  industryCode: '项目类目（行业）',
  field: '专业领域',
  form: '培训形式',
  startDate: '开始日期',
  startHalf: '开始半天',
  endDate: '结束日期',
  endHalf: '结束半天',
  place: '培训地点',
  plannedTrainees: '计划人数',
  organiser: '主办单位',
  coOrganiser: '承办单位',
  feePerPerson: '收费标准（元/人）',
  feeNote: '收费说明',
  enrolment: '招生范围',
  needsApproval: '需审核',
  teachers: '师资',
  sessions: '课程安排',
  topic: '课程内容',
  teacher: '授课教师',
  employer: '工作单位',
  date: '日期',
  half: '半天',
};

export function auditFieldLabel(key: string): string {
  return Object.hasOwn(AUDIT_FIELD_LABEL, key) ? AUDIT_FIELD_LABEL[key]! : key;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const timeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const VALUE_LABEL: Record<string, string> = { ...RECORD_STATUS_LABEL, unit: '本单位', authority: '主管部门' };

/** One value of a detail, readable: times in Shanghai, yes/no, lists, nested fields. */
export function auditValueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (ISO_TIME.test(v)) {
      const d = new Date(v);
      if (!Number.isNaN(d.getTime())) return timeFmt.format(d).replace(/\//g, '-');
    }
    return Object.hasOwn(VALUE_LABEL, v) ? VALUE_LABEL[v]! : v;
  }
  if (Array.isArray(v))
    return v.length > 20
      ? `${v.slice(0, 20).map(auditValueText).join('、')} 等${v.length}项`
      : v.map(auditValueText).join('、');
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${auditFieldLabel(k)}=${auditValueText(x)}`);
    return parts.length ? parts.join('，') : '空';
  }
  return String(v);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `from → to` for each field that differs between two snapshots. */
function changed(from: Record<string, unknown>, to: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys
    .filter((k) => to[k] !== undefined && !same(from[k], to[k]))
    .map((k) => `${auditFieldLabel(k)}：${auditValueText(from[k])} → ${auditValueText(to[k])}`);
}

/**
 * 变更: what an audit entry's detail says changed, as readable lines — before → after for the fields it
 * carries (a diff of {from, to}, or a from and a to snapshot), the names of the fields edited, then its
 * other facts as 字段：值.
 */
export function describeAuditChange(detail: Record<string, unknown> | null | undefined): string[] {
  if (!detail) return [];
  const lines: string[] = [];
  const rest: Record<string, unknown> = { ...detail };
  if (isPlainObject(detail.diff)) {
    for (const [k, d] of Object.entries(detail.diff)) {
      if (isPlainObject(d) && ('from' in d || 'to' in d))
        lines.push(`${auditFieldLabel(k)}：${auditValueText(d.from)} → ${auditValueText(d.to)}`);
    }
    delete rest.diff;
  }
  if ('from' in detail && 'to' in detail) {
    if (isPlainObject(detail.from) && isPlainObject(detail.to)) lines.push(...changed(detail.from, detail.to));
    else if (!same(detail.from, detail.to)) lines.push(`${auditValueText(detail.from)} → ${auditValueText(detail.to)}`);
    delete rest.from;
    delete rest.to;
  }
  if (Array.isArray(detail.fields)) {
    lines.push(`修改项：${detail.fields.map((f) => auditFieldLabel(String(f))).join('、') || '无'}`);
    delete rest.fields;
  }
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (k === 'ids' && Array.isArray(v) && typeof rest.count === 'number') continue;
    lines.push(`${auditFieldLabel(k)}：${auditValueText(v)}`);
  }
  return lines;
}
