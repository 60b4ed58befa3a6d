-- 证书: issued certificates are stored snapshots (the PDF and the data printed on it).
CREATE SEQUENCE certificate_serial_seq;

CREATE TABLE certificates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- public_exam: 《专业技术人员继续教育公需科目考试合格证书》; ce: 《专业技术人员继续教育合格证书》
  kind text NOT NULL CHECK (kind IN ('public_exam', 'ce')),
  serial text NOT NULL UNIQUE,
  -- The public verification code in the QR code: random, not derived from anything guessable.
  code text NOT NULL UNIQUE,
  account_id integer NOT NULL REFERENCES accounts(id),
  year integer NOT NULL,
  snapshot jsonb NOT NULL,
  file_key text NOT NULL,
  sha256 char(64) NOT NULL,
  size integer NOT NULL,
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoke_reason text,
  revoked_by integer,
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
-- One valid certificate of a kind per person and year; revoked ones stay for verification.
CREATE UNIQUE INDEX certificates_one_valid ON certificates (account_id, year, kind) WHERE revoked_at IS NULL;
CREATE INDEX certificates_person_idx ON certificates (account_id, year);
