-- Public subjects (公需科目): courses, chapters, materials, question banks, learning progress,
-- exam rounds and attempts, and the one ledger of public hours.
-- Written for both PostgreSQL 15 (server) and PGlite (PostgreSQL 18).

CREATE TABLE courses (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('compulsory', 'elective')),
  area text,
  summary text NOT NULL DEFAULT '',
  lecturer text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A chapter is text (stored here) or a PDF / video file (stored in the FileStore, served with Range).
CREATE TABLE course_chapters (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id integer NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('text', 'pdf', 'video')),
  required_seconds integer NOT NULL CHECK (required_seconds > 0),
  body text,
  file_key text,
  file_name text,
  mime_type text,
  file_size bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT course_chapters_seq UNIQUE (course_id, seq),
  CONSTRAINT course_chapters_text_body CHECK (kind <> 'text' OR body IS NOT NULL)
);

-- 相关资料: seeded materials keep their text here; uploaded ones live in the FileStore.
CREATE TABLE course_materials (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id integer NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  title text NOT NULL,
  file_name text NOT NULL,
  mime_type text NOT NULL,
  content text,
  file_key text,
  file_size bigint,
  created_at timestamptz NOT NULL,
  CONSTRAINT course_materials_seq UNIQUE (course_id, seq),
  CONSTRAINT course_materials_one_body CHECK ((content IS NULL) <> (file_key IS NULL))
);

-- Which courses a year's plan uses: one compulsory course (必修课) and its electives (选修课).
CREATE TABLE plan_courses (
  year integer NOT NULL REFERENCES annual_plans(year) ON DELETE CASCADE,
  course_id integer NOT NULL REFERENCES courses(id),
  kind text NOT NULL CHECK (kind IN ('compulsory', 'elective')),
  seq integer NOT NULL DEFAULT 0,
  PRIMARY KEY (year, course_id)
);
CREATE UNIQUE INDEX plan_courses_one_compulsory ON plan_courses (year) WHERE kind = 'compulsory';
CREATE INDEX plan_courses_course_idx ON plan_courses (course_id);

-- 题库: options and answers as JSON arrays; answers index into options.
CREATE TABLE questions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id integer NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('single', 'multiple', 'judge')),
  stem text NOT NULL,
  options jsonb NOT NULL,
  answer jsonb NOT NULL,
  explanation text NOT NULL DEFAULT '',
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT questions_unique_stem UNIQUE (course_id, stem)
);

-- A round is one pass at the year's compulsory course: its learning progress and its
-- max_attempts exam attempts. Round 1 opens on first use; a makeup grant (补学补考) or the
-- prior-year makeup (历年培训) opens the next one, which starts learning over with new attempts.
CREATE TABLE exam_rounds (
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  plan_year integer NOT NULL REFERENCES annual_plans(year),
  round_no integer NOT NULL CHECK (round_no > 0),
  kind text NOT NULL CHECK (kind IN ('regular', 'makeup', 'prior_year')),
  opened_at timestamptz NOT NULL,
  granted_by integer REFERENCES accounts(id),
  reason text,
  PRIMARY KEY (account_id, plan_year, round_no),
  CONSTRAINT exam_rounds_makeup_reason CHECK (kind <> 'makeup' OR (granted_by IS NOT NULL AND reason IS NOT NULL))
);

-- Time credited per chapter, in milliseconds. Electives are always round 1; the compulsory
-- course counts in the person's current round. For a video the credited time is also the
-- furthest position watched: it can only grow as fast as the wall clock.
CREATE TABLE chapter_progress (
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  plan_year integer NOT NULL,
  chapter_id integer NOT NULL REFERENCES course_chapters(id) ON DELETE CASCADE,
  round_no integer NOT NULL,
  credited_ms integer NOT NULL DEFAULT 0 CHECK (credited_ms >= 0),
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (account_id, plan_year, chapter_id, round_no)
);

CREATE TABLE course_completions (
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  plan_year integer NOT NULL,
  course_id integer NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  round_no integer NOT NULL,
  completed_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, plan_year, course_id, round_no)
);

-- The one chapter a person is studying right now, and the last accepted heartbeat. One row per
-- person: a second tab or device takes the row over, so time is never counted twice.
CREATE TABLE learning_presence (
  account_id integer PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  tab_id text NOT NULL,
  plan_year integer NOT NULL,
  round_no integer NOT NULL,
  chapter_id integer NOT NULL REFERENCES course_chapters(id) ON DELETE CASCADE,
  required_seconds integer NOT NULL,
  video boolean NOT NULL,
  open_until timestamptz NOT NULL,
  opened_at timestamptz NOT NULL,
  last_beat_at timestamptz NOT NULL,
  last_credit_ms integer NOT NULL DEFAULT 0
);

-- 考试: the paper is stored as served (questions, option order, points, answers in served order).
CREATE TABLE exam_attempts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id integer NOT NULL,
  plan_year integer NOT NULL,
  round_no integer NOT NULL,
  attempt_no integer NOT NULL CHECK (attempt_no > 0),
  course_id integer NOT NULL REFERENCES courses(id),
  started_at timestamptz NOT NULL,
  deadline_at timestamptz NOT NULL,
  submitted_at timestamptz,
  auto_submitted boolean NOT NULL DEFAULT false,
  paper jsonb NOT NULL,
  total_points integer NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  earned_points integer,
  score integer,
  passed boolean,
  FOREIGN KEY (account_id, plan_year, round_no) REFERENCES exam_rounds (account_id, plan_year, round_no) ON DELETE CASCADE,
  CONSTRAINT exam_attempts_number UNIQUE (account_id, plan_year, round_no, attempt_no)
);
-- At most one open attempt per person and year, whatever the application does.
CREATE UNIQUE INDEX exam_attempts_one_open ON exam_attempts (account_id, plan_year) WHERE submitted_at IS NULL;
CREATE INDEX exam_attempts_open_deadline ON exam_attempts (deadline_at) WHERE submitted_at IS NULL;

-- 公需科目学时: the one place public hours are recorded (credited automatically, never registered).
CREATE TABLE public_credits (
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('compulsory', 'elective')),
  hours numeric(6,1) NOT NULL CHECK (hours >= 0),
  credited_at timestamptz NOT NULL,
  source text NOT NULL,
  CONSTRAINT public_credits_once UNIQUE (account_id, year, kind)
);
CREATE INDEX public_credits_year_idx ON public_credits (year, kind);
