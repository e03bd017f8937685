//! Automerge documents as the store keeps them: a map per collection, a map per entity under its
//! id, scalar fields under their names; cells of grids as scalars under the root. On disk a document is its chunks in order — a snapshot
//! after compaction, then one change per command — so a command appends a few hundred bytes.

use std::collections::BTreeMap;

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{ActorId, AutoCommit, ChangeHash, ObjType, ROOT, ReadDoc, ScalarValue};
use dala_core::{Collection, DocKey, Fields, Grid, Value};
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Result, StoreError};

pub(crate) struct Document {
    pub key: DocKey,
    pub doc: AutoCommit,
    /// Chunks on disk; compaction folds them into one when there are many.
    pub chunks: i64,
    pub next_seq: i64,
    /// The heads on disk: the next chunk holds the changes after them. Kept here because
    /// automerge's own marker starts empty after a load, which would write the whole history
    /// again with the first change.
    saved: Vec<ChangeHash>,
}

fn corrupt(key: DocKey, detail: impl ToString) -> StoreError {
    StoreError::DocumentCorrupt {
        doc: key.name(),
        detail: detail.to_string(),
    }
}

/// The actor of a document's first change, the same on every device: the first change makes the
/// document's collection maps, so that two devices that each start the same document (the first
/// lesson of a term on two laptops) hold the same maps, and a merge keeps both sides' entities.
pub(crate) fn genesis_actor(key: DocKey) -> ActorId {
    let digest = Sha256::digest(format!("dala genesis {}", key.name()));
    ActorId::from(&digest[..16])
}

impl Document {
    /// A document never written before. Its first change is the genesis: identical bytes, and so
    /// one change hash, on every device.
    pub fn new(key: DocKey, actor: &ActorId) -> Result<Document> {
        let mut doc = AutoCommit::new().with_actor(genesis_actor(key));
        for collection in key.collections() {
            doc.put_object(ROOT, collection.name(), ObjType::Map)
                .map_err(|e| corrupt(key, e))?;
        }
        if !key.collections().is_empty() {
            doc.commit_with(CommitOptions::default().with_time(0));
        }
        Ok(Document {
            key,
            doc: doc.with_actor(actor.clone()),
            chunks: 0,
            next_seq: 1,
            saved: Vec::new(),
        })
    }

    /// A document this device lacks, about to receive another device's changes (its genesis
    /// among them).
    pub fn empty(key: DocKey, actor: &ActorId) -> Document {
        Document {
            key,
            doc: AutoCommit::new().with_actor(actor.clone()),
            chunks: 0,
            next_seq: 1,
            saved: Vec::new(),
        }
    }

    /// Reads a document from its chunks; `None` when it was never written.
    pub fn load(conn: &Connection, key: DocKey, actor: &ActorId) -> Result<Option<Document>> {
        let mut stmt = conn.prepare_cached(
            "SELECT seq, bytes FROM document_chunks WHERE doc_key = ?1 ORDER BY seq",
        )?;
        let mut bytes = Vec::new();
        let mut chunks = 0;
        let mut last = 0;
        let mut rows = stmt.query([key.name()])?;
        while let Some(row) = rows.next()? {
            last = row.get::<_, i64>(0)?;
            bytes.extend_from_slice(&row.get::<_, Vec<u8>>(1)?);
            chunks += 1;
        }
        if chunks == 0 {
            return Ok(None);
        }
        let mut doc = AutoCommit::load(&bytes)
            .map_err(|e| corrupt(key, e))?
            .with_actor(actor.clone());
        let saved = doc.get_heads();
        Ok(Some(Document {
            key,
            doc,
            chunks,
            next_seq: last + 1,
            saved,
        }))
    }

    fn collection(&self, collection: Collection) -> Option<automerge::ObjId> {
        match self.doc.get(ROOT, collection.name()).ok()?? {
            (automerge::Value::Object(ObjType::Map), id) => Some(id),
            _ => None,
        }
    }

    fn entity(&self, collection: Collection, id: Uuid) -> Option<automerge::ObjId> {
        let parent = self.collection(collection)?;
        match self.doc.get(&parent, id.to_string()).ok()?? {
            (automerge::Value::Object(ObjType::Map), obj) => Some(obj),
            _ => None,
        }
    }

