-- 通知公告: notices written by the operator (人社厅 / 培训中心), their attachments and who read them.
CREATE TABLE notices (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  -- Markdown (headings, lists, links); the web renders it as text, never as HTML.
  body text NOT NULL DEFAULT '',
  -- everyone: public (also on the login page); region: people and units of region_code's area; industry: of industry_code.
  audience text NOT NULL CONSTRAINT notices_audience_check
    CHECK (audience IN ('everyone', 'unit_admins', 'professionals', 'region', 'industry')),
  region_code char(6) REFERENCES regions(code),
  industry_code text REFERENCES industries(code),
  -- 草稿 → 已发布 → 已撤回 (a withdrawn notice may be published again)
  status text NOT NULL DEFAULT 'draft' CONSTRAINT notices_status_check
    CHECK (status IN ('draft', 'published', 'withdrawn')),
  pinned boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  created_by integer REFERENCES accounts(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT notices_audience_target_check CHECK (
    (audience = 'region') = (region_code IS NOT NULL) AND (audience = 'industry') = (industry_code IS NOT NULL)
  ),
  CONSTRAINT notices_published_at_check CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE INDEX notices_status_idx ON notices (status, published_at);

-- 附件: an uploaded file in the file store, or a text kept here (the seed's attachments).
CREATE TABLE notice_attachments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notice_id integer NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  mime_type text NOT NULL,
  size bigint NOT NULL,
  file_key text,
  content text,
  uploaded_at timestamptz NOT NULL,
  CONSTRAINT notice_attachments_one_body CHECK ((content IS NULL) <> (file_key IS NULL))
);
CREATE INDEX notice_attachments_notice_idx ON notice_attachments (notice_id);

-- 已读: one row per reader and notice, written when the reader opens it.
CREATE TABLE notice_reads (
  notice_id integer NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, account_id)
);
CREATE INDEX notice_reads_account_idx ON notice_reads (account_id);
