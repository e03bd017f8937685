//! The audit log (R5.13): who did what, when, to which entity, with the record before and after.
//! Entries form a hash chain — each hash covers the entry and the hash before it — so an edited,
//! removed or reordered entry shows up in `check`.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Result;

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub account_id: Option<String>,
    pub login: String,
    pub action: String,
    pub collection: Option<String>,
    pub entity_id: Option<String>,
    pub personal: bool,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl AuditEntry {
    /// The hash covers every field in a fixed order, and the previous entry's hash.
    fn hash(&self, prev: &str) -> String {
        let body = serde_json::to_string(self).unwrap_or_default();
        let mut h = Sha256::new();
        h.update(prev.as_bytes());
        h.update(body.as_bytes());
        hex::encode(h.finalize())
    }
}

/// Appends an entry inside the caller's transaction; its `seq` is assigned here.
pub(crate) fn append(conn: &Connection, mut entry: AuditEntry) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (prev_seq, prev_hash) = last.unwrap_or((0, GENESIS.to_string()));
    entry.seq = prev_seq + 1;
    let hash = entry.hash(&prev_hash);
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, account_id, login, action, collection, entity_id, personal,
                                before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        entry.seq,
        entry.at,
        entry.account_id,
        entry.login,
        entry.action,
        entry.collection,
        entry.entity_id,
        entry.personal,
        entry.before,
        entry.after,
        prev_hash,
        hash
    ])?;
    Ok(())
}

pub fn entries(conn: &Connection) -> Result<Vec<(AuditEntry, String, String)>> {
    select(conn, "", &[])
}

/// The entries of one action, oldest first.
pub(crate) fn entries_of(conn: &Connection, action: &str) -> Result<Vec<AuditEntry>> {
    Ok(select(conn, "WHERE action = ?1", &[&action])?
        .into_iter()
        .map(|(e, _, _)| e)
        .collect())
}

fn select(
    conn: &Connection,
    condition: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<(AuditEntry, String, String)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, at, account_id, login, action, collection, entity_id, personal, before, after,
                prev_hash, hash
         FROM audit_log {condition} ORDER BY seq"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            AuditEntry {
                seq: r.get(0)?,
                at: r.get(1)?,
                account_id: r.get(2)?,
                login: r.get(3)?,
                action: r.get(4)?,
                collection: r.get(5)?,
                entity_id: r.get(6)?,
                personal: r.get(7)?,
                before: r.get(8)?,
                after: r.get(9)?,
            },
            r.get(10)?,
            r.get(11)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Walks the chain; returns how many entries hold and a line for each that does not.
pub(crate) fn verify(conn: &Connection) -> Result<(usize, Vec<String>)> {
    let mut problems = Vec::new();
    let mut prev = GENESIS.to_string();
    let all = entries(conn)?;
    for (i, (entry, prev_hash, hash)) in all.iter().enumerate() {
        if entry.seq != i as i64 + 1 {
            problems.push(format!(
                "audit entry {} is out of sequence (expected {})",
                entry.seq,
                i + 1
            ));
        }
        if *prev_hash != prev || entry.hash(&prev) != *hash {
            problems.push(format!(
                "audit entry {} does not match its hash chain",
                entry.seq
            ));
        }
        prev = hash.clone();
    }
    Ok((all.len(), problems))
}
