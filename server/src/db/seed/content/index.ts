import { loadCourse } from './load';
import type { SeedCourse } from './types';

export type { QuestionType, SeedChapter, SeedCourse, SeedMaterial, SeedQuestion } from './types';

/** 2024年度公需科目必修课：《高质量共建“一带一路”谱写人类命运共同体新篇章》. */
export const BELT_AND_ROAD_COURSE: SeedCourse = loadCourse('belt-and-road');

/** One elective per area named in the annual notice: 民族团结、知识产权保护、安全生产、科学技术普及、数字技术. */
export const ELECTIVE_COURSES: SeedCourse[] = [
  'ethnic-unity',
  'ip-protection',
  'work-safety',
  'science-popularization',
  'digital-technology',
].map((folder) => loadCourse(folder));

/** The compulsory course of the previous plan year (2023), used by the 补学补考 (prior-year makeup) flow. */
export const PRIOR_YEAR_COURSE: SeedCourse = loadCourse('prior-year');

/** Every public-subject course shipped as seed content: 2024 compulsory, 2024 electives, 2023 compulsory. */
export const ALL_COURSES: SeedCourse[] = [BELT_AND_ROAD_COURSE, ...ELECTIVE_COURSES, PRIOR_YEAR_COURSE];
