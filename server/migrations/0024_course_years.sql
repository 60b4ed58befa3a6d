-- 课程管理 for a new year: a course is made for a plan year and is a draft (草稿) until the training
-- centre publishes it; learners see published courses only. A course copied from last year's
-- (复制上年课程) remembers its source. Courses that existed before are published, and their year is the
-- first plan year that used them.
ALTER TABLE courses ADD COLUMN year integer;
ALTER TABLE courses ADD COLUMN status text NOT NULL DEFAULT 'published';
ALTER TABLE courses ADD CONSTRAINT courses_status_check CHECK (status IN ('draft', 'published'));
ALTER TABLE courses ADD COLUMN published_at timestamptz;
ALTER TABLE courses ADD COLUMN copied_from integer REFERENCES courses(id) ON DELETE SET NULL;
UPDATE courses SET year = (SELECT min(pc.year) FROM plan_courses pc WHERE pc.course_id = courses.id),
  published_at = created_at;
CREATE INDEX courses_year_idx ON courses (year);

-- The record an import fills, when its kind needs one (题库导入: the course whose bank receives the questions).
ALTER TABLE import_jobs ADD COLUMN target_id integer;
