-- Tamper-evident audit log: every entry carries the hash of the one before it.
-- hash = sha256(prev_hash || '|' || canonical entry), the canonical entry being a JSON array of its
-- fields (jsonb text output is deterministic). A BEFORE INSERT trigger takes the one-row chain head
-- FOR UPDATE, so appends from concurrent transactions are chained one after another in commit order
-- of the head. Editing or deleting an entry afterwards breaks the chain; `npm run verify-audit`
-- recomputes it and names the first broken entry. sha256() is built in (PostgreSQL 11+, PGlite).

ALTER TABLE audit_log ADD COLUMN chain_seq bigint;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_entry_hash(prev text, e audit_log) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_array(
    e.chain_seq, e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_account_id, e.actor_name, e.actor_kind,
    e.action, e.target_type, e.target_id, e.result, e.ip, e.detail)::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  NEW.chain_seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_entry_hash(head_hash, NEW);
  UPDATE audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END
$$;

-- The entries already written are chained in id order.
DO $$
DECLARE
  r audit_log%ROWTYPE;
  h text := repeat('0', 64);
  s bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    s := s + 1;
    r.chain_seq := s;
    r.prev_hash := h;
    h := audit_entry_hash(h, r);
    UPDATE audit_log SET chain_seq = s, prev_hash = r.prev_hash, hash = h WHERE id = r.id;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, s, h);
END
$$;

ALTER TABLE audit_log ALTER COLUMN chain_seq SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_chain_seq_idx ON audit_log (chain_seq);

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
