import { DatePicker, Flex, Form, Radio, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { HALF_OPTIONS, keepEnterInPicker } from './record-values';

/** 开始时间 / 结束时间: a date and its half day (上午 / 下午) under one label. */
export function HalfDayDateField({
  formName,
  label,
  dateName,
  halfName,
  placeholder,
  halfLabel,
  rules,
  dependencies,
  disabledDate,
}: {
  formName: string;
  label: string;
  dateName: string;
  halfName: string;
  placeholder: string;
  halfLabel: string;
  rules: FormRule[];
  dependencies?: string[];
  disabledDate: (d: Dayjs) => boolean;
}) {
  return (
    <Form.Item label={label} required htmlFor={`${formName}_${dateName}`}>
      <Flex gap={8} wrap onKeyDown={keepEnterInPicker}>
        <Form.Item name={dateName} noStyle rules={rules} dependencies={dependencies}>
          <DatePicker
            id={`${formName}_${dateName}`}
            disabledDate={disabledDate}
            placeholder={placeholder}
            className="ptce-record-date"
          />
        </Form.Item>
        <Form.Item name={halfName} noStyle>
          <Radio.Group optionType="button" options={HALF_OPTIONS} aria-label={halfLabel} />
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}
