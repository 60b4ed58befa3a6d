-- Excel imports (导入学员培训信息 and later kinds): one row per import job, so that any app process can
-- answer "how far is it" and the page can show progress; and the bad rows of each job for the
-- per-row result and the downloadable error report. The imported data itself lands in its own tables
-- (hour_records) in one transaction, which also marks the job done.

CREATE TABLE import_jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('all', 'valid_only')),
  status text NOT NULL CHECK (status IN ('validating', 'writing', 'done', 'rejected', 'failed')),
  -- Each (re)run of the job's file has its own number; a runner only updates the row while it is current.
  run integer NOT NULL DEFAULT 1,
  file_name text NOT NULL,
  -- The uploaded file in the file store, kept while "import the valid rows only" is still possible.
  file_key text,
  file_size integer NOT NULL,
  total_rows integer NOT NULL,
  rows_processed integer NOT NULL DEFAULT 0,
  data_rows integer NOT NULL DEFAULT 0,
  error_rows integer NOT NULL DEFAULT 0,
  rows_written integer NOT NULL DEFAULT 0,
  imported_rows integer NOT NULL DEFAULT 0,
  message text,
  created_by integer NOT NULL REFERENCES accounts(id),
  unit_id integer REFERENCES units(id),
  created_at timestamptz NOT NULL,
  -- Touched while a runner works; a running job whose heartbeat stopped was interrupted.
  heartbeat_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX import_jobs_creator_idx ON import_jobs (created_by, id DESC);

CREATE TABLE import_job_errors (
  job_id bigint NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  -- The row number as Excel shows it.
  row_number integer NOT NULL,
  -- The row's cells as read (text), in the kind's column order, for the error report.
  cells jsonb NOT NULL,
  -- [{column, reason}]
  problems jsonb NOT NULL,
  PRIMARY KEY (job_id, row_number)
);
