//! The district's report: per organisation its last sync, the age of its oldest undelivered
//! change, its pupils (students or children) and the attendance rate of its journals, read from
//! the documents the hub holds and kept in `hub_stats`.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use dala_core::enrolment::Enrolment;
use dala_core::journal::{Lesson, Mark};
use dala_core::org::Organisation;
use dala_core::{Collection, DocKey, Entity};
use serde::Serialize;
use sqlx::Row;
use uuid::Uuid;

use crate::error::{HubError, Result};
use crate::hub::Hub;

#[derive(Debug, Serialize)]
pub struct OrgRow {
    pub name: String,
    pub kind: Option<String>,
    pub last_sync: Option<String>,
    pub oldest_undelivered: Option<String>,
    pub pupils: i64,
    /// Present pupil-lessons over all pupil-lessons held so far, 0..1.
    pub attendance_rate: Option<f64>,
    /// The director who confirmed the last submission (M8), as `name (login)`, and when.
    pub confirmed_by: Option<String>,
    pub confirmed_at: Option<String>,
}

fn instant(ms: Option<i64>) -> Option<String> {
    ms.and_then(DateTime::<Utc>::from_timestamp_millis)
        .map(|t| t.to_rfc3339())
}

pub async fn rows(hub: &Hub, now: DateTime<Utc>) -> Result<Vec<OrgRow>> {
    let today = dala_core::year::school_date(now);
    let orgs = sqlx::query(
        "SELECT o.id, o.name, (SELECT max(d.last_sync) FROM hub_devices d WHERE d.org = o.id),
                s.oldest_undelivered_ms, c.name, c.login, c.at
         FROM hub_orgs o LEFT JOIN hub_stats s ON s.org = o.id
         LEFT JOIN hub_confirmations c ON c.org = o.id
              AND c.at = (SELECT max(x.at) FROM hub_confirmations x WHERE x.org = o.id)
         ORDER BY o.name",
    )
    .fetch_all(&hub.pool)
    .await?;
    let mut rows = Vec::new();
    for row in orgs {
        let id: String = row.try_get(0)?;
        let (kind, pupils, rate) = figures(hub, &id, today).await?;
        sqlx::query(
            "INSERT INTO hub_stats (org, kind, pupils, attendance_rate, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (org) DO UPDATE SET kind = excluded.kind, pupils = excluded.pupils,
             attendance_rate = excluded.attendance_rate, updated_at = excluded.updated_at",
        )
        .bind(&id)
        .bind(kind.clone())
        .bind(pupils)
        .bind(rate)
        .bind(now.timestamp_millis())
        .execute(&hub.pool)
        .await?;
        rows.push(OrgRow {
            name: row.try_get(1)?,
            kind,
            last_sync: instant(row.try_get(2)?),
            oldest_undelivered: instant(row.try_get(3)?),
            pupils,
            attendance_rate: rate,
            confirmed_by: row
                .try_get::<Option<String>, _>(4)?
                .zip(row.try_get::<Option<String>, _>(5)?)
                .map(|(name, login)| format!("{name} ({login})")),
            confirmed_at: instant(row.try_get(6)?),
        });
    }
    Ok(rows)
}

/// The organisation's kind, its pupils enrolled today and the attendance rate of its journals.
async fn figures(
    hub: &Hub,
    org: &str,
    today: NaiveDate,
) -> Result<(Option<String>, i64, Option<f64>)> {
    let docs = sqlx::query("SELECT doc_key, bytes FROM hub_documents WHERE org = $1")
        .bind(org)
        .fetch_all(&hub.pool)
        .await?;
    let mut kind = None;
    let mut pupils_of: HashMap<Uuid, i64> = HashMap::new();
    let mut journals = Vec::new();
    for doc in docs {
        let name: String = doc.try_get(0)?;
        let Some(key) = DocKey::parse(&name) else {
            continue;
        };
        let bytes: Vec<u8> = doc.try_get(1)?;
        let automerge = automerge::AutoCommit::load(&bytes).map_err(|e| HubError::Document {
            doc: name.clone(),
            detail: e.to_string(),
        })?;
        let contents = dala_store::contents(key, automerge).map_err(|e| HubError::Document {
            doc: name,
            detail: e.to_string(),
        })?;
        match key {
            DocKey::Org => {
                for (collection, id, fields) in &contents.entities {
                    if *collection == Collection::Organisations {
                        kind = Organisation::from_fields(*id, fields)
                            .ok()
                            .map(|o| o.kind.code().to_string());
                    }
                }
            }
            DocKey::Roster(_) => {
                for (collection, id, fields) in &contents.entities {
                    if *collection != Collection::Enrolments {
                        continue;
                    }
                    let Ok(e) = Enrolment::from_fields(*id, fields) else {
                        continue;
                    };
                    if e.from <= today && e.to.is_none_or(|to| to >= today) {
                        *pupils_of.entry(e.group_id).or_default() += 1;
                    }
                }
            }
            DocKey::Journal { class, .. } => journals.push((class, contents)),
            _ => {}
        }
    }
    let (mut held, mut absent) = (0i64, 0i64);
    for (class, contents) in journals {
        let pupils = pupils_of.get(&class).copied().unwrap_or(0);
        let lessons: HashSet<String> = contents
            .entities
            .iter()
            .filter(|(c, _, _)| *c == Collection::Lessons)
            .filter_map(|(_, id, f)| Lesson::from_fields(*id, f).ok())
            .filter(|l| l.date <= today)
            .map(|l| l.id.to_string())
            .collect();
        held += lessons.len() as i64 * pupils;
        absent += contents
            .cells
            .iter()
            .filter(|c| c.grid == dala_core::Grid::Marks && lessons.contains(&c.row))
            .filter(|c| Mark::decode(&c.value).is_some_and(|m| m.attendance.is_some()))
            .count() as i64;
    }
    let rate = (held > 0).then(|| 1.0 - absent as f64 / held as f64);
    Ok((kind, pupils_of.values().sum(), rate))
}

pub fn xlsx(rows: &[OrgRow]) -> Result<Vec<u8>> {
    use dala_report::{Cell, Column, Report};
    let report = Report {
        title: "Ұйымдар бойынша есеп / Отчёт по организациям".into(),
        subtitle: None,
        columns: vec![
            Column::new("Ұйым / Организация", 40.0),
            Column::new("Соңғы синхрондау / Последняя синхронизация", 26.0),
            Column::new(
                "Жеткізілмеген ең ескі өзгеріс / Старейшее недоставленное",
                26.0,
            ),
            Column::new("Оқушылар, балалар / Учащиеся, дети", 14.0),
            Column::new("Қатысу / Посещаемость", 12.0),
            Column::new("Растаған / Подтвердил", 30.0),
            Column::new("Расталды / Подтверждено", 26.0),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::from(r.name.as_str()),
                    r.last_sync.clone().map_or(Cell::Empty, Cell::from),
                    r.oldest_undelivered.clone().map_or(Cell::Empty, Cell::from),
                    Cell::Int(r.pupils),
                    r.attendance_rate.map_or(Cell::Empty, Cell::Number),
                    r.confirmed_by.clone().map_or(Cell::Empty, Cell::from),
                    r.confirmed_at.clone().map_or(Cell::Empty, Cell::from),
                ]
            })
            .collect(),
        ..Report::default()
    };
    dala_report::xlsx(&report).map_err(|e| HubError::Invalid(e.to_string()))
}
