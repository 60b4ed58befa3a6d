import { Form, Input, InputNumber, Radio } from 'antd';
import { TRAINEE_RESULT_LABEL, type ClassRow, type TraineeResult, type TraineeRow } from '@ptce/contracts';
import { useAddTrainee, useCorrectTrainee } from '../../api/classes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

interface Values {
  name: string;
  idNumber: string;
  unit: string;
  hours: number;
  result: TraineeResult;
  reason: string;
}

const RESULT_OPTIONS = (Object.keys(TRAINEE_RESULT_LABEL) as TraineeResult[]).map((r) => ({
  value: r,
  label: TRAINEE_RESULT_LABEL[r],
}));

/**
 * 添加学员 (name, ID number, unit, 实际学时, 考核结果) or 更正 an existing trainee (实际学时, 考核结果 and the reason,
 * which the audit log keeps). `onAdded` hears the other classes the person overlaps with.
 */
export function TraineeModal({
  cls,
  trainee,
  open,
  onClose,
  onAdded,
}: {
  cls: ClassRow;
  trainee: TraineeRow | null;
  open: boolean;
  onClose: () => void;
  onAdded: (name: string, overlapsWith: string[]) => void;
}) {
  const [form] = Form.useForm<Values>();
  const add = useAddTrainee(cls.id);
  const correct = useCorrectTrainee(cls.id);
  const save = trainee ? correct : add;
  return (
    <FormModal<Values>
      open={open}
      title={trainee ? `更正学时：${trainee.name}` : '添加学员'}
      onClose={onClose}
      afterClose={() => form.resetFields()}
      save={save}
      form={form}
      name="trainee"
      initialValues={{ hours: trainee?.hours ?? cls.hours, result: trainee?.result ?? 'passed' }}
      onFinish={(v) => {
        if (trainee)
          correct.mutate(
            { id: trainee.id, hours: v.hours, result: v.result, reason: v.reason },
            { onSuccess: onClose },
          );
        else
          add.mutate(
            { name: v.name, idNumber: v.idNumber, unit: v.unit, hours: v.hours, result: v.result },
            {
              onSuccess: (r) => {
                onAdded(r.trainee.name, r.overlapsWith);
                onClose();
              },
            },
          );
      }}
    >
      {!trainee && (
        <>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, message: '请填写身份证号码' }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name="unit"
            label="工作单位"
            rules={[{ required: true, message: '请填写工作单位' }]}
            extra="尚未注册的学员须填写系统中已有单位的全称或统一社会信用代码"
          >
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="hours"
        label={`实际学时（不超过项目学时${cls.hours}）`}
        rules={[{ required: true, message: '请填写实际学时' }]}
      >
        <InputNumber min={0.5} max={cls.hours} step={0.5} precision={1} />
      </Form.Item>
      <Form.Item name="result" label="考核结果">
        <Radio.Group optionType="button" options={RESULT_OPTIONS} />
      </Form.Item>
      {trainee && (
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, message: '请填写更正原因' }]}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      )}
      <ErrorAlert error={save.error} />
    </FormModal>
  );
}
