import { Card, Col, Statistic } from 'antd';

/** A headline figure of 统计分析: its title, value and unit. */
export type StatCard = readonly [title: string, value: number, suffix: string];

/** The headline cards of a statistics page, as columns of the caller's row. */
export function StatCards({ cards }: { cards: readonly StatCard[] }) {
  return (
    <>
      {cards.map(([title, value, suffix]) => (
        <Col key={title} xs={12} sm={8} lg={4}>
          <Card size="small">
            <Statistic title={title} value={value} suffix={suffix} />
          </Card>
        </Col>
      ))}
    </>
  );
}
