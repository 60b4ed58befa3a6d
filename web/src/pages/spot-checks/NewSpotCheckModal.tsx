import { useRef, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Radio, Select, Space, type InputRef } from 'antd';
import { useNavigate } from 'react-router';
import { SAMPLE_OF_LABEL, type SpotCheckCreate } from '@ptce/contracts';
import { MIN_INSPECTORS_PER_UNIT, MIN_SAMPLE_PERCENT } from '@ptce/rules';
import { useCreateSpotCheck, useSpotCheckPreview } from '../../api/spot-checks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';

interface Values {
  title: string;
  year: number;
  sampleOf: SpotCheckCreate['sampleOf'];
  unitMode: 'percent' | 'count';
  unitValue: number;
  itemMode: 'percent' | 'count';
  itemValue: number;
  inspectorsPerUnit: number;
  answerDue: string;
  seed?: string;
}

const thisYear = new Date().getFullYear();
const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

function SizeField({ prefix, label }: { prefix: 'unit' | 'item'; label: string }) {
  const mode = Form.useWatch<'percent' | 'count'>(`${prefix}Mode`);
  return (
    <Form.Item label={label} required>
      <Space wrap>
        <Form.Item name={`${prefix}Mode`} noStyle>
          <Radio.Group
            aria-label={`${label}方式`}
            options={[
              { value: 'percent', label: '按比例' },
              { value: 'count', label: '按数量' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name={`${prefix}Value`}
          noStyle
          rules={[
            { required: true, message: `请填写${label}` },
            {
              validator: (_, v: number | null) =>
                mode === 'percent' && v != null && v < MIN_SAMPLE_PERCENT
                  ? Promise.reject(new Error(`抽查比例不能低于${MIN_SAMPLE_PERCENT}%`))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber
            aria-label={label}
            min={1}
            max={mode === 'percent' ? 100 : 100000}
            precision={0}
            suffix={mode === 'percent' ? '%' : '个'}
            style={{ width: 140 }}
          />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

/** 新建抽查: the campaign's settings; 随机抽取 draws the units, records and inspectors at once. */
export function NewSpotCheckModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(true);
  const first = useRef<InputRef>(null);
  const year = Form.useWatch('year', form) ?? thisYear - 1;
  const preview = useSpotCheckPreview(year, open);
  const create = useCreateSpotCheck();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title.trim(),
        year: v.year,
        sampleOf: v.sampleOf,
        unitSize: { mode: v.unitMode, value: v.unitValue },
        itemSize: { mode: v.itemMode, value: v.itemValue },
        inspectorsPerUnit: v.inspectorsPerUnit,
        answerDue: v.answerDue,
        seed: v.seed?.trim() || undefined,
      },
      {
        onSuccess: (r) => {
          void message.success(`已随机抽取（随机种子 ${r.seed}）`);
          setOpen(false);
          void navigate(`/spot-checks/${r.id}`);
        },
      },
    );

  return (
    <FormModal<Values>
      open={open}
      title="新建抽查"
      width={640}
      onClose={() => setOpen(false)}
      afterClose={onClose}
      focusRef={first}
      save={create}
      form={form}
      name="spot-check"
      initialValues={{
        year: thisYear - 1,
        title: `${thisYear - 1}年度专业科目学时抽查`,
        sampleOf: 'records',
        unitMode: 'percent',
        unitValue: MIN_SAMPLE_PERCENT,
        itemMode: 'percent',
        itemValue: 10,
        inspectorsPerUnit: MIN_INSPECTORS_PER_UNIT,
        answerDue: inTwoWeeks(),
      }}
      onFinish={submit}
    >
      <Form.Item
        name="title"
        label="抽查名称"
        rules={[{ required: true, whitespace: true, message: '请填写抽查名称' }]}
      >
        <Input ref={first} maxLength={100} />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item name="year" label="抽查年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select
            style={{ width: 140 }}
            options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d}年度` }))}
          />
        </Form.Item>
        <Form.Item name="answerDue" label="答复截止日期" rules={[{ required: true, message: '请选择答复截止日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
      </Space>
      {preview.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`范围：${preview.data.scopeLabel}。${year}年度有通过认定学时的单位${preview.data.units}个；检查人员库${preview.data.pool.length}人`}
          description={preview.data.pool.map((p) => p.name).join('、')}
        />
      )}
      <Form.Item name="sampleOf" label="抽查对象">
        <Radio.Group options={(['records', 'people'] as const).map((v) => ({ value: v, label: SAMPLE_OF_LABEL[v] }))} />
      </Form.Item>
      <SizeField prefix="unit" label="抽查单位数" />
      <SizeField prefix="item" label="每个单位抽查数" />
      <Form.Item
        name="inspectorsPerUnit"
        label="每个单位的检查人员数"
        extra={`至少${MIN_INSPECTORS_PER_UNIT}名，从检查人员库中随机抽取`}
      >
        <InputNumber min={MIN_INSPECTORS_PER_UNIT} max={10} precision={0} />
      </Form.Item>
      <Form.Item
        name="seed"
        label="随机种子（可不填）"
        extra="不填由系统随机生成；抽取结果、随机种子和名单一并保存并公开，可用来重算抽取结果。"
        rules={[{ pattern: /^[0-9A-Za-z_-]*$/, message: '随机种子只能包含字母、数字、下划线和短横线' }]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <ErrorAlert error={create.error} title="随机抽取失败" />
    </FormModal>
  );
}
