import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_COURSES } from './index';
import { CONTENT_DIR, CourseContentError, loadCourse } from './load';
import { courseFileSchema, seedQuestionSchema } from './types';

describe('course content loader', () => {
  it('loads every course folder, and each course has the shape the seed and the schemas expect', () => {
    const folders = fs
      .readdirSync(CONTENT_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.map((f) => loadCourse(f).code).sort()).toEqual(ALL_COURSES.map((c) => c.code).sort());
    for (const c of ALL_COURSES) {
      expect(Object.keys(c)).toEqual([
        'code',
        'title',
        'kind',
        'area',
        'summary',
        'lecturer',
        'chapters',
        'materials',
        'questions',
      ]);
      for (const ch of c.chapters) {
        expect(ch).toEqual({ title: expect.any(String), kind: 'text', minutes: expect.any(Number), body: ch.body });
        expect(ch.body).not.toMatch(/^# |\n$/);
      }
      for (const m of c.materials) expect(m).toEqual({ title: expect.any(String), fileName: m.fileName, body: m.body });
      expect(z.array(seedQuestionSchema).parse(c.questions)).toEqual(c.questions);
      // Course metadata, as course.json would hold it, passes the schema.
      const { questions: _questions, ...meta } = c;
      expect(() =>
        courseFileSchema.parse({
          ...meta,
          chapters: c.chapters.map((ch) => ({ file: 'x.md', minutes: ch.minutes })),
          materials: c.materials.map((m) => ({ title: m.title, fileName: m.fileName, file: 'materials/x.txt' })),
        }),
      ).not.toThrow();
    }
  });

  describe('a malformed course folder', () => {
    let root: string;
    const dir = () => path.join(root, 'c');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir(), file)), { recursive: true });
      fs.writeFileSync(path.join(dir(), file), text);
    };
    const course = {
      code: 'C-1',
      title: '课程',
      kind: 'elective',
      area: '安全生产',
      summary: '简介',
      lecturer: '讲师',
      chapters: [{ file: '01.md', minutes: 20 }],
      materials: [{ title: '要点', fileName: '要点.txt', file: 'materials/01.txt' }],
    };
    const question = { type: 'judge', stem: '题干', options: ['正确', '错误'], answer: [0], explanation: '解析' };
    const fails = (file: string, problem: RegExp) => {
      let error: unknown;
      try {
        loadCourse('c', root);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CourseContentError);
      expect((error as Error).message).toContain(`course content ${path.join(dir(), file)}: `);
      expect((error as Error).message).toMatch(problem);
    };

    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-content-'));
      write('course.json', JSON.stringify(course));
      write('01.md', '# 第一章 标题\n\n## 小标题\n\n正文。\n');
      write('materials/01.txt', '要点\n');
      write('questions.json', JSON.stringify([question]));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('loads when well-formed', () => {
      expect(loadCourse('c', root)).toEqual({
        ...course,
        chapters: [{ title: '第一章 标题', kind: 'text', minutes: 20, body: '## 小标题\n\n正文。' }],
        materials: [{ title: '要点', fileName: '要点.txt', body: '要点\n' }],
        questions: [question],
      });
    });

    it('names course.json when it is not JSON, misses a field or has an unknown one', () => {
      write('course.json', '{ "code": ');
      fails('course.json', /not valid JSON/);
      write('course.json', JSON.stringify({ ...course, lecturer: undefined }));
      fails('course.json', /lecturer/);
      write('course.json', JSON.stringify({ ...course, teacher: '讲师' }));
      fails('course.json', /teacher/);
      write('course.json', JSON.stringify({ ...course, kind: 'optional' }));
      fails('course.json', /kind/);
    });

    it('names questions.json when a question is malformed', () => {
      write('questions.json', JSON.stringify([question, { ...question, answer: [2] }]));
      fails('questions.json', /answer/);
      write('questions.json', JSON.stringify([{ ...question, stem: ' ' }]));
      fails('questions.json', /stem/);
    });

    it('names the chapter file when it lacks its title line or is missing', () => {
      write('01.md', '## 小标题\n\n正文。\n');
      fails('01.md', /# <title>/);
      fs.rmSync(path.join(dir(), '01.md'));
      fails('01.md', /ENOENT/);
    });

    it('names the material file when it is missing', () => {
      fs.rmSync(path.join(dir(), 'materials/01.txt'));
      fails('materials/01.txt', /ENOENT/);
    });
  });
});
