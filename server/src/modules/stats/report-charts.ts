import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as echarts from 'echarts';
import { guangxiMap, type GuangxiCounties } from '@ptce/contracts';

const require = createRequire(import.meta.url);
let counties: GuangxiCounties | null = null;

/** Registers the map for a focus (province or a city) with the server's ECharts, once; returns its name. */
export function registerGuangxiMap(cityCode: string | null): string {
  counties ??= JSON.parse(
    readFileSync(require.resolve('@ptce/contracts/maps/guangxi-counties.json'), 'utf8'),
  ) as GuangxiCounties;
  const m = guangxiMap(counties, cityCode);
  if (!echarts.getMap(m.name))
    echarts.registerMap(m.name, m.geoJSON as unknown as Parameters<typeof echarts.registerMap>[1]);
  return m.name;
}

/** A chart drawn on the server with ECharts' SVG renderer (no canvas, no browser). */
export function renderChartSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, textStyle: { fontFamily: 'cjk' } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
