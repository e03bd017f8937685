//! The region's reports (issue: sync, O3), projected from the documents the hub holds into SQL
//! and read per area: per organisation its district, last sync, the age of its oldest
//! undelivered change, its pupils (students or children) and the attendance rate of its
//! journals; the contingent by grade (or age) and language; attendance per week. An
//! organisation is projected again when one of its documents changed since, or the day did.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use dala_core::enrolment::Enrolment;
use dala_core::group::{AgeGroup, Class};
use dala_core::journal::{Lesson, Mark};
use dala_core::org::Organisation;
use dala_core::{Collection, DocKey, Entity};
use serde::Serialize;
use sqlx::Row;
use uuid::Uuid;

use crate::districts::Area;
use crate::error::{HubError, Result};
use crate::hub::Hub;

#[derive(Debug, Serialize)]
pub struct OrgRow {
    pub name: String,
    pub kind: Option<String>,
    /// The KATO codes of its region and district, when known.
    pub region: Option<String>,
    pub district: Option<String>,
    pub last_sync: Option<String>,
    pub oldest_undelivered: Option<String>,
    pub pupils: i64,
    /// Present pupil-lessons over all pupil-lessons held so far, 0..1.
    pub attendance_rate: Option<f64>,
    /// The director who confirmed the last submission (M8), as `name (login)`, and when.
    pub confirmed_by: Option<String>,
    pub confirmed_at: Option<String>,
}

/// Pupils of one grade (or kindergarten age) taught in one language, in one organisation.
#[derive(Debug, Serialize)]
pub struct ContingentRow {
    pub organisation: String,
    /// `class` (a school's grade) or `age_group` (a kindergarten's, by the age it starts from).
    pub group_kind: String,
    pub grade: i64,
    /// `kk` or `ru`.
    pub language: String,
    pub groups: i64,
    pub pupils: i64,
}

/// One organisation's week (by its Monday): pupil-lessons held, absences, and their rate.
#[derive(Debug, Serialize)]
pub struct AttendanceRow {
    pub organisation: String,
    pub week: String,
    pub held: i64,
    pub absent: i64,
    pub attendance_rate: Option<f64>,
}

#[derive(Debug, Default, Serialize)]
pub struct Reports {
    pub organisations: Vec<OrgRow>,
    pub contingent: Vec<ContingentRow>,
    pub attendance: Vec<AttendanceRow>,
}

/// Which of the reports, for a file that holds one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Organisations,
    Contingent,
    Attendance,
}

fn instant(ms: Option<i64>) -> Option<String> {
    ms.and_then(DateTime::<Utc>::from_timestamp_millis)
        .map(|t| t.to_rfc3339())
}

