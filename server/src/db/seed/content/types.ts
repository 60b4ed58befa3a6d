/**
 * Shapes of the public-subject (公需科目) course content shipped as seed data.
 *
 * Chapter bodies use a deliberately tiny "Markdown-lite": paragraphs separated by
 * blank lines, `## ` subheadings and `- ` bullet lists — nothing else — so that the
 * server can store them verbatim and the web client can render them without a
 * Markdown library.
 */
export type QuestionType = 'single' | 'multiple' | 'judge';

export interface SeedQuestion {
  type: QuestionType;
  stem: string;
  /** judge: exactly ['正确', '错误'] */
  options: string[];
  /** indexes into options; single/judge exactly one, multiple two or more */
  answer: number[];
  explanation: string;
}

export interface SeedChapter {
  title: string;
  kind: 'text';
  /** required study minutes */
  minutes: number;
  /** Markdown-lite: paragraphs separated by blank lines, '## ' subheadings, '- ' bullet lists only */
  body: string;
}

export interface SeedMaterial {
  title: string;
  /** e.g. '学习提纲.txt' */
  fileName: string;
  body: string;
}

export interface SeedCourse {
  code: string;
  title: string;
  kind: 'compulsory' | 'elective';
  /** elective area, e.g. '民族团结'; null for compulsory courses */
  area: string | null;
  summary: string;
  lecturer: string;
  chapters: SeedChapter[];
  materials: SeedMaterial[];
  questions: SeedQuestion[];
}
