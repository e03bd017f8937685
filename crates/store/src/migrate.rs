//! Schema migrations, applied in order at unlock and recorded with a hash of their text. A
//! released migration is never edited (R8): a database whose recorded hash differs from the
//! embedded text refuses to open rather than guess, and one made by a newer Dala says so.

use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

fn digest(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// Applies every migration the database lacks, each in its own transaction with its record.
pub fn migrate(conn: &mut Connection, now: &str) -> Result<()> {
    migrate_to(conn, latest(), now)
}

pub(crate) fn migrate_to(conn: &mut Connection, target: i64, now: &str) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;",
    )?;
    let applied: Vec<(i64, String, String)> = conn
        .prepare("SELECT version, name, sha256 FROM schema_migrations ORDER BY version")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    if let Some((version, _, _)) = applied.iter().find(|(v, _, _)| *v > latest()) {
        return Err(StoreError::NewerSchema { version: *version });
    }
    for (version, name, sha) in &applied {
        let known = MIGRATIONS.get(*version as usize - 1);
        if known.is_none_or(|(n, sql)| n != name || digest(sql) != *sha) {
            return Err(StoreError::MigrationEdited { name: name.clone() });
        }
    }
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(applied.len()) {
        let version = i as i64 + 1;
        if version > target {
            break;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?1, ?2, ?3, ?4)",
            params![version, name, digest(sql), now],
        )?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_are_recorded() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "2026-11-23T00:00:00Z").unwrap();
        migrate(&mut conn, "2026-11-24T00:00:00Z").unwrap();
        let count: i64 = conn
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, latest());
    }

    #[test]
    fn an_edited_migration_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "2026-11-23T00:00:00Z").unwrap();
        conn.execute(
            "UPDATE schema_migrations SET sha256 = 'x' WHERE version = 1",
            [],
        )
        .unwrap();
        let err = migrate(&mut conn, "2026-11-23T00:00:00Z").unwrap_err();
        assert_eq!(err.code(), "store.migration_edited");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "2026-11-23T00:00:00Z").unwrap();
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?1, 'future', 'x', 'later')",
            [latest() + 1],
        )
        .unwrap();
        assert_eq!(
            migrate(&mut conn, "now").unwrap_err().code(),
            "store.newer_schema"
        );
    }
}