/// The reports of the organisations in `area`, projected afresh where they changed.
pub async fn for_area(hub: &Hub, area: &Area, now: DateTime<Utc>) -> Result<Reports> {
    refresh(hub, now).await?;
    let orgs = sqlx::query(
        "SELECT o.id, o.name, o.district, s.declared_district, s.kind, s.pupils,
                s.attendance_rate, (SELECT max(d.last_sync) FROM hub_devices d WHERE d.org = o.id),
                s.oldest_undelivered_ms, c.name, c.login, c.at
         FROM hub_orgs o LEFT JOIN hub_stats s ON s.org = o.id
         LEFT JOIN hub_confirmations c ON c.org = o.id
              AND c.at = (SELECT max(x.at) FROM hub_confirmations x WHERE x.org = o.id)
         ORDER BY o.name",
    )
    .fetch_all(&hub.pool)
    .await?;
    let mut reports = Reports::default();
    let mut names: HashMap<String, String> = HashMap::new();
    for row in orgs {
        let registered: Option<String> = row.try_get(2)?;
        let district = registered.or(row.try_get(3)?);
        if !area.holds(district.as_deref()) {
            continue;
        }
        let (id, name): (String, String) = (row.try_get(0)?, row.try_get(1)?);
        names.insert(id, name.clone());
        reports.organisations.push(OrgRow {
            name,
            kind: row.try_get(4)?,
            region: district
                .as_deref()
                .and_then(dala_core::reference::district)
                .map(|d| d.region.to_string()),
            district,
            pupils: row.try_get::<Option<i64>, _>(5)?.unwrap_or(0),
            attendance_rate: row.try_get(6)?,
            last_sync: instant(row.try_get(7)?),
            oldest_undelivered: instant(row.try_get(8)?),
            confirmed_by: row
                .try_get::<Option<String>, _>(9)?
                .zip(row.try_get::<Option<String>, _>(10)?)
                .map(|(name, login)| format!("{name} ({login})")),
            confirmed_at: instant(row.try_get(11)?),
        });
    }
    let contingent = sqlx::query(
        "SELECT org, group_kind, grade, language, groups, pupils FROM hub_contingent
         ORDER BY org, group_kind, grade, language",
    )
    .fetch_all(&hub.pool)
    .await?;
    for row in contingent {
        let Some(name) = names.get(&row.try_get::<String, _>(0)?) else {
            continue;
        };
        reports.contingent.push(ContingentRow {
            organisation: name.clone(),
            group_kind: row.try_get(1)?,
            grade: row.try_get(2)?,
            language: row.try_get(3)?,
            groups: row.try_get(4)?,
            pupils: row.try_get(5)?,
        });
    }
    let weeks =
        sqlx::query("SELECT org, week, held, absent FROM hub_attendance ORDER BY org, week")
            .fetch_all(&hub.pool)
            .await?;
    for row in weeks {
        let Some(name) = names.get(&row.try_get::<String, _>(0)?) else {
            continue;
        };
        let (held, absent): (i64, i64) = (row.try_get(2)?, row.try_get(3)?);
        reports.attendance.push(AttendanceRow {
            organisation: name.clone(),
            week: row.try_get(1)?,
            held,
            absent,
            attendance_rate: rate(held, absent),
        });
    }
    reports
        .contingent
        .sort_by(|a, b| a.organisation.cmp(&b.organisation));
    reports
        .attendance
        .sort_by(|a, b| a.organisation.cmp(&b.organisation));
    Ok(reports)
}

fn rate(held: i64, absent: i64) -> Option<f64> {
    (held > 0).then(|| 1.0 - absent as f64 / held as f64)
}

