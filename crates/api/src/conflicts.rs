//! The conflicts waiting for a decision (the sync issue's item 8): cells of a journal or a
//! kindergarten register that two devices changed differently while apart. automerge keeps every
//! concurrent value; the store projects them beside the cell, and this module lists them for the
//! people who may settle them — a teacher the registers they keep, an educator their groups, the
//! deputy, the director or the head all of them. Settling is an ordinary save of the chosen
//! value through the register's own endpoint, so the same checks and the audit log apply.

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use dala_core::assignment::Assignment;
use dala_core::group::{AgeGroup, Class};
use dala_core::journal::{Acting, Lesson, Mark};
use dala_core::register::{self, Presence};
use dala_core::{DocKey, Grid, subject};
use dala_store::{Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::journal::MarkValue;
use crate::permission::Operation;
use crate::school::{acting, lang};
use crate::session::Caller;
use crate::{ApiState, Org};

/// One cell with concurrent values. `values` starts with the one shown now.
#[derive(Serialize, ToSchema)]
pub struct ConflictView {
    /// `mark` (a journal's attendance and score), `comment` (a journal's comment) or
    /// `presence` (a kindergarten register's reason of absence).
    pub kind: &'static str,
    /// The class and subject ("5 Ә · Математика") or the age group.
    pub place: String,
    pub date: String,
    pub person_id: String,
    pub person_name: String,
    /// The journal's register, for a save and a link: class, subject and term.
    pub class_id: Option<String>,
    pub subject: Option<String>,
    pub term_id: Option<String>,
    pub lesson_id: Option<String>,
    /// The register's group and month (`2026-11`).
    pub group_id: Option<String>,
    pub month: Option<String>,
    /// The mark's values (kind `mark`); for a comment, the mark the cell holds, kept as it is.
    pub marks: Vec<MarkValue>,
    /// The comment's or the presence's values (a presence code; none for a present child).
    pub texts: Vec<Option<String>>,
}

#[derive(Serialize, ToSchema)]
pub struct ConflictList {
    pub conflicts: Vec<ConflictView>,
}

#[utoipa::path(get, path = "/api/v1/sync/conflicts", operation_id = "listConflicts", tag = "sync",
    security(("bearer" = [])),
    responses((status = 200, body = ConflictList), (status = 403, body = ErrorBody)))]
pub async fn list_conflicts(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<ConflictList>, ApiError> {
    caller.may(Operation::ListConflicts)?;
    state
        .with(move |org: &mut Org| {
            let store = org.store()?;
            let lang = lang(&caller).to_string();
            let mut seen = Seen::new(store, acting(&caller));
            let mut conflicts = Vec::new();
            for cell in conflicting_cells(store)? {
                let view = match cell.doc {
                    DocKey::Journal { .. } if Operation::SaveMarks.allowed(caller.account.role) => {
                        seen.journal_cell(&cell, &lang)?
                    }
                    DocKey::Register { group, month }
                        if Operation::SaveGroupAttendance.allowed(caller.account.role) =>
                    {
                        seen.register_cell(&cell, group, month)?
                    }
                    _ => None,
                };
                conflicts.extend(view);
            }
            conflicts.sort_by(|a, b| {
                (&a.place, &a.date, &a.person_name).cmp(&(&b.place, &b.date, &b.person_name))
            });
            Ok(Json(ConflictList { conflicts }))
        })
        .await
}

/// A projected cell with other values beside it.
struct Conflicting {
    doc: DocKey,
    grid: Grid,
    row: String,
    col: String,
    value: String,
    others: Vec<String>,
}

fn conflicting_cells(store: &Store) -> Result<Vec<Conflicting>, ApiError> {
    let mut query = store
        .connection()
        .prepare("SELECT doc_key, grid, row, col, value, conflicts FROM cells WHERE conflicts IS NOT NULL")
        .map_err(StoreError::from)?;
    let rows = query
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .map_err(StoreError::from)?;
    let mut cells = Vec::new();
    for row in rows {
        let (doc, grid, row, col, value, others) = row.map_err(StoreError::from)?;
        // The projection is the store's own; a row it cannot read is one nobody can decide.
        let (Some(doc), Some(grid), Ok(others)) = (
            DocKey::parse(&doc),
            Grid::from_name(&grid),
            serde_json::from_str::<Vec<String>>(&others),
        ) else {
            continue;
        };
        cells.push(Conflicting {
            doc,
            grid,
            row,
            col,
            value,
            others,
        });
    }
    Ok(cells)
}

/// What the list has read so far: classes, groups, lessons and names are shared by many cells.
struct Seen<'a> {
    store: &'a Store,
    acting: Acting,
    names: Option<HashMap<Uuid, String>>,
    assignments: HashMap<Uuid, Vec<Assignment>>,
}

