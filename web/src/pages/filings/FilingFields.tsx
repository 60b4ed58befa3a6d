// The fields of 培训备案 (new, edit, 变更): every item the notice lists. 项目学时 is shown, computed from 课程安排
// at the plan's hours per half day — it cannot be typed.
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { FILING_ENROLMENT_LABEL, FILING_FORM_LABEL, type FilingEnrolment, type FilingForm } from '@ptce/contracts';
import { useAnnualPlans, useIndustries } from '../../api/reference';
import { HalfDayDateField } from '../hours/HalfDayDateField';
import { HALF_OPTIONS } from '../hours/record-values';
import { computedHours, mustBeReviewed, sessionsForSpan, type FilingValues } from './filing-values';

const required = (message: string) => [{ required: true, whitespace: true, message }];
const radio = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

export function FilingFields({ form, formName }: { form: FormInstance<FilingValues>; formName: string }) {
  const industries = useIndustries();
  const plans = useAnnualPlans();
  const values = Form.useWatch([], form) as FilingValues | undefined;
  const hours = computedHours(values ?? {}, plans.data);
  const reviewed = mustBeReviewed(values ?? {});

  const layOut = () => {
    const sessions = sessionsForSpan(form.getFieldsValue(true) as FilingValues);
    if (sessions) form.setFieldValue('sessions', sessions);
    else void form.validateFields(['startDate', 'endDate']);
  };

  return (
    <>
      <Card className="ptce-section" title="项目信息">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="项目名称" rules={required('请填写项目名称')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="industryCode" label="项目类目（行业）" rules={required('请选择项目类目（行业）')}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={industries.isPending}
                options={(industries.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="field" label="专业领域" rules={required('请填写专业领域')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="form" label="培训形式" rules={[{ required: true, message: '请选择培训形式' }]}>
              <Radio.Group optionType="button" options={radio<FilingForm>(FILING_FORM_LABEL)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="place" label="培训地点" rules={required('请填写培训地点')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <HalfDayDateField
              formName={formName}
              label="开始时间"
              dateName="startDate"
              halfName="startHalf"
              placeholder="开始日期"
              halfLabel="开始时段"
              rules={[{ required: true, message: '请选择开始日期' }]}
              disabledDate={() => false}
            />
          </Col>
          <Col xs={24} md={12}>
            <HalfDayDateField
              formName={formName}
              label="结束时间"
              dateName="endDate"
              halfName="endHalf"
              placeholder="结束日期"
              halfLabel="结束时段"
              dependencies={['startDate', 'startHalf', 'endHalf']}
              rules={[
                { required: true, message: '请选择结束日期' },
                ({ getFieldValue }) => ({
                  validator: async () => {
                    if (getFieldValue('startDate') && getFieldValue('endDate') && !sessionsForSpan(getFieldValue([])))
                      throw new Error('结束时间不能早于开始时间，且不能跨年');
                  },
                }),
              ]}
              disabledDate={() => false}
            />
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="plannedTrainees" label="计划人数" rules={[{ required: true, message: '请填写计划人数' }]}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label="项目学时">
              <output className="ptce-filing-hours" aria-live="polite" data-testid="filing-hours">
                {hours.halfDays === 0
                  ? '按课程安排自动计算'
                  : hours.hours === null
                    ? '该年度计划未发布，暂不能计算'
                    : `${hours.hours}学时`}
              </output>
              {hours.hoursPerHalfDay !== null && hours.halfDays > 0 && (
                <span className="ptce-hint">
                  （课程安排{hours.halfDays}个半天 × 每半天{hours.hoursPerHalfDay}学时，不能手工填写）
                </span>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="organiser" label="主办单位" rules={required('请填写主办单位')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="coOrganiser" label="承办单位">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card className="ptce-section" title="师资">
        <Form.List name="teachers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col xs={24} sm={6}>
                    <Form.Item name={[f.name, 'name']} rules={required('请填写教师姓名')}>
                      <Input placeholder="教师姓名" aria-label={`第${i + 1}位教师姓名`} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={6}>
                    <Form.Item name={[f.name, 'title']} rules={required('请填写职称')}>
                      <Input placeholder="职称" aria-label={`第${i + 1}位教师职称`} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} sm={10}>
                    <Form.Item name={[f.name, 'employer']}>
                      <Input placeholder="工作单位" aria-label={`第${i + 1}位教师工作单位`} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={2}>
                    <Button
                      type="link"
                      danger
                      disabled={fields.length === 1}
                      aria-label={`删除第${i + 1}位教师`}
                      onClick={() => remove(f.name)}
                    >
                      删除
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({})}>添加教师</Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card className="ptce-section" title="课程安排" extra={<Button onClick={layOut}>按起止时间生成</Button>}>
        <p className="ptce-hint">每个半天一行；项目学时按课程安排的半天数计算。</p>
        <Form.List
          name="sessions"
          rules={[
            {
              validator: async (_, v: unknown[] | undefined) => {
                if (!v?.length) throw new Error('请填写课程安排');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col xs={12} sm={5}>
                    <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: '请选择日期' }]}>
                      <DatePicker aria-label={`第${i + 1}个半天日期`} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={4}>
                    <Form.Item name={[f.name, 'half']} rules={[{ required: true, message: '请选择时段' }]}>
                      <Radio.Group optionType="button" options={HALF_OPTIONS} aria-label={`第${i + 1}个半天时段`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={9}>
                    <Form.Item name={[f.name, 'topic']} rules={required('请填写课程内容')}>
                      <Input placeholder="课程内容" aria-label={`第${i + 1}个半天课程内容`} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={18} sm={4}>
                    <Form.Item name={[f.name, 'teacher']}>
                      <Input placeholder="授课教师" aria-label={`第${i + 1}个半天授课教师`} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} sm={2}>
                    <Button type="link" danger aria-label={`删除第${i + 1}个半天`} onClick={() => remove(f.name)}>
                      删除
                    </Button>
                  </Col>
                </Row>
              ))}
              <Space wrap>
                <Button onClick={() => add({ half: 'am', topic: '', teacher: '' })}>添加半天</Button>
              </Space>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Card>

      <Card className="ptce-section" title="收费与招生">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              name="feePerPerson"
              label="收费标准（元/人）"
              rules={[{ required: true, message: '请填写收费标准，免费填0' }]}
            >
              <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="feeNote" label="收费说明">
              <Input maxLength={200} placeholder="如：含资料费、食宿自理" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="enrolment" label="招生范围" rules={[{ required: true, message: '请选择招生范围' }]}>
              <Radio.Group optionType="button" options={radio<FilingEnrolment>(FILING_ENROLMENT_LABEL)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="needsApproval" label="是否需要审核" valuePropName="checked">
              <Checkbox disabled={reviewed}>
                {reviewed ? '公开招生或收费的项目须经审核后备案' : '提交后须经审核（内部免费培训可不审核，提交即备案）'}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
