-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 3: accounts, the audit trail and team-wide settings.

-- One account per person at most. The credential is an encoded Argon2id
-- hash that carries its own parameters ($argon2id$v=19$m=…,t=…,p=…$salt$hash),
-- so that they can be raised later; NULL means a supervisor must set one.
CREATE TABLE account (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,
  role            TEXT    NOT NULL CHECK (role IN ('agent', 'trainer', 'supervisor')),
  credential_kind TEXT    NOT NULL CHECK (credential_kind IN ('passphrase', 'pin')),
  credential_hash TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  last_failed_at  TEXT,
  locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  created_at      TEXT    NOT NULL
) STRICT;

-- Who changed what, when. Rows are only ever added.
CREATE TABLE audit_entry (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL,
  account_id INTEGER,
  actor      TEXT    NOT NULL,
  action     TEXT    NOT NULL,
  table_name TEXT    NOT NULL,
  row_id     INTEGER,
  summary    TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
