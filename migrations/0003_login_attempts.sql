-- Failed logins (R5.12): when, which login, from which device, and why. Never the tried password.
-- A log of this device, not a document: it does not sync.
CREATE TABLE login_attempts (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    login TEXT NOT NULL,
    device TEXT NOT NULL,
    reason TEXT NOT NULL
) STRICT;
