-- ID numbers and phone numbers at rest (等保 2.0): AES-256-GCM ciphertext in *_enc, and an HMAC-SHA256
-- of the ID number in id_number_hmac for exact look-ups. The keys live outside the database
-- (PII_KEY, or DATA_DIR/pii.key for the embedded default), so this migration cannot encrypt: the
-- app's start-up step (server/src/db/pii-migrate.ts) encrypts the plaintext rows in batches and
-- clears id_number and phone. An account whose username was its ID number gets the hash as username.
ALTER TABLE accounts ADD COLUMN id_number_enc text;
ALTER TABLE accounts ADD COLUMN id_number_hmac text;
ALTER TABLE accounts ADD COLUMN phone_enc text;

-- One professional per ID number, now on the hash; the plaintext column no longer identifies anyone.
DROP INDEX accounts_professional_id_number;
CREATE UNIQUE INDEX accounts_professional_id_number_hmac ON accounts (id_number_hmac) WHERE kind = 'professional';
CREATE INDEX accounts_id_number_hmac_idx ON accounts (id_number_hmac);
-- The start-up step finds the rows still in plaintext without reading the whole table.
CREATE INDEX accounts_pii_plaintext_idx ON accounts (id) WHERE id_number IS NOT NULL OR phone IS NOT NULL;
