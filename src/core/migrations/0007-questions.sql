-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 7: the question bank of the certification exams. Categories form
-- a tree and may stand for a skill; a question has choices (or accepted
-- answers), matching pairs and tags. Fractions go from -1 to 1, stored to
-- seven decimals as Moodle stores them.

CREATE TABLE question_category (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES question_category (id) ON DELETE CASCADE,
  name      TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  skill_id  INTEGER REFERENCES skill (id) ON DELETE SET NULL,
  info      TEXT    NOT NULL DEFAULT ''
) STRICT;

-- One name per level; the top level has no parent, hence the expression
CREATE UNIQUE INDEX question_category_name ON question_category (ifnull (parent_id, 0), name);
CREATE INDEX question_category_skill ON question_category (skill_id);

CREATE TABLE question (
  id               INTEGER PRIMARY KEY,
  category_id      INTEGER NOT NULL REFERENCES question_category (id) ON DELETE CASCADE,
  type             TEXT    NOT NULL CHECK (type IN ('multichoice', 'truefalse', 'shortanswer', 'numerical',
                                                    'matching', 'essay', 'description')),
  name             TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  text             TEXT    NOT NULL,
  text_format      TEXT    NOT NULL DEFAULT 'moodle'
                           CHECK (text_format IN ('moodle', 'html', 'plain', 'markdown')),
  general_feedback TEXT    NOT NULL DEFAULT '',
  single           INTEGER NOT NULL DEFAULT 1 CHECK (single IN (0, 1)),
  case_sensitive   INTEGER NOT NULL DEFAULT 0 CHECK (case_sensitive IN (0, 1)),
  correct          INTEGER NOT NULL DEFAULT 0 CHECK (correct IN (0, 1)),
  feedback_true    TEXT    NOT NULL DEFAULT '',
  feedback_false   TEXT    NOT NULL DEFAULT '',
  difficulty       INTEGER NOT NULL DEFAULT 3 CHECK (difficulty BETWEEN 1 AND 5),
  default_mark     REAL    NOT NULL DEFAULT 1 CHECK (default_mark >= 0),
  idnumber         TEXT,
  hidden           INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  -- As in Moodle, an ID number is unique within its category
  UNIQUE (category_id, idnumber)
) STRICT;

CREATE INDEX question_category_id ON question (category_id);

-- The glossary's Choice: a choice of a multiple-choice question, or an
-- accepted answer of a short-answer or numerical one
CREATE TABLE question_choice (
  id          INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  text        TEXT    NOT NULL,
  fraction    REAL    NOT NULL CHECK (fraction BETWEEN -1 AND 1),
  feedback    TEXT    NOT NULL DEFAULT '',
  tolerance   REAL    NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
  UNIQUE (question_id, position)
) STRICT;

CREATE TABLE question_match_pair (
  id          INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  question    TEXT    NOT NULL DEFAULT '',
  answer      TEXT    NOT NULL,
  UNIQUE (question_id, position)
) STRICT;

CREATE TABLE question_tag (
  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,
  tag         TEXT    NOT NULL CHECK (length (trim (tag)) > 0),
  PRIMARY KEY (question_id, tag)
) STRICT;

CREATE INDEX question_tag_tag ON question_tag (tag);