/// Projects every organisation whose documents changed since its last projection, or that was
/// projected for another day.
async fn refresh(hub: &Hub, now: DateTime<Utc>) -> Result<()> {
    let today = dala_core::year::school_date(now);
    let stale = sqlx::query(
        "SELECT o.id, s.changes FROM hub_orgs o LEFT JOIN hub_stats s ON s.org = o.id
         WHERE s.projected_changes IS NULL OR s.projected_changes <> s.changes
            OR s.day IS NULL OR s.day <> $1",
    )
    .bind(today.to_string())
    .fetch_all(&hub.pool)
    .await?;
    for row in stale {
        let org: String = row.try_get(0)?;
        // Read before the documents: a sync that writes meanwhile leaves the figures stale.
        let changes: i64 = row.try_get::<Option<i64>, _>(1)?.unwrap_or(0);
        let f = figures(hub, &org, today).await?;
        let mut tx = hub.begin().await?;
        sqlx::query(
            "INSERT INTO hub_stats (org, kind, pupils, attendance_rate, updated_at, projected_changes,
                                    day, declared_district)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (org) DO UPDATE SET kind = excluded.kind, pupils = excluded.pupils,
             attendance_rate = excluded.attendance_rate, projected_changes = excluded.projected_changes,
             day = excluded.day, declared_district = excluded.declared_district",
        )
        .bind(&org)
        .bind(f.kind.clone())
        .bind(f.pupils)
        .bind(rate(f.held(), f.absent()))
        .bind(now.timestamp_millis())
        .bind(changes)
        .bind(today.to_string())
        .bind(f.district.clone())
        .execute(&mut *tx)
        .await?;
        for table in ["hub_contingent", "hub_attendance"] {
            // Two table names of our own, never input.
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE org = $1"
            )))
            .bind(&org)
            .execute(&mut *tx)
            .await?;
        }
        for ((kind, grade, language), (groups, pupils)) in &f.contingent {
            sqlx::query(
                "INSERT INTO hub_contingent (org, group_kind, grade, language, groups, pupils)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&org)
            .bind(*kind)
            .bind(*grade)
            .bind(*language)
            .bind(*groups)
            .bind(*pupils)
            .execute(&mut *tx)
            .await?;
        }
        for (week, (held, absent)) in &f.weeks {
            sqlx::query(
                "INSERT INTO hub_attendance (org, week, held, absent) VALUES ($1, $2, $3, $4)",
            )
            .bind(&org)
            .bind(week.to_string())
            .bind(*held)
            .bind(*absent)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// What one organisation's documents say today.
#[derive(Default)]
struct Figures {
    kind: Option<String>,
    /// The district the school states in its settings.
    district: Option<String>,
    pupils: i64,
    /// (group kind, grade or age, language) → (groups, pupils).
    contingent: BTreeMap<(&'static str, i64, &'static str), (i64, i64)>,
    /// Monday → (pupil-lessons held, absences).
    weeks: BTreeMap<NaiveDate, (i64, i64)>,
}

impl Figures {
    fn held(&self) -> i64 {
        self.weeks.values().map(|w| w.0).sum()
    }

    fn absent(&self) -> i64 {
        self.weeks.values().map(|w| w.1).sum()
    }
}

/// The organisation's kind and district, its pupils enrolled today by grade (or age) and
/// language, and the attendance of its journals by week.
async fn figures(hub: &Hub, org: &str, today: NaiveDate) -> Result<Figures> {
    let docs = sqlx::query("SELECT doc_key, bytes FROM hub_documents WHERE org = $1")
        .bind(org)
        .fetch_all(&hub.pool)
        .await?;
    let mut figures = Figures::default();
    let mut pupils_of: HashMap<Uuid, i64> = HashMap::new();
    // A group's kind, grade (or age) and language.
    let mut groups: HashMap<Uuid, (&'static str, i64, &'static str)> = HashMap::new();
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
                    if *collection == Collection::Organisations
                        && let Ok(o) = Organisation::from_fields(*id, fields)
                    {
                        figures.kind = Some(o.kind.code().to_string());
                        figures.district = o.district;
                    }
                }
            }
            DocKey::Roster(_) => {
                for (collection, id, fields) in &contents.entities {
                    match collection {
                        Collection::Enrolments => {
                            let Ok(e) = Enrolment::from_fields(*id, fields) else {
                                continue;
                            };
                            if e.from <= today && e.to.is_none_or(|to| to >= today) {
                                *pupils_of.entry(e.group_id).or_default() += 1;
                            }
                        }
                        Collection::Classes => {
                            if let Ok(c) = Class::from_fields(*id, fields) {
                                groups.insert(c.id, ("class", c.grade, c.language.code()));
                            }
                        }
                        Collection::AgeGroups => {
                            if let Ok(g) = AgeGroup::from_fields(*id, fields) {
                                groups.insert(g.id, ("age_group", g.age_from, g.language.code()));
                            }
                        }
                        _ => {}
                    }
                }
            }
            DocKey::Journal { class, .. } => journals.push((class, contents)),
            _ => {}
        }
    }
    figures.pupils = pupils_of.values().sum();
    // A group counts when someone is enrolled in it today: last year's classes do not.
    for (group, pupils) in &pupils_of {
        if let Some(key) = groups.get(group) {
            let entry = figures.contingent.entry(*key).or_default();
            entry.0 += 1;
            entry.1 += pupils;
        }
    }
    for (class, contents) in journals {
        let pupils = pupils_of.get(&class).copied().unwrap_or(0);
        let lessons: HashMap<String, NaiveDate> = contents
            .entities
            .iter()
            .filter(|(c, _, _)| *c == Collection::Lessons)
            .filter_map(|(_, id, f)| Lesson::from_fields(*id, f).ok())
            .filter(|l| l.date <= today)
            .map(|l| (l.id.to_string(), l.date))
            .collect();
        for date in lessons.values() {
            figures.weeks.entry(monday(*date)).or_default().0 += pupils;
        }
        // A cell is one pupil's mark in one lesson; an absence is a mark with attendance.
        let absences = contents
            .cells
            .iter()
            .filter(|c| c.grid == dala_core::Grid::Marks)
            .filter(|c| Mark::decode(&c.value).is_some_and(|m| m.attendance.is_some()))
            .filter_map(|c| lessons.get(&c.row));
        for date in absences {
            figures.weeks.entry(monday(*date)).or_default().1 += 1;
        }
    }
    Ok(figures)
}