impl<'a> Seen<'a> {
    fn new(store: &'a Store, acting: Acting) -> Seen<'a> {
        Seen {
            store,
            acting,
            names: None,
            assignments: HashMap::new(),
        }
    }

    fn name(&mut self, id: Uuid) -> Result<String, ApiError> {
        if self.names.is_none() {
            self.names = Some(self.store.names()?);
        }
        Ok(self
            .names
            .as_ref()
            .and_then(|n| n.get(&id).cloned())
            .unwrap_or_default())
    }

    /// Whether the caller keeps this group's register (of the subject, for a class).
    fn keeps(&mut self, group: Uuid, subject: Option<&str>) -> Result<bool, ApiError> {
        if !self.assignments.contains_key(&group) {
            let found = self
                .store
                .find::<Assignment>("group_id", &group.to_string())?;
            self.assignments.insert(group, found);
        }
        Ok(self
            .acting
            .may_keep(&self.assignments[&group], group, subject)
            .is_ok())
    }

    fn journal_cell(
        &mut self,
        cell: &Conflicting,
        lang: &str,
    ) -> Result<Option<ConflictView>, ApiError> {
        let (Ok(lesson_id), Ok(person_id)) = (cell.row.parse(), cell.col.parse::<Uuid>()) else {
            return Ok(None);
        };
        let Some(lesson) = self.store.get::<Lesson>(lesson_id)? else {
            return Ok(None);
        };
        let Some(class) = self.store.get::<Class>(lesson.class_id)? else {
            return Ok(None);
        };
        if !self.keeps(class.id, Some(&lesson.subject))? {
            return Ok(None);
        }
        let subject_name = subject::subject(&lesson.subject)
            .map_or_else(|| lesson.subject.clone(), |s| s.name(lang).to_string());
        let (kind, marks, texts) = match cell.grid {
            Grid::Marks => {
                let marks = std::iter::once(&cell.value)
                    .chain(&cell.others)
                    .filter_map(|v| Mark::decode(v).map(MarkValue::from))
                    .collect();
                ("mark", marks, Vec::new())
            }
            Grid::Notes => {
                let mark_cell = self
                    .store
                    .cells(cell.doc, Grid::Marks)?
                    .into_iter()
                    .find(|c| c.row == cell.row && c.col == cell.col);
                // Saving a comment writes its cell's mark again: while that mark is in conflict
                // too, the mark is decided first, so that its other value is not dropped unseen.
                if mark_cell.as_ref().is_some_and(|c| !c.conflicts.is_empty()) {
                    return Ok(None);
                }
                let mark = mark_cell
                    .and_then(|c| Mark::decode(&c.value))
                    .unwrap_or_default();
                let texts = std::iter::once(&cell.value)
                    .chain(&cell.others)
                    .map(|v| Some(v.clone()))
                    .collect();
                ("comment", vec![MarkValue::from(mark)], texts)
            }
            _ => return Ok(None),
        };
        Ok(Some(ConflictView {
            kind,
            place: format!("{} · {subject_name}", class.name()),
            date: lesson.date.to_string(),
            person_id: person_id.to_string(),
            person_name: self.name(person_id)?,
            class_id: Some(class.id.to_string()),
            subject: Some(lesson.subject.clone()),
            term_id: Some(lesson.term_id.to_string()),
            lesson_id: Some(lesson.id.to_string()),
            group_id: None,
            month: None,
            marks,
            texts,
        }))
    }

    fn register_cell(
        &mut self,
        cell: &Conflicting,
        group: Uuid,
        month: u32,
    ) -> Result<Option<ConflictView>, ApiError> {
        let (Grid::Presence, Ok(date), Ok(person_id)) = (
            cell.grid,
            cell.row.parse::<NaiveDate>(),
            cell.col.parse::<Uuid>(),
        ) else {
            return Ok(None);
        };
        let Some(age_group) = self.store.get::<AgeGroup>(group)? else {
            return Ok(None);
        };
        if !self.keeps(group, None)? {
            return Ok(None);
        }
        let texts = std::iter::once(&cell.value)
            .chain(&cell.others)
            .filter_map(|v| Presence::from_code(v))
            .map(|p| Some(p.code().to_string()))
            .collect();
        Ok(Some(ConflictView {
            kind: "presence",
            place: age_group.name.clone(),
            date: date.to_string(),
            person_id: person_id.to_string(),
            person_name: self.name(person_id)?,
            class_id: None,
            subject: None,
            term_id: None,
            lesson_id: None,
            group_id: Some(group.to_string()),
            month: Some(register::month_text(month)),
            marks: Vec::new(),
            texts,
        }))
    }
}
