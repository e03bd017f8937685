-- Sync: this device's signing key, the hub (or the school's main machine) it is enrolled with,
-- the sync state per peer per document, what the hub has acknowledged, the log of syncs and the
-- fixation the hub announced. LAN devices enrolled at this machine and the codes it issued.

-- The device's Ed25519 key: it signs every request and bundle. The database is encrypted.
CREATE TABLE sync_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    signing_key BLOB NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- At most one upstream: the hub for a school's main machine, the main machine for a laptop.
CREATE TABLE sync_upstream (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- NULL when enrolled from the paper code with no link: bundles only.
    url TEXT,
    -- The short hash of the upstream's identity key, from the code.
    peer_hash BLOB NOT NULL,
    -- The upstream's whole key and certificate hash, once it has answered.
    peer_key BLOB,
    tls_hash BLOB,
    -- The code's secret, until the upstream confirms the enrolment.
    secret BLOB,
    enrolled_at TEXT NOT NULL,
    confirmed_at TEXT
) STRICT;

-- automerge's sync state (the shared heads) per peer per document, so a weekly round opens
-- with a hundred bytes instead of a summary of everything.
CREATE TABLE sync_state (
    peer TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (peer, doc_key)
) STRICT;

-- The upstream's heads per document: every change not behind them is undelivered (M9).
CREATE TABLE sync_acked (
    doc_key TEXT PRIMARY KEY,
    heads BLOB NOT NULL
) STRICT;

-- The undelivered changes per document, computed from the document and kept while its last
-- chunk is the one they were computed at.
CREATE TABLE sync_queue (
    doc_key TEXT PRIMARY KEY,
    at_seq INTEGER NOT NULL,
    changes INTEGER NOT NULL,
    oldest_ms INTEGER
) STRICT;

CREATE TABLE sync_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    via TEXT NOT NULL,
    ok INTEGER NOT NULL,
    code TEXT,
    bytes_sent INTEGER NOT NULL,
    bytes_received INTEGER NOT NULL,
    rounds INTEGER NOT NULL
) STRICT;

-- The fixation the upstream last announced (M10).
CREATE TABLE sync_fixation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    date TEXT NOT NULL,
    freeze_working_days INTEGER NOT NULL
) STRICT;
