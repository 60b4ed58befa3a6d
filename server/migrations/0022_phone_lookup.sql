-- 人员查询 by phone (help desk): the phone number is stored only encrypted (0015), so an exact look-up
-- goes through a keyed hash, like the ID number's. Every write of phone_enc writes phone_hmac with it
-- (db/pii.ts phoneColumns). The key lives outside the database, so this migration cannot fill it: the
-- start-up step (server/src/db/pii-migrate.ts) hashes the phones of existing rows.
ALTER TABLE accounts ADD COLUMN phone_hmac text;
CREATE INDEX accounts_phone_hmac_idx ON accounts (phone_hmac);
-- The start-up step finds the rows whose phone has no hash yet without reading the whole table.
CREATE INDEX accounts_phone_unhashed_idx ON accounts (id) WHERE phone_enc IS NOT NULL AND phone_hmac IS NULL;
