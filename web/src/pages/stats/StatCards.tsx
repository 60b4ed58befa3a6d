import { Card, Col, Statistic } from 'antd';
import type { StatCard } from './stat-cards';

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
