-- The first schema of the local store.
-- Documents (automerge) are the truth; the tables after them are projections rebuilt from them.

CREATE TABLE device (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
    key TEXT PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('school', 'upstream')),
    created_at TEXT NOT NULL
) STRICT;

-- A document is its chunks in order: at most one snapshot first, then incremental changes.
CREATE TABLE document_chunks (
    doc_key TEXT NOT NULL REFERENCES documents (key),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'change')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (doc_key, seq)
) STRICT;

-- Who did what, when, to which entity; each entry hashes the one before it.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    account_id TEXT,
    login TEXT NOT NULL,
    action TEXT NOT NULL,
    collection TEXT,
    entity_id TEXT,
    personal INTEGER NOT NULL,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    kind TEXT,
    name TEXT,
    bin TEXT,
    region TEXT,
    district TEXT,
    languages TEXT
) STRICT;

CREATE TABLE academic_years (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    start_year INTEGER,
    starts TEXT,
    ends TEXT
) STRICT;

CREATE TABLE terms (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    number INTEGER,
    starts TEXT,
    ends TEXT
) STRICT;

CREATE TABLE classes (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    grade INTEGER,
    letter TEXT,
    language TEXT
) STRICT;

CREATE TABLE age_groups (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    name TEXT,
    age_from INTEGER,
    age_to INTEGER,
    norm_places INTEGER,
    language TEXT
) STRICT;

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    kind TEXT,
    last_name TEXT,
    first_name TEXT,
    patronymic TEXT,
    iin TEXT,
    birth_date TEXT,
    sex TEXT,
    position TEXT,
    subject TEXT
) STRICT;

CREATE TABLE enrolments (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    person_id TEXT,
    group_id TEXT,
    from_date TEXT,
    to_date TEXT
) STRICT;

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    login TEXT,
    role TEXT,
    person_id TEXT,
    lang TEXT,
    must_change_password INTEGER
) STRICT;