fn monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

impl Reports {
    /// One of the reports as a spreadsheet, its headers in Kazakh and Russian.
    pub fn xlsx(&self, which: Report) -> Result<Vec<u8>> {
        use dala_report::{Cell, Column};
        let text = |t: &Option<String>| t.clone().map_or(Cell::Empty, Cell::from);
        let (title, columns, rows): (&str, Vec<Column>, Vec<Vec<Cell>>) = match which {
            Report::Organisations => (
                "Ұйымдар бойынша есеп / Отчёт по организациям",
                vec![
                    Column::new("Ұйым / Организация", 40.0),
                    Column::new("Аудан (ҚАТО) / Район (КАТО)", 14.0),
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
                self.organisations
                    .iter()
                    .map(|r| {
                        vec![
                            Cell::from(r.name.as_str()),
                            text(&r.district),
                            text(&r.last_sync),
                            text(&r.oldest_undelivered),
                            Cell::Int(r.pupils),
                            r.attendance_rate.map_or(Cell::Empty, Cell::Number),
                            text(&r.confirmed_by),
                            text(&r.confirmed_at),
                        ]
                    })
                    .collect(),
            ),
            Report::Contingent => (
                "Контингент / Контингент",
                vec![
                    Column::new("Ұйым / Организация", 40.0),
                    Column::new("Сынып не жас / Класс или возраст", 16.0),
                    Column::new("Тіл / Язык", 8.0),
                    Column::new("Сыныптар, топтар / Классы, группы", 14.0),
                    Column::new("Оқушылар, балалар / Учащиеся, дети", 14.0),
                ],
                self.contingent
                    .iter()
                    .map(|r| {
                        let level = match r.group_kind.as_str() {
                            "age_group" => format!("{} жас / лет", r.grade),
                            _ => r.grade.to_string(),
                        };
                        vec![
                            Cell::from(r.organisation.as_str()),
                            Cell::from(level.as_str()),
                            Cell::from(r.language.as_str()),
                            Cell::Int(r.groups),
                            Cell::Int(r.pupils),
                        ]
                    })
                    .collect(),
            ),
            Report::Attendance => (
                "Апталық қатысу / Посещаемость по неделям",
                vec![
                    Column::new("Ұйым / Организация", 40.0),
                    Column::new("Апта / Неделя", 12.0),
                    Column::new("Өткізілген оқушы-сабақ / Проведено ученико-уроков", 16.0),
                    Column::new("Болмағандар / Пропуски", 12.0),
                    Column::new("Қатысу / Посещаемость", 12.0),
                ],
                self.attendance
                    .iter()
                    .map(|r| {
                        vec![
                            Cell::from(r.organisation.as_str()),
                            Cell::from(r.week.as_str()),
                            Cell::Int(r.held),
                            Cell::Int(r.absent),
                            r.attendance_rate.map_or(Cell::Empty, Cell::Number),
                        ]
                    })
                    .collect(),
            ),
        };
        let report = dala_report::Report {
            title: title.into(),
            subtitle: None,
            columns,
            rows,
            ..dala_report::Report::default()
        };
        dala_report::xlsx(&report).map_err(|e| HubError::Invalid(e.to_string()))
    }
}
