-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8: certification exams. An exam draws questions from the bank by
-- rules; an attempt freezes its draw, the order of its questions and of
-- their choices when it starts, and saves every answer as it changes.
-- Times are UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ); days are YYYY-MM-DD.

CREATE TABLE exam (
  id                 INTEGER PRIMARY KEY,
  name               TEXT    NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  description        TEXT    NOT NULL DEFAULT '',
  skill_id           INTEGER REFERENCES skill (id) ON DELETE SET NULL,
  level              INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2),
  validity_months    INTEGER NOT NULL DEFAULT 12 CHECK (validity_months BETWEEN 0 AND 120),
  -- 0: no time limit
  time_limit_minutes INTEGER NOT NULL DEFAULT 0 CHECK (time_limit_minutes BETWEEN 0 AND 1440),
  overdue            TEXT    NOT NULL DEFAULT 'autosubmit' CHECK (overdue IN ('autosubmit', 'grace')),
  grace_minutes      INTEGER NOT NULL DEFAULT 0 CHECK (grace_minutes BETWEEN 0 AND 1440),
  -- 0: as many as wanted
  attempts_allowed   INTEGER NOT NULL DEFAULT 0 CHECK (attempts_allowed >= 0),
  cooldown_hours     INTEGER NOT NULL DEFAULT 0 CHECK (cooldown_hours >= 0),
  pass_percent       REAL    NOT NULL DEFAULT 60 CHECK (pass_percent BETWEEN 0 AND 100),
  grading_method     TEXT    NOT NULL DEFAULT 'highest' CHECK (grading_method IN ('highest', 'last')),
  shuffle_questions  INTEGER NOT NULL DEFAULT 1 CHECK (shuffle_questions IN (0, 1)),
  shuffle_choices    INTEGER NOT NULL DEFAULT 1 CHECK (shuffle_choices IN (0, 1)),
  review             TEXT    NOT NULL DEFAULT 'after-submit'
                             CHECK (review IN ('never', 'after-submit', 'after-pass')),
  available          INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1))
) STRICT;

-- N questions from a category (and those under it) at a difficulty, or
-- one fixed question
CREATE TABLE exam_draw_rule (
  id                 INTEGER PRIMARY KEY,
  exam_id            INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  position           INTEGER NOT NULL CHECK (position >= 0),
  category_id        INTEGER REFERENCES question_category (id) ON DELETE CASCADE,
  with_subcategories INTEGER NOT NULL DEFAULT 1 CHECK (with_subcategories IN (0, 1)),
  -- 0: any difficulty
  difficulty         INTEGER NOT NULL DEFAULT 0 CHECK (difficulty BETWEEN 0 AND 5),
  count              INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
  question_id        INTEGER REFERENCES question (id) ON DELETE CASCADE,
  CHECK ((category_id IS NULL) <> (question_id IS NULL)),
  UNIQUE (exam_id, position)
) STRICT;

-- Feedback by the percentage reached
CREATE TABLE exam_feedback_band (
  exam_id     INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  min_percent REAL    NOT NULL CHECK (min_percent BETWEEN 0 AND 100),
  feedback    TEXT    NOT NULL,
  PRIMARY KEY (exam_id, min_percent)
) STRICT;

-- Extra time for a person, on top of the time limit
CREATE TABLE exam_extra_time (
  exam_id    INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
  PRIMARY KEY (exam_id, person_id)
) STRICT;

CREATE TABLE exam_attempt (
  id             INTEGER PRIMARY KEY,
  exam_id        INTEGER NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL CHECK (number >= 1),
  seed           INTEGER NOT NULL,
  started        TEXT    NOT NULL,
  -- NULL: no time limit
  deadline       TEXT,
  submitted      TEXT,
  state          TEXT    NOT NULL DEFAULT 'in-progress'
                         CHECK (state IN ('in-progress', 'submitted', 'abandoned')),
  auto_submitted INTEGER NOT NULL DEFAULT 0 CHECK (auto_submitted IN (0, 1)),
  -- Set when graded; NULL while an essay waits for a trainer
  score          REAL,
  max_score      REAL,
  percent        REAL,
  passed         INTEGER CHECK (passed IN (0, 1)),
  UNIQUE (exam_id, person_id, number)
) STRICT;

CREATE INDEX exam_attempt_person ON exam_attempt (person_id, exam_id);

-- The frozen draw of an attempt, one row per question in the order shown,
-- with the answer saved on every change and its grade
CREATE TABLE exam_attempt_question (
  attempt_id     INTEGER NOT NULL REFERENCES exam_attempt (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL CHECK (position >= 0),
  -- The bank may lose the question later; the attempt keeps its id
  question_id    INTEGER NOT NULL,
  -- Position shown → position in the bank, comma-separated
  choice_order   TEXT    NOT NULL DEFAULT '',
  max_mark       REAL    NOT NULL DEFAULT 1 CHECK (max_mark >= 0),
  response       TEXT,
  saved          TEXT,
  flagged        INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
  fraction       REAL    CHECK (fraction BETWEEN 0 AND 1),
  mark           REAL,
  -- Essays: waiting for a trainer, then graded by whom, when, with what comment
  needs_grading  INTEGER NOT NULL DEFAULT 0 CHECK (needs_grading IN (0, 1)),
  graded_by      INTEGER REFERENCES person (id) ON DELETE SET NULL,
  graded         TEXT,
  grader_comment TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (attempt_id, position)
) STRICT;

CREATE INDEX exam_attempt_question_grading ON exam_attempt_question (needs_grading) WHERE needs_grading = 1;

CREATE TABLE certification (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  skill_id    INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
  level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 2),
  issued      TEXT    NOT NULL,
  expires     TEXT    NOT NULL,
  exam_id     INTEGER REFERENCES exam (id) ON DELETE SET NULL,
  attempt_id  INTEGER REFERENCES exam_attempt (id) ON DELETE SET NULL,
  code        TEXT    NOT NULL UNIQUE,
  revoked     TEXT,
  revoked_reason TEXT NOT NULL DEFAULT '',
  CHECK (expires >= issued)
) STRICT;

CREATE INDEX certification_person ON certification (person_id);
CREATE INDEX certification_skill ON certification (skill_id, level);
