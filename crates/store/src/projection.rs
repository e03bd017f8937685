//! Projections: one SQL table per collection, a row per entity, its columns the entity's fields.
//! They exist for queries and are always derivable from the documents: a command writes the rows
//! it touched, a rebuild writes them all, and `check` compares the two.

use std::collections::BTreeMap;

use dala_core::account::normalise_login;
use dala_core::activities::PlannedActivity;
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::journal::Lesson;
use dala_core::{Collection, DocKey, Entity, Fields, Grid, Lookup, Value};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use uuid::Uuid;

use crate::document::Cell;
use crate::error::{Result, StoreError};

fn columns(conn: &Connection, collection: Collection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt
        .query_map([collection.name()], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names
        .into_iter()
        .filter(|n| n != "id" && n != "doc_key")
        .collect())
}

fn to_sql(value: &Value) -> rusqlite::types::Value {
    match value {
        Value::Null => rusqlite::types::Value::Null,
        Value::Int(n) => rusqlite::types::Value::Integer(*n),
        Value::Text(t) => rusqlite::types::Value::Text(t.clone()),
    }
}

/// Writes an entity's row; a field the table lacks means the projection is behind its entity.
pub(crate) fn write(
    conn: &Connection,
    doc: DocKey,
    collection: Collection,
    id: Uuid,
    fields: &Fields,
) -> Result<()> {
    let columns = columns(conn, collection)?;
    if let Some(unknown) = fields.keys().find(|k| !columns.contains(k)) {
        return Err(StoreError::Corrupt {
            detail: format!("{} has no column {unknown}", collection.name()),
        });
    }
    let sql = format!(
        "INSERT OR REPLACE INTO {} (id, doc_key, {}) VALUES (?1, ?2{})",
        collection.name(),
        columns.join(", "),
        (0..columns.len())
            .map(|i| format!(", ?{}", i + 3))
            .collect::<String>()
    );
    let values = [
        rusqlite::types::Value::Text(id.to_string()),
        rusqlite::types::Value::Text(doc.name()),
    ]
    .into_iter()
    .chain(
        columns
            .iter()
            .map(|c| to_sql(fields.get(c).unwrap_or(&Value::Null))),
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

pub(crate) fn remove(conn: &Connection, collection: Collection, id: Uuid) -> Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", collection.name()))?
        .execute([id.to_string()])?;
    Ok(())
}

/// Writes a cell's row, or removes it when the cell is empty.
pub(crate) fn write_cell(conn: &Connection, doc: DocKey, cell: &Cell) -> Result<()> {
    let conflicts = (!cell.conflicts.is_empty())
        .then(|| serde_json::to_string(&cell.conflicts).unwrap_or_default());
    conn.prepare_cached(
        "INSERT OR REPLACE INTO cells (doc_key, grid, row, col, value, conflicts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        doc.name(),
        cell.grid.name(),
        cell.row,
        cell.col,
        cell.value,
        conflicts
    ])?;
    Ok(())
}

pub(crate) fn remove_cell(
    conn: &Connection,
    doc: DocKey,
    grid: Grid,
    row: &str,
    col: &str,
) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM cells WHERE doc_key = ?1 AND grid = ?2 AND row = ?3 AND col = ?4",
    )?
    .execute(params![doc.name(), grid.name(), row, col])?;
    Ok(())
}

/// The cells of one grid of a document, in row and column order.
pub(crate) fn cells(conn: &Connection, doc: DocKey, grid: Grid) -> Result<Vec<Cell>> {
    let mut stmt = conn.prepare_cached(
        "SELECT row, col, value, conflicts FROM cells WHERE doc_key = ?1 AND grid = ?2 ORDER BY row, col",
    )?;
    let rows = stmt.query_map(params![doc.name(), grid.name()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (row, col, value, conflicts) = row?;
        let conflicts = match conflicts {
            None => Vec::new(),
            Some(json) => serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
                detail: format!("cells conflicts: {e}"),
            })?,
        };
        out.push(Cell {
            grid,
            row,
            col,
            value,
            conflicts,
        });
    }
    Ok(out)
}

/// Every cell row of every document, for `check`.
pub(crate) fn all_cells(conn: &Connection) -> Result<Vec<(DocKey, Cell)>> {
    let mut stmt = conn.prepare("SELECT DISTINCT doc_key, grid FROM cells")?;
    let pairs: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (doc, grid) in pairs {
        let bad = || StoreError::Corrupt {
            detail: format!("cells of {doc}/{grid}"),
        };
        let key = DocKey::parse(&doc).ok_or_else(bad)?;
        let grid = Grid::from_name(&grid).ok_or_else(bad)?;
        out.extend(cells(conn, key, grid)?.into_iter().map(|c| (key, c)));
    }
    Ok(out)
}

