// PDFs with the Chinese serif embedded (certificates), and reports on A4 (统计报告, 抽查报告): headings, tables and
// figure cards.
export { MARGIN, WIDTH, cards, heading, newPdf, openReport, table } from './report-document';
