import { Col, Form, Input, Select } from 'antd';
import { RecordInput, type RecordDetail } from '@ptce/contracts';
import { zodRule } from '../../lib/form';
import { StaffSelect } from './pickers';
import { TYPE_OPTIONS, type RecordSide } from './record-values';

/** Who (unit side only: picked, or fixed when modifying) and what: 培训类型, 培训内容, 主办单位, 培训地点. */
export function ActivityFields({ side, record }: { side: RecordSide; record?: RecordDetail }) {
  return (
    <>
      {side === 'unit' && (
        <Col xs={24}>
          {record ? (
            <Form.Item label="专业技术人员">
              <span>
                {record.personName}（{record.idNumberMasked}）
              </span>
            </Form.Item>
          ) : (
            <Form.Item
              label="专业技术人员"
              name="accountId"
              rules={[{ required: true, message: '请选择专业技术人员' }]}
              extra="本单位（或本部门）的专业技术人员"
            >
              <StaffSelect />
            </Form.Item>
          )}
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item label="培训类型" name="activityType" rules={[{ required: true, message: '请选择培训类型' }]}>
          <Select options={TYPE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="培训内容" name="title" required rules={[zodRule(RecordInput.shape.title)]}>
          <Input maxLength={200} placeholder="培训、活动的名称或内容" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="主办单位" name="organizer" required rules={[zodRule(RecordInput.shape.organizer)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="培训地点" name="place" required rules={[zodRule(RecordInput.shape.place)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </>
  );
}
