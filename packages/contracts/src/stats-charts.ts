/**
 * The 统计分析 charts as ECharts options: one definition drawn by the browser (web/src/pages/stats) and by the
 * server's PDF report (modules/stats, ECharts' SVG renderer), so both show the same thing. Plain objects only.
 */
import type { StatsAreaRow, StatsOverview } from './stats';

type Option = Record<string, unknown>;

/** A FeatureCollection of Guangxi's counties (packages/contracts/maps/guangxi-counties.json). */
export interface GuangxiCounties {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { code: string; name: string; cityCode: string; cityName: string };
    geometry: unknown;
  }>;
}

/**
 * The map to register for a focus: the province shows its 14 cities (each city drawn from its counties, named
 * after the city, so ECharts joins them into one region), a city shows its counties.
 */
export function guangxiMap(geo: GuangxiCounties, cityCode: string | null): { name: string; geoJSON: Option } {
  const features = cityCode
    ? geo.features.filter((f) => f.properties.cityCode === cityCode)
    : geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.cityName } }));
  return { name: `guangxi-${cityCode ?? 'province'}`, geoJSON: { type: 'FeatureCollection', features } };
}

const RATE_COLOURS = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'];

/** The map coloured by 达标率 (red low, green high); areas without units stay grey. */
export function rateMapOption(mapName: string, areas: StatsAreaRow[], opts: { animation?: boolean } = {}): Option {
  return {
    animation: opts.animation ?? true,
    tooltip: { trigger: 'item', formatter: '{b}<br/>达标率 {c}%' },
    visualMap: {
      min: 0,
      max: 100,
      text: ['达标率 100%', '0%'],
      calculable: false,
      inRange: { color: RATE_COLOURS },
      left: 0,
      bottom: 0,
      itemWidth: 12,
      itemHeight: 90,
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        selectedMode: false,
        label: { show: true, fontSize: 10 },
        itemStyle: { areaColor: '#eeeeee', borderColor: '#ffffff' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#69b1ff' } },
        data: areas.map((a) => ({ name: a.name, value: a.metRate, code: a.code })),
      },
    ],
  };
}

/** Horizontal bars of 达标率 by row (industries, or areas in the report). */
export function rateBarsOption(rows: StatsAreaRow[], opts: { animation?: boolean } = {}): Option {
  const sorted = [...rows].sort((a, b) => a.metRate - b.metRate);
  return {
    animation: opts.animation ?? true,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: '达标率',
        data: sorted.map((r) => r.metRate),
        label: { show: true, position: 'right', formatter: '{c}%' },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

/** Approved professional hours by where the records came from. */
export function sourcesOption(sources: StatsOverview['sources'], opts: { animation?: boolean } = {}): Option {
  return {
    animation: opts.animation ?? true,
    tooltip: { trigger: 'item', formatter: '{b}：{c}学时（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: sources.map((s) => ({ name: s.label, value: s.hours })),
      },
    ],
  };
}

/** People by total hours; the band just short of the requirement is marked. */
export function bandsOption(bands: StatsOverview['bands'], opts: { animation?: boolean } = {}): Option {
  return {
    animation: opts.animation ?? true,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bands.map((b) => b.label), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', name: '人数', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '人数',
        label: { show: true, position: 'top' },
        data: bands.map((b) => ({
          value: b.people,
          itemStyle: { color: b.band === 'short' ? '#fa8c16' : b.band === 'full' ? '#52c41a' : '#8c8c8c' },
        })),
      },
    ],
  };
}

/** Approvals and compulsory-course completions per month, with the year's two deadlines marked. */
export function trendOption(
  o: Pick<StatsOverview, 'months' | 'deadlines' | 'year'>,
  opts: { animation?: boolean } = {},
): Option {
  const monthOf = (date: string) => {
    const [y, m] = date.split('-').map(Number);
    return (y! - o.year) * 12 + m!;
  };
  const label = (m: number) => o.months.find((x) => x.month === m)?.label;
  const marks = [
    { name: '公需科目截止', at: label(monthOf(o.deadlines.publicDeadline)) },
    { name: '专业科目截止', at: label(monthOf(o.deadlines.professionalDeadline)) },
  ].filter((m) => m.at);
  return {
    animation: opts.animation ?? true,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: o.months.map((m) => m.label), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: '专业科目审核通过（条）',
        data: o.months.map((m) => m.approvals),
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#cf1322', type: 'dashed' },
          label: { formatter: '{b}', color: '#cf1322' },
          data: marks.map((m) => ({ name: m.name, xAxis: m.at })),
        },
      },
      { type: 'line', name: '公需必修完成（人）', data: o.months.map((m) => m.completions) },
    ],
  };
}
