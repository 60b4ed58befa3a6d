import { useEffect, useMemo, useState } from 'react';
import { Alert, Spin } from 'antd';
import { guangxiMap, rateMapOption, type GuangxiCounties, type StatsAreaRow } from '@ptce/contracts';
import { echarts, StatsChart } from './StatsChart';

let counties: Promise<GuangxiCounties> | null = null;
/** The county boundaries (packages/contracts/maps), fetched with the first map. */
const loadCounties = () =>
  (counties ??= import('@ptce/contracts/maps/guangxi-counties.json').then(
    (m) => m.default as unknown as GuangxiCounties,
  ));

/** Guangxi coloured by 达标率: the cities of the province, or the counties of a city. Clicking an area opens it. */
export function RateMap(p: { cityCode: string | null; areas: StatsAreaRow[]; onOpen: (code: string) => void }) {
  const [mapName, setMapName] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCounties()
      .then((geo) => {
        const m = guangxiMap(geo, p.cityCode);
        if (!echarts.getMap(m.name))
          echarts.registerMap(m.name, m.geoJSON as unknown as Parameters<typeof echarts.registerMap>[1]);
        if (live) setMapName(m.name);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [p.cityCode]);
  const option = useMemo(() => (mapName ? rateMapOption(mapName, p.areas) : null), [mapName, p.areas]);
  if (failed) return <Alert type="warning" showIcon title="地图加载失败，请查看右侧表格" />;
  if (!option) return <Spin description="正在加载地图…" style={{ display: 'block', padding: 120 }} />;
  return (
    <StatsChart
      option={option}
      height={380}
      label="按达标率着色的地图"
      onClick={(e) => {
        const code = (e.data as { code?: string } | undefined)?.code;
        if (code) p.onOpen(code);
      }}
    />
  );
}
