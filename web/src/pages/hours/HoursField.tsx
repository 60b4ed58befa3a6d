import { Button, Flex, Form, InputNumber } from 'antd';
import { hoursText } from './labels';
import type { HoursRule } from './useRecordRules';

/**
 * 申请学时: 4 学时 per half day from start to end (the plan's number, from the server's preview).
 * Training classes always count by the dates; other activities may overwrite the number
 * (附件2: 非培训进修类的继续教育活动，请根据文件要求及实际情况手动修改).
 */
export function HoursField({
  formName,
  isTraining,
  computed,
  spanProblem,
  pending,
  previewFailed,
  previewRefusal,
  hoursRules,
  edited,
  onReset,
}: {
  formName: string;
  isTraining: boolean;
  computed: { halfDays: number; hours: number } | null;
  /** Why the chosen span cannot be registered (不能跨年登记, end before start), said at once. */
  spanProblem: string | null;
  pending: boolean;
  previewFailed: boolean;
  /** The server's reason the year cannot be counted (e.g. 2027年度计划尚未发布), shown instead of an error. */
  previewRefusal: string | null;
  hoursRules: HoursRule[];
  edited: boolean;
  onReset: () => void;
}) {
  const formula =
    computed && computed.halfDays > 0
      ? `${computed.halfDays} 个半天 × 每半天 ${hoursText(computed.hours / computed.halfDays)} 学时 = ${hoursText(computed.hours)} 学时`
      : null;
  const status =
    spanProblem ??
    (pending
      ? '正在计算…'
      : (previewRefusal ?? (previewFailed ? '暂时无法计算，请稍后重试' : (formula ?? '请先选择开始和结束时间'))));

  if (isTraining) {
    return (
      <Form.Item label="申请学时" htmlFor={`${formName}_hoursText`}>
        <div className="ptce-hours-box" id={`${formName}_hoursText`} aria-live="polite">
          <span className="ptce-hours-value">{computed && !pending ? `${hoursText(computed.hours)} 学时` : '—'}</span>
          <span className="ptce-hours-formula">{status}</span>
        </div>
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label="申请学时"
      required
      extra={
        <span aria-live="polite">
          按起止时间计算：{status}。非培训进修类的继续教育活动，请根据文件要求及实际情况修改学时数。
          {computed && edited && (
            <Button type="link" size="small" className="ptce-link-btn" onClick={onReset}>
              按起止时间计算
            </Button>
          )}
        </span>
      }
    >
      <Flex gap={8} align="center">
        <Form.Item name="hours" noStyle rules={hoursRules}>
          <InputNumber
            id={`${formName}_hours`}
            min={0.1}
            max={999}
            step={1}
            aria-label="申请学时"
            style={{ width: 160 }}
          />
        </Form.Item>
        <span>学时</span>
      </Flex>
    </Form.Item>
  );
}