/// Rows of one collection, with the condition given (a fixed SQL fragment) and its parameters.
pub(crate) fn select(
    conn: &Connection,
    collection: Collection,
    condition: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<(Uuid, DocKey, Fields)>> {
    let columns = columns(conn, collection)?;
    let sql = format!(
        "SELECT id, doc_key, {} FROM {} {condition}",
        columns.join(", "),
        collection.name()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let bad = |what: String| StoreError::Corrupt {
            detail: format!("{}: {what}", collection.name()),
        };
        let id: String = row.get(0)?;
        let doc: String = row.get(1)?;
        let id = id.parse().map_err(|_| bad(format!("id {id}")))?;
        let doc = DocKey::parse(&doc).ok_or_else(|| bad(format!("document {doc}")))?;
        out.push((id, doc, row_fields(row, &columns)?));
    }
    Ok(out)
}

fn row_fields(row: &rusqlite::Row, columns: &[String]) -> Result<Fields> {
    // The first two columns are id and doc_key; the fields follow.
    let mut fields = BTreeMap::new();
    for (i, name) in columns.iter().enumerate() {
        let value = match row.get_ref(i + 2)? {
            ValueRef::Null => continue,
            ValueRef::Integer(n) => Value::Int(n),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            other => {
                return Err(StoreError::Corrupt {
                    detail: format!("column {name} holds {:?}", other.data_type()),
                });
            }
        };
        fields.insert(name.clone(), value);
    }
    Ok(fields)
}

pub(crate) fn entities<E: Entity>(
    conn: &Connection,
    condition: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<E>> {
    select(conn, E::COLLECTION, condition, params)?
        .into_iter()
        .map(|(id, _, fields)| E::from_fields(id, &fields).map_err(StoreError::from))
        .collect()
}

/// The rules' view of the state: the projections, current inside the command's transaction.
pub(crate) struct Projections<'a>(pub &'a Connection);

impl Lookup for Projections<'_> {
    type Error = StoreError;

    fn get<E: Entity>(&self, id: Uuid) -> Result<Option<E>> {
        Ok(entities(self.0, "WHERE id = ?1", &[&id.to_string()])?
            .into_iter()
            .next())
    }

    fn person_with_iin(&self, iin: &str) -> Result<Option<Uuid>> {
        Ok(
            select(self.0, Collection::People, "WHERE iin = ?1", &[&iin])?
                .first()
                .map(|(id, _, _)| *id),
        )
    }

    fn classes_of_year(&self, year: Uuid) -> Result<Vec<Class>> {
        entities(self.0, "WHERE year_id = ?1", &[&year.to_string()])
    }

    fn enrolments_of(&self, person: Uuid) -> Result<Vec<Enrolment>> {
        entities(self.0, "WHERE person_id = ?1", &[&person.to_string()])
    }

    fn accounts(&self) -> Result<Vec<dala_core::account::Account>> {
        entities(self.0, "ORDER BY rowid", &[])
    }

    fn enrolments_in(&self, group: Uuid) -> Result<Vec<Enrolment>> {
        entities(self.0, "WHERE group_id = ?1", &[&group.to_string()])
    }

    fn assignments_of(&self, group: Uuid) -> Result<Vec<Assignment>> {
        entities(self.0, "WHERE group_id = ?1", &[&group.to_string()])
    }

    fn lessons_of(&self, class: Uuid, term: Uuid) -> Result<Vec<Lesson>> {
        entities(
            self.0,
            "WHERE class_id = ?1 AND term_id = ?2 ORDER BY date, period",
            &[&class.to_string(), &term.to_string()],
        )
    }

    fn activities_of(&self, group: Uuid) -> Result<Vec<PlannedActivity>> {
        entities(self.0, "WHERE group_id = ?1", &[&group.to_string()])
    }

    fn row_has_cells(&self, doc: DocKey, grid: Grid, row: &str) -> Result<bool> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT 1 FROM cells WHERE doc_key = ?1 AND grid = ?2 AND row = ?3 LIMIT 1",
            )?
            .query_row(params![doc.name(), grid.name(), row], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn account_with_login(&self, login: &str) -> Result<Option<Uuid>> {
        let login = normalise_login(login);
        Ok(select(
            self.0,
            Collection::Accounts,
            "WHERE lower(login) = ?1",
            &[&login],
        )?
        .first()
        .map(|(id, _, _)| *id))
    }
}
