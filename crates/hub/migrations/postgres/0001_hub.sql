-- The hub's own database (PostgreSQL): the organisations it serves, their enrolled devices, their
-- documents, the sync state per device, the bundles imported, the fixations and their archive,
-- and the figures of the district's report. Times are milliseconds since 1970 (UTC).

-- An organisation the district registered; `school_org` is the school's own id, bound at its
-- first enrolment. The one-time code is kept only as a hash.
CREATE TABLE hub_orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    school_org TEXT UNIQUE,
    code_used_at BIGINT,
    -- The director's personal key (hex), whose signature confirms the weekly submissions (M8).
    director_key TEXT
);

CREATE TABLE hub_devices (
    key TEXT PRIMARY KEY,
    org TEXT NOT NULL REFERENCES hub_orgs (id),
    name TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL,
    last_sync BIGINT
);
CREATE INDEX hub_devices_org ON hub_devices (org);

-- Each organisation's documents, whole, with their heads.
CREATE TABLE hub_documents (
    org TEXT NOT NULL REFERENCES hub_orgs (id),
    doc_key TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    heads BYTEA NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (org, doc_key)
);
CREATE INDEX hub_documents_key ON hub_documents (doc_key);

-- automerge's sync state per device per document.
CREATE TABLE hub_sync_state (
    device TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    state BYTEA NOT NULL,
    PRIMARY KEY (device, doc_key)
);

-- Every bundle imported, by the hash of its bytes: a second import changes nothing. Who
-- confirmed it (M8) is recorded with it.
CREATE TABLE hub_bundles (
    hash TEXT PRIMARY KEY,
    org TEXT NOT NULL REFERENCES hub_orgs (id),
    device TEXT NOT NULL,
    director TEXT,
    director_login TEXT,
    director_name TEXT,
    docs BIGINT NOT NULL,
    imported_at BIGINT NOT NULL
);

-- Who confirmed what (M8): the director's key, login and name, how it came (`bundle` or
-- `link`), the hash of what was signed and how many documents it named.
CREATE TABLE hub_confirmations (
    org TEXT NOT NULL REFERENCES hub_orgs (id),
    director TEXT NOT NULL,
    login TEXT NOT NULL,
    name TEXT NOT NULL,
    via TEXT NOT NULL,
    digest TEXT NOT NULL,
    docs BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX hub_confirmations_org ON hub_confirmations (org, at);

CREATE TABLE hub_fixations (
    date TEXT PRIMARY KEY,
    freeze_working_days BIGINT NOT NULL,
    announced_at BIGINT NOT NULL
);

-- Each organisation's document heads on a fixation date: the archive of that date.
CREATE TABLE hub_archive (
    date TEXT NOT NULL,
    org TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    heads BYTEA NOT NULL,
    PRIMARY KEY (date, org, doc_key)
);

-- The report's figures per organisation, refreshed from its documents.
CREATE TABLE hub_stats (
    org TEXT PRIMARY KEY REFERENCES hub_orgs (id),
    kind TEXT,
    pupils BIGINT NOT NULL DEFAULT 0,
    oldest_undelivered_ms BIGINT,
    attendance_rate DOUBLE PRECISION,
    updated_at BIGINT NOT NULL
);
