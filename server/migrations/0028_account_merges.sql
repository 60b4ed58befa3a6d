-- 合并账号 (人员查询): two accounts of one person (one created with a wrong ID number, or a duplicate)
-- become one. The merged account is disabled and marked (merged_into_id); every row moved to the kept
-- account is listed in account_merges.moved, so 撤销合并 within the window moves exactly those back.
ALTER TABLE accounts ADD COLUMN merged_into_id integer REFERENCES accounts(id);
ALTER TABLE accounts ADD CONSTRAINT accounts_merged_into_check CHECK (merged_into_id IS NULL OR merged_into_id <> id);

CREATE TABLE account_merges (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kept_id integer NOT NULL REFERENCES accounts(id),
  merged_id integer NOT NULL REFERENCES accounts(id),
  reason text NOT NULL,
  -- the keys of every moved row, by table (see modules/helpdesk/merge-moves.ts)
  moved jsonb NOT NULL,
  -- the merged account's login_enabled before the merge, restored by 撤销合并
  merged_login_enabled boolean NOT NULL,
  merged_at timestamptz NOT NULL,
  merged_by integer NOT NULL REFERENCES accounts(id),
  undo_until timestamptz NOT NULL,
  undone_at timestamptz,
  undone_by integer REFERENCES accounts(id),
  undo_reason text,
  CONSTRAINT account_merges_two_accounts CHECK (kept_id <> merged_id),
  CONSTRAINT account_merges_undone CHECK ((undone_at IS NULL) = (undone_by IS NULL) AND (undone_at IS NULL) = (undo_reason IS NULL))
);
CREATE UNIQUE INDEX account_merges_one_active ON account_merges (merged_id) WHERE undone_at IS NULL;
CREATE INDEX account_merges_kept_idx ON account_merges (kept_id);
