/**
 * Shapes of the public-subject (公需科目) course content shipped as seed data (the folders next to this file, read
 * by load.ts), as zod schemas: the loader checks every file against them.
 *
 * Chapter bodies use a deliberately tiny "Markdown-lite": paragraphs separated by
 * blank lines, `## ` subheadings and `- ` bullet lists — nothing else — so that the
 * server can store them verbatim and the web client can render them without a
 * Markdown library.
 */
import { z } from 'zod';

export const questionTypeSchema = z.enum(['single', 'multiple', 'judge']);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** Not empty, no leading or trailing whitespace. */
const text = z.string().regex(/^\S([\s\S]*\S)?$/, 'empty, or leading or trailing whitespace');

/** One entry of a course's questions.json. */
export const seedQuestionSchema = z
  .strictObject({
    type: questionTypeSchema,
    stem: text,
    /** judge: exactly ['正确', '错误'] */
    options: z.array(text).min(2),
    /** indexes into options; single/judge exactly one, multiple two or more */
    answer: z.array(z.int().min(0)).min(1),
    explanation: text,
  })
  .refine((q) => q.answer.every((a) => a < q.options.length), {
    message: 'an answer index points past the options',
    path: ['answer'],
  });
export type SeedQuestion = z.infer<typeof seedQuestionSchema>;

/** A course's course.json: its metadata, its chapters' files (in order) and its materials' files. */
export const courseFileSchema = z.strictObject({
  code: text,
  title: text,
  kind: z.enum(['compulsory', 'elective']),
  /** elective area, e.g. '民族团结'; null for compulsory courses */
  area: text.nullable(),
  summary: text,
  lecturer: text,
  /** file: a Markdown file of the course folder, '# <chapter title>', a blank line, then the body */
  chapters: z.array(z.strictObject({ file: z.string().regex(/^[\w-]+\.md$/), minutes: z.int().positive() })).min(1),
  /** fileName: the name a download gets; file: the text file of the course folder holding the body */
  materials: z.array(
    z.strictObject({
      title: text,
      fileName: z.string().regex(/^[^/\\]+\.txt$/),
      file: z.string().regex(/^materials\/[\w-]+\.txt$/),
    }),
  ),
});

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
