-- The journal and the kindergarten register: who teaches which class or group, parents' links to
-- their children, lessons, and the cells of every grid (marks, comments, presence, taken days).
-- All are projections of the documents, rebuilt from them at will.

CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    group_id TEXT,
    subject TEXT,
    teacher_id TEXT
) STRICT;
CREATE INDEX assignments_group ON assignments (group_id);
CREATE INDEX assignments_teacher ON assignments (teacher_id);

CREATE TABLE guardianships (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    parent_id TEXT,
    child_id TEXT
) STRICT;
CREATE INDEX guardianships_parent ON guardianships (parent_id);

CREATE TABLE lessons (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    class_id TEXT,
    term_id TEXT,
    subject TEXT,
    date TEXT,
    period INTEGER,
    topic TEXT,
    homework TEXT,
    kind TEXT,
    max_score INTEGER,
    teacher_id TEXT,
    taken INTEGER
) STRICT;
CREATE INDEX lessons_journal ON lessons (class_id, term_id);
CREATE INDEX lessons_date ON lessons (date);

-- One row per cell that holds a value. `conflicts` lists, as a JSON array, the other values that
-- concurrent edits on other devices left in the same cell; NULL when there are none.
CREATE TABLE cells (
    doc_key TEXT NOT NULL,
    grid TEXT NOT NULL,
    row TEXT NOT NULL,
    col TEXT NOT NULL,
    value TEXT NOT NULL,
    conflicts TEXT,
    PRIMARY KEY (doc_key, grid, row, col)
) STRICT, WITHOUT ROWID;
CREATE INDEX audit_log_action ON audit_log (action);
