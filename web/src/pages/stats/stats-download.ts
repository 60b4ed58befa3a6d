import { downloadFile } from '../../api/imports';
import { STATS_EXPORT_PATH, STATS_REPORT_PATH, type StatsFilter } from '../../api/stats';

export type StatsTable = 'areas' | 'industries' | 'units' | 'people' | 'person';

/** 导出Excel of one table of the page, with the page's filters. */
export const exportStatsTable = (table: StatsTable, f: StatsFilter & Record<string, string | number | undefined>) =>
  downloadFile(STATS_EXPORT_PATH, { ...f, table }, '统计分析.xlsx');

/** 年度继续教育统计报告 (PDF). */
export const downloadStatsReport = (f: StatsFilter) =>
  downloadFile(STATS_REPORT_PATH, { ...f }, `${f.year}年度继续教育统计报告.pdf`);
