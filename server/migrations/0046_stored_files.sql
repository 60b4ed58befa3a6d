-- Uploaded and generated files kept in the database (FILE_STORE=database, storage/database-file-store.ts): app
-- instances on several machines then share them without a shared folder, and a database backup holds them. A file
-- is written as chunks first and listed in stored_files last, so a file that is listed is whole; chunks of a file
-- never listed (its process died) are removed an hour later.
CREATE TABLE stored_files (
  key text PRIMARY KEY,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  chunk_bytes integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE stored_file_chunks (
  key text NOT NULL,
  n integer NOT NULL,
  data bytea NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, n)
);
