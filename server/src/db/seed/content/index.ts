import { BELT_AND_ROAD_COURSE } from './belt-and-road';
import { ELECTIVE_COURSES } from './electives';
import { PRIOR_YEAR_COURSE } from './prior-year';
import type { SeedCourse } from './types';

export type { QuestionType, SeedChapter, SeedCourse, SeedMaterial, SeedQuestion } from './types';
export { BELT_AND_ROAD_COURSE, ELECTIVE_COURSES, PRIOR_YEAR_COURSE };

/** Every public-subject course shipped as seed content: 2024 compulsory, 2024 electives, 2023 compulsory. */
export const ALL_COURSES: SeedCourse[] = [BELT_AND_ROAD_COURSE, ...ELECTIVE_COURSES, PRIOR_YEAR_COURSE];
