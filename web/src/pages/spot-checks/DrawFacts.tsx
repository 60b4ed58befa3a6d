import { Descriptions } from 'antd';
import { sampleSizeLabel, type SpotCheckDraw } from '@ptce/contracts';

/** How the sample was drawn: the seed, the algorithm, the sizes and the length of each list. */
export function DrawFacts({ draw, showLists = true }: { draw: SpotCheckDraw; showLists?: boolean }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="随机种子">
        <code data-testid="spot-check-seed">{draw.seed}</code>
      </Descriptions.Item>
      <Descriptions.Item label="抽取算法">{draw.algorithm}</Descriptions.Item>
      <Descriptions.Item label="抽查单位数">{sampleSizeLabel(draw.unitSize)}</Descriptions.Item>
      <Descriptions.Item label="每个单位抽查数">{sampleSizeLabel(draw.itemSize)}</Descriptions.Item>
      <Descriptions.Item label="每个单位检查人员">{draw.inspectorsPerUnit}名</Descriptions.Item>
      {showLists && (
        <Descriptions.Item label="抽取名单">
          单位{draw.population.units.length}个，检查人员库{draw.population.pool.length}人
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