    fn fields_of(&self, obj: &automerge::ObjId) -> Result<Fields> {
        let mut fields = BTreeMap::new();
        for key in self.doc.keys(obj) {
            let value = match self.doc.get(obj, &key).map_err(|e| corrupt(self.key, e))? {
                Some((automerge::Value::Scalar(s), _)) => match s.as_ref() {
                    ScalarValue::Str(t) => Value::Text(t.to_string()),
                    ScalarValue::Int(n) => Value::Int(*n),
                    ScalarValue::Null => Value::Null,
                    other => return Err(corrupt(self.key, format!("{key}: {other:?}"))),
                },
                _ => return Err(corrupt(self.key, format!("{key} is not a scalar"))),
            };
            fields.insert(key, value);
        }
        Ok(fields)
    }

    pub fn get(&self, collection: Collection, id: Uuid) -> Result<Option<Fields>> {
        self.entity(collection, id)
            .map(|obj| self.fields_of(&obj))
            .transpose()
    }

    /// Writes only the fields that differ, so a change carries what the user changed.
    pub fn put(
        &mut self,
        collection: Collection,
        id: Uuid,
        fields: &[(&'static str, Value)],
    ) -> Result<()> {
        let fail = |e: automerge::AutomergeError| corrupt(self.key, e);
        let parent = match self.collection(collection) {
            Some(obj) => obj,
            None => self
                .doc
                .put_object(ROOT, collection.name(), ObjType::Map)
                .map_err(fail)?,
        };
        let (obj, current) = match self.entity(collection, id) {
            Some(obj) => {
                let current = self.fields_of(&obj)?;
                (obj, current)
            }
            None => {
                let obj = self
                    .doc
                    .put_object(&parent, id.to_string(), ObjType::Map)
                    .map_err(fail)?;
                (obj, Fields::new())
            }
        };
        for (name, value) in fields {
            let unchanged = current.get(*name).unwrap_or(&Value::Null) == value;
            if unchanged && (current.contains_key(*name) || *value == Value::Null) {
                continue;
            }
            let fail = |e: automerge::AutomergeError| corrupt(self.key, e);
            match value {
                Value::Null if current.contains_key(*name) => {
                    self.doc.delete(&obj, *name).map_err(fail)?
                }
                Value::Null => {}
                Value::Int(n) => self.doc.put(&obj, *name, *n).map_err(fail)?,
                Value::Text(t) => self.doc.put(&obj, *name, t.as_str()).map_err(fail)?,
            }
        }
        Ok(())
    }

    pub fn remove(&mut self, collection: Collection, id: Uuid) -> Result<()> {
        if let Some(parent) = self.collection(collection) {
            self.doc
                .delete(&parent, id.to_string())
                .map_err(|e| corrupt(self.key, e))?;
        }
        Ok(())
    }

    fn read_cell(&self, key: &str) -> Result<Option<(String, Vec<String>)>> {
        let text = |v: automerge::Value| match v {
            automerge::Value::Scalar(s) => match s.as_ref() {
                ScalarValue::Str(t) => Ok(t.to_string()),
                other => Err(corrupt(self.key, format!("{key}: {other:?}"))),
            },
            _ => Err(corrupt(self.key, format!("{key} is not a scalar"))),
        };
        let Some((winner, _)) = self.doc.get(ROOT, key).map_err(|e| corrupt(self.key, e))? else {
            return Ok(None);
        };
        let value = text(winner)?;
        // Two devices that wrote the same value (both took a day's attendance) agree: only
        // different values are a conflict to decide.
        let mut conflicts = Vec::new();
        for (v, _) in self
            .doc
            .get_all(ROOT, key)
            .map_err(|e| corrupt(self.key, e))?
        {
            let v = text(v)?;
            if v != value && !conflicts.contains(&v) {
                conflicts.push(v);
            }
        }
        Ok(Some((value, conflicts)))
    }

    /// Sets or clears a cell and answers what it held before. Writing settles a conflict (the
    /// new value supersedes every value it saw), so an unchanged value is written again only
    /// when other values sit beside it.
    pub fn put_cell(
        &mut self,
        grid: Grid,
        row: &str,
        col: &str,
        value: Option<&str>,
    ) -> Result<Option<String>> {
        let key = cell_key(grid, row, col);
        let current = self.read_cell(&key)?;
        let fail = |e: automerge::AutomergeError| corrupt(self.key, e);
        match (value, &current) {
            (Some(v), Some((now, conflicts))) if v == now && conflicts.is_empty() => {}
            (Some(v), _) => self.doc.put(ROOT, key, v).map_err(fail)?,
            (None, Some(_)) => self.doc.delete(ROOT, key).map_err(fail)?,
            (None, None) => {}
        }
        Ok(current.map(|(before, _)| before))
    }

    /// Every cell of the document's grids.
    pub fn cells(&self) -> Result<Vec<Cell>> {
        let mut all = Vec::new();
        for &grid in self.key.grids() {
            let prefix = format!("{}/", grid.name());
            let keys: Vec<String> = self
                .doc
                .map_range(ROOT, prefix.clone()..)
                .map(|item| item.key.to_string())
                .take_while(|k| k.starts_with(&prefix))
                .collect();
            for key in keys {
                let (row, col) = key[prefix.len()..]
                    .split_once('/')
                    .ok_or_else(|| corrupt(self.key, format!("cell {key}")))?;
                if let Some((value, conflicts)) = self.read_cell(&key)? {
                    all.push(Cell {
                        grid,
                        row: row.into(),
                        col: col.into(),
                        value,
                        conflicts,
                    });
                }
            }
        }
        Ok(all)
    }

    /// Every entity the document holds, for projection rebuilds and checks.
    pub fn entities(&self) -> Result<Vec<(Collection, Uuid, Fields)>> {
        let mut all = Vec::new();
        for &collection in self.key.collections() {
            let Some(parent) = self.collection(collection) else {
                continue;
            };
            for key in self.doc.keys(&parent) {
                let id: Uuid = key
                    .parse()
                    .map_err(|_| corrupt(self.key, format!("id {key}")))?;
                let obj = self
                    .entity(collection, id)
                    .ok_or_else(|| corrupt(self.key, &key))?;
                all.push((collection, id, self.fields_of(&obj)?));
            }
        }
        Ok(all)
    }

    /// Closes the pending automerge change and appends its bytes; nothing when nothing changed.
    pub fn append_change(&mut self, conn: &Connection, message: &str, time: i64) -> Result<()> {
        let options = CommitOptions::default()
            .with_message(message.to_string())
            .with_time(time);
        if self.doc.commit_with(options).is_none() {
            return Ok(());
        }
        self.append_unsaved(conn, time)
    }

    /// Appends, as one chunk, every change not yet on disk: a command's, or a merge's.
    pub fn append_unsaved(&mut self, conn: &Connection, time: i64) -> Result<()> {
        let heads = self.doc.get_heads();
        if heads == self.saved {
            return Ok(());
        }
        let bytes = self.doc.save_after(&self.saved);
        if self.chunks == 0 {
            conn.execute(
                "INSERT OR IGNORE INTO documents (key, scope, created_at) VALUES (?1, ?2, datetime(?3, 'unixepoch'))",
                params![self.key.name(), self.key.scope().code(), time / 1000],
            )?;
        }
        conn.execute(
            "INSERT INTO document_chunks (doc_key, seq, kind, bytes) VALUES (?1, ?2, 'change', ?3)",
            params![self.key.name(), self.next_seq, bytes],
        )?;
        self.chunks += 1;
        self.next_seq += 1;
        self.saved = heads;
        Ok(())
    }

    /// Folds the chunks into one saved snapshot. Content and history stay; only the layout changes.
    pub fn compact(&mut self, conn: &Connection) -> Result<()> {
        let snapshot = self.doc.save();
        conn.execute(
            "DELETE FROM document_chunks WHERE doc_key = ?1",
            [self.key.name()],
        )?;
        conn.execute(
            "INSERT INTO document_chunks (doc_key, seq, kind, bytes) VALUES (?1, ?2, 'snapshot', ?3)",
            params![self.key.name(), self.next_seq, snapshot],
        )?;
        self.chunks = 1;
        self.next_seq += 1;
        self.saved = self.doc.get_heads();
        Ok(())
    }
}

/// What a document holds, read from automerge alone: for the hub, which keeps documents without
/// a store of its own.
pub fn contents(key: DocKey, doc: AutoCommit) -> Result<Contents> {
    let doc = Document {
        key,
        doc,
        chunks: 0,
        next_seq: 1,
        saved: Vec::new(),
    };
    Ok(Contents {
        entities: doc.entities()?,
        cells: doc.cells()?,
    })
}

pub struct Contents {
    pub entities: Vec<(Collection, Uuid, Fields)>,
    pub cells: Vec<Cell>,
}

/// A grid's cell as the store reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub grid: Grid,
    pub row: String,
    pub col: String,
    pub value: String,
    /// Other values kept from concurrent edits on other devices.
    pub conflicts: Vec<String>,
}

/// Cells live flat under the document's root (`marks/<lesson>/<student>`), never in maps made on
/// demand: two devices that each made the first mark of a lesson would otherwise make two maps
/// under one key, and the merge would show only one of them.
fn cell_key(grid: Grid, row: &str, col: &str) -> String {
    format!("{}/{row}/{col}", grid.name())
}

/// The keys of every document the store holds.
pub(crate) fn all_keys(conn: &Connection) -> Result<Vec<DocKey>> {
    let names: Vec<String> = conn
        .prepare("SELECT key FROM documents ORDER BY key")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    names
        .into_iter()
        .map(|n| {
            DocKey::parse(&n).ok_or(StoreError::DocumentCorrupt {
                doc: n,
                detail: "unknown key".into(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_devices_that_start_one_document_keep_both_sides_entities() {
        let key = DocKey::Timetable(Uuid::nil());
        let room = |name: &str| [("name", Value::Text(name.into()))];
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let mut laptop = Document::new(key, &ActorId::random()).unwrap();
        laptop.put(Collection::Rooms, a, &room("Gym")).unwrap();
        let mut school_pc = Document::new(key, &ActorId::random()).unwrap();
        school_pc
            .put(Collection::Rooms, b, &room("Music hall"))
            .unwrap();

        laptop.doc.merge(&mut school_pc.doc).unwrap();
        let ids: Vec<Uuid> = laptop
            .entities()
            .unwrap()
            .into_iter()
            .map(|(_, id, _)| id)
            .collect();
        assert_eq!(ids.len(), 2, "neither device's room is lost: {ids:?}");
        assert!(ids.contains(&a) && ids.contains(&b));
    }

    #[test]
    fn the_same_value_from_two_devices_is_no_conflict_and_different_ones_are() {
        let key = DocKey::Register {
            group: Uuid::nil(),
            month: 202611,
        };
        let mut laptop = Document::new(key, &ActorId::random()).unwrap();
        let mut school_pc = Document::new(key, &ActorId::random()).unwrap();
        for doc in [&mut laptop, &mut school_pc] {
            doc.put_cell(Grid::Days, "2026-11-23", "taken", Some("1"))
                .unwrap();
        }
        laptop
            .put_cell(Grid::Presence, "2026-11-23", "c1", Some("ill"))
            .unwrap();
        school_pc
            .put_cell(Grid::Presence, "2026-11-23", "c1", Some("absent"))
            .unwrap();
        laptop.doc.merge(&mut school_pc.doc).unwrap();
        let cells = laptop.cells().unwrap();
        let day = cells.iter().find(|c| c.grid == Grid::Days).unwrap();
        assert!(day.conflicts.is_empty(), "both took the day: {day:?}");
        let child = cells.iter().find(|c| c.grid == Grid::Presence).unwrap();
        let mut both = vec![child.value.clone(), child.conflicts[0].clone()];
        both.sort();
        assert_eq!(both, ["absent", "ill"]);
    }

    #[test]
    fn a_change_after_loading_appends_only_itself() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE documents (key TEXT PRIMARY KEY, scope TEXT, created_at TEXT);
             CREATE TABLE document_chunks (doc_key TEXT, seq INTEGER, kind TEXT, bytes BLOB);",
        )
        .unwrap();
        let key = DocKey::Timetable(Uuid::nil());
        let actor = ActorId::random();
        let mut doc = Document::new(key, &actor).unwrap();
        for i in 0..200 {
            let name = format!("Room {i} with a long name to weigh something");
            doc.put(
                Collection::Rooms,
                Uuid::now_v7(),
                &[("name", Value::Text(name))],
            )
            .unwrap();
            doc.doc.commit();
        }
        doc.append_unsaved(&conn, 0).unwrap();
        let history: i64 = conn
            .query_row("SELECT sum(length(bytes)) FROM document_chunks", [], |r| {
                r.get(0)
            })
            .unwrap();
        let mut loaded = Document::load(&conn, key, &ActorId::random())
            .unwrap()
            .unwrap();
        let room = [("name", Value::Text("Gym".into()))];
        loaded
            .put(Collection::Rooms, Uuid::now_v7(), &room)
            .unwrap();
        loaded.doc.commit();
        loaded.append_unsaved(&conn, 0).unwrap();
        let last: i64 = conn
            .query_row(
                "SELECT length(bytes) FROM document_chunks ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            last < 300 && last * 20 < history,
            "{last} bytes appended, history {history}"
        );
    }
}
