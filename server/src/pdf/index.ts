// Reports as A4 PDFs (统计报告, 抽查报告): the document with its Chinese fonts, headings, tables and figure cards.
export { A4, MARGIN, WIDTH, cards, heading, openReport, table, type ReportDocument } from './report-document';
