-- The school's own network: the one-time codes this main machine issued to teachers' laptops,
-- the laptops enrolled with them, and whether this device's upstream is such a main machine
-- (it then syncs every document of the school, accounts included) rather than the hub.

-- A code is kept by the hash of its secret only, and works once.
CREATE TABLE lan_codes (
    secret_hash BLOB PRIMARY KEY,
    issued_at TEXT NOT NULL,
    used_at TEXT
) STRICT;

-- A laptop by its Ed25519 key, as hex; its sync state is kept under the same name.
CREATE TABLE lan_devices (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    last_sync TEXT
) STRICT;

ALTER TABLE sync_upstream ADD COLUMN lan INTEGER NOT NULL DEFAULT 0;
