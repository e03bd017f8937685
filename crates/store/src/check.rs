//! `dala check`: SQLCipher's own check of every page, the projections rebuilt in memory from the
//! documents and compared row by row, and the audit chain walked from its start.

use std::collections::{BTreeMap, BTreeSet};

use automerge::ActorId;
use dala_core::{Collection, DocKey, Fields};
use rusqlite::Connection;
use serde::Serialize;
use uuid::Uuid;

use crate::document::{self, Cell, Document};
use crate::error::Result;
use crate::{audit, projection};

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub documents: usize,
    pub audit_entries: usize,
    /// One line per thing that differs; empty when everything holds.
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

pub(crate) fn run(conn: &Connection, actor: &ActorId) -> Result<CheckReport> {
    let mut problems = Vec::new();
    // cipher_integrity_check verifies each page's HMAC; integrity_check the b-trees inside.
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let cipher: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    problems.extend(cipher.into_iter().map(|p| format!("encryption: {p}")));
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    problems.extend(
        integrity
            .into_iter()
            .filter(|p| p != "ok")
            .map(|p| format!("database: {p}")),
    );

    let keys = document::all_keys(conn)?;
    let mut expected: BTreeMap<(Collection, Uuid), (DocKey, Fields)> = BTreeMap::new();
    let mut expected_cells = BTreeSet::new();
    for &key in &keys {
        match Document::load(conn, key, actor) {
            Ok(Some(doc)) => {
                for (collection, id, fields) in doc.entities()? {
                    expected.insert((collection, id), (key, fields));
                }
                for cell in doc.cells()? {
                    expected_cells.insert(cell_line(key, &cell));
                }
            }
            Ok(None) => problems.push(format!("document {} has no chunks", key.name())),
            Err(e) => problems.push(e.to_string()),
        }
    }
    for collection in Collection::ALL {
        for (id, doc, fields) in projection::select(conn, collection, "", &[])? {
            let table = collection.name();
            match expected.remove(&(collection, id)) {
                None => problems.push(format!("{table} row {id} has no entity in any document")),
                Some((key, _)) if key != doc => problems.push(format!(
                    "{table} row {id} names document {} instead of {}",
                    doc.name(),
                    key.name()
                )),
                Some((_, want)) if want != fields => {
                    let differing: Vec<&String> = want
                        .keys()
                        .chain(fields.keys())
                        .filter(|k| want.get(*k) != fields.get(*k))
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    let names: Vec<&str> = differing.iter().map(|s| s.as_str()).collect();
                    problems.push(format!(
                        "{table} row {id} differs from its document in {}",
                        names.join(", ")
                    ));
                }
                Some(_) => {}
            }
        }
    }
    for ((collection, id), (key, _)) in expected {
        problems.push(format!(
            "{} row {id} of document {} is missing",
            collection.name(),
            key.name()
        ));
    }
    let projected: BTreeSet<String> = projection::all_cells(conn)?
        .iter()
        .map(|(key, cell)| cell_line(*key, cell))
        .collect();
    for line in expected_cells.difference(&projected) {
        problems.push(format!("cell {line} is missing from the projection"));
    }
    for line in projected.difference(&expected_cells) {
        problems.push(format!("cell {line} is not in its document"));
    }
    let (audit_entries, audit_problems) = audit::verify(conn)?;
    problems.extend(audit_problems);
    Ok(CheckReport {
        documents: keys.len(),
        audit_entries,
        problems,
    })
}

/// A cell as one comparable line: where it is, its value and its conflicts.
fn cell_line(key: DocKey, cell: &Cell) -> String {
    format!(
        "{} {}/{}/{} = {} {:?}",
        key.name(),
        cell.grid.name(),
        cell.row,
        cell.col,
        cell.value,
        cell.conflicts
    )
}
