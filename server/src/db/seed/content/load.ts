import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SEED_DIR } from '../../../paths';
import { courseFileSchema, seedQuestionSchema, type SeedChapter, type SeedCourse } from './types';

/** The folder holding one folder per course. */
export const CONTENT_DIR = path.join(SEED_DIR, 'content');

/** A content file that is missing or does not have the expected shape; the message names the file. */
export class CourseContentError extends Error {
  constructor(file: string, problem: string) {
    super(`course content ${file}: ${problem}`);
    this.name = 'CourseContentError';
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CourseContentError(file, (e as Error).message);
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof CourseContentError) throw e;
    throw new CourseContentError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new CourseContentError(file, z.prettifyError(parsed.error));
  return parsed.data;
}

/** A chapter file: '# <title>', a blank line, the body, and a final newline (not part of the body). */
function readChapter(file: string, minutes: number): SeedChapter {
  const match = /^# ([^\n]+)\n\n([\s\S]+)\n$/.exec(readText(file));
  if (!match) throw new CourseContentError(file, "expected '# <title>', a blank line, the body and a final newline");
  const [, title, body] = match as unknown as [string, string, string];
  if (body.endsWith('\n')) throw new CourseContentError(file, 'blank lines at the end');
  return { title, kind: 'text', minutes, body };
}

/**
 * Reads the course in CONTENT_DIR/<folder>: course.json (metadata, chapter and material files), one Markdown file
 * per chapter, a text file per material and questions.json (the question bank, in order).
 */
export function loadCourse(folder: string, root = CONTENT_DIR): SeedCourse {
  const dir = path.join(root, folder);
  const meta = readJson(path.join(dir, 'course.json'), courseFileSchema);
  return {
    code: meta.code,
    title: meta.title,
    kind: meta.kind,
    area: meta.area,
    summary: meta.summary,
    lecturer: meta.lecturer,
    chapters: meta.chapters.map((ch) => readChapter(path.join(dir, ch.file), ch.minutes)),
    materials: meta.materials.map((m) => ({
      title: m.title,
      fileName: m.fileName,
      body: readText(path.join(dir, m.file)),
    })),
    questions: readJson(path.join(dir, 'questions.json'), z.array(seedQuestionSchema)),
  };
}
