-- 补考申请: a professional who failed every attempt of the year's compulsory exam asks online for a
-- makeup (补学补考) instead of phoning the help desk; the help desk grants it (opening a new round,
-- exam_rounds) or refuses it with a reason. One open request per person. The phone number is PII and
-- stored encrypted like accounts.phone_enc.
CREATE TABLE makeup_requests (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  plan_year integer NOT NULL REFERENCES annual_plans(year),
  -- The round whose attempts were used up when the person applied.
  round_no integer NOT NULL CHECK (round_no > 0),
  reason text NOT NULL,
  phone_enc text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by integer REFERENCES accounts(id),
  decision_reason text,
  -- The round the grant opened.
  granted_round_no integer,
  CONSTRAINT makeup_requests_decided CHECK (status = 'pending' OR (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
  CONSTRAINT makeup_requests_refusal_reason CHECK (status <> 'refused' OR decision_reason IS NOT NULL),
  CONSTRAINT makeup_requests_granted_round CHECK (status <> 'granted' OR granted_round_no IS NOT NULL)
);
CREATE UNIQUE INDEX makeup_requests_one_open ON makeup_requests (account_id) WHERE status = 'pending';
CREATE INDEX makeup_requests_status_idx ON makeup_requests (status, created_at);
CREATE INDEX makeup_requests_account_idx ON makeup_requests (account_id, plan_year);
