import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the 统计分析 charts use; this page's chunk alone carries ECharts.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };

/** One ECharts chart that follows its option and its box's size; `onClick` gets the clicked item's data. */
export function StatsChart(p: {
  option: Record<string, unknown>;
  height: number;
  label: string;
  onClick?: (data: { name: string; data?: unknown }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(p.onClick);
  useEffect(() => {
    click.current = p.onClick;
  }, [p.onClick]);
  useEffect(() => {
    const c = echarts.init(box.current!, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => click.current?.({ name: e.name, data: e.data }));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(p.option, { notMerge: true });
  }, [p.option]);
  return <div ref={box} role="img" aria-label={p.label} style={{ width: '100%', height: p.height }} />;
}
