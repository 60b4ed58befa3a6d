-- An import whose process died (killed, restarted, its machine lost) is carried on by any instance: a job still
-- 校验中 or 导入中 whose heartbeat stopped is claimed (run + 1) and run again from its stored file, in the name of the
-- account that uploaded it. Nothing of the dead run was written (its one write transaction died with its
-- connection). `resumes` counts these takeovers, so a file that kills every process that reads it is given up
-- after a few instead of taking the instances down one by one.
ALTER TABLE import_jobs ADD COLUMN resumes integer NOT NULL DEFAULT 0;

-- The instances look for such jobs every few seconds: only the running ones are indexed.
CREATE INDEX import_jobs_running_idx ON import_jobs (heartbeat_at) WHERE status IN ('validating', 'writing');
