import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ClassRow } from '@ptce/contracts';
import { useCreateClass } from '../../api/classes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { HalfDayDateField } from '../hours/HalfDayDateField';
import { DATE } from '../hours/record-values';

interface Values {
  title: string;
  category: string;
  place: string;
  startDate: Dayjs;
  startHalf: 'am' | 'pm';
  endDate: Dayjs;
  endHalf: 'am' | 'pm';
}

const required = (message: string) => [{ required: true, message }];

/** 新增培训班 (a unit or an authority): name, category, place, start and end with half days; 项目学时 follows. */
export function ClassModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: ClassRow) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateClass();
  return (
    <FormModal<Values>
      open={open}
      title="新增培训班"
      onClose={onClose}
      afterClose={() => form.resetFields()}
      save={create}
      form={form}
      name="class"
      initialValues={{ startHalf: 'am', endHalf: 'pm', category: '' }}
      onFinish={(v) =>
        create.mutate(
          {
            title: v.title,
            category: v.category ?? '',
            place: v.place,
            startDate: v.startDate.format(DATE),
            startHalf: v.startHalf,
            endDate: v.endDate.format(DATE),
            endHalf: v.endHalf,
          },
          {
            onSuccess: (c) => {
              onCreated(c);
              onClose();
            },
          },
        )
      }
    >
      <Form.Item name="title" label="培训班名称" rules={required('请填写培训班名称')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label="项目类目（专业领域）">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="place" label="培训地点" rules={required('请填写培训地点')}>
        <Input maxLength={100} />
      </Form.Item>
      <HalfDayDateField
        formName="class"
        label="开始时间"
        dateName="startDate"
        halfName="startHalf"
        placeholder="开始日期"
        halfLabel="开始时段"
        rules={required('请选择开始日期')}
        disabledDate={() => false}
      />
      <HalfDayDateField
        formName="class"
        label="结束时间"
        dateName="endDate"
        halfName="endHalf"
        placeholder="结束日期"
        halfLabel="结束时段"
        rules={required('请选择结束日期')}
        disabledDate={() => false}
      />
      <p className="ptce-hint">项目学时按每半天4学时自动计算，不能手工填写。</p>
      <ErrorAlert error={create.error} />
    </FormModal>
  );
}
