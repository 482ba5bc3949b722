-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1: the team, its people and their skills.

CREATE TABLE team (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  time_zone        TEXT    NOT NULL,
  interval_minutes INTEGER NOT NULL DEFAULT 30 CHECK (interval_minutes IN (15, 30))
) STRICT;

CREATE TABLE skill (
  id       INTEGER PRIMARY KEY,
  name     TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),
  category TEXT    NOT NULL CHECK (category IN ('product', 'communication', 'emotion-management',
                                                'problem-solving', 'channel', 'language'))
) STRICT;

CREATE TABLE person (
  id                   INTEGER PRIMARY KEY,
  team_id              INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  employee_no          TEXT    NOT NULL CHECK (length (trim (employee_no)) > 0),
  name                 TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  role                 TEXT    NOT NULL CHECK (role IN ('agent', 'technical-support', 'trainer', 'supervisor')),
  level                TEXT    NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  hire_date            TEXT,
  min_minutes_week     INTEGER NOT NULL DEFAULT 0 CHECK (min_minutes_week >= 0),
  max_minutes_week     INTEGER NOT NULL DEFAULT 2400 CHECK (max_minutes_week <= 10080),
  max_consecutive_days INTEGER NOT NULL DEFAULT 6 CHECK (max_consecutive_days BETWEEN 1 AND 14),
  min_rest_minutes     INTEGER NOT NULL DEFAULT 660 CHECK (min_rest_minutes BETWEEN 0 AND 1440),
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (team_id, employee_no),
  CHECK (min_minutes_week <= max_minutes_week)
) STRICT;

CREATE TABLE person_skill (
  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  skill_id    INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
  proficiency INTEGER NOT NULL CHECK (proficiency BETWEEN 0 AND 5),
  PRIMARY KEY (person_id, skill_id)
) STRICT;

CREATE INDEX person_skill_skill ON person_skill (skill_id);
