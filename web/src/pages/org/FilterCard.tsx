import type { ReactNode } from 'react';
import { Button, Card, Col, Form, Row, Space, type ColProps, type FormInstance } from 'antd';

/**
 * A list's filter form in a card: the fields (each in its Col), then 查询 (submits) and 重置
 * (clears the form and calls `onReset`). 查询 never spins: a spinning antd button ignores clicks, so a
 * filter changed while the list reloads would be dropped; the list's own spinner shows the progress.
 */
export function FilterCard<V extends object>({
  form,
  name,
  onFinish,
  onReset,
  actionsCol,
  children,
}: {
  form: FormInstance<V>;
  name: string;
  onFinish: (values: V) => void;
  onReset: () => void;
  /** The breakpoints of the 查询 / 重置 column. */
  actionsCol: ColProps;
  children: ReactNode;
}) {
  return (
    <Card className="ptce-section">
      <Form<V> form={form} name={name} layout="vertical" onFinish={onFinish}>
        <Row gutter={16}>
          {children}
          <Col {...actionsCol} className="ptce-filter-actions">
            <Space wrap>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onReset();
                }}
              >
                重置
              </Button>
            </Space>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
