//! Commands: what a user asks of the organisation's data. `plan` checks every rule against the
//! current state, read through `Lookup`, and answers with the changes to make. The store applies
//! a command's changes as one automerge change per document, in one transaction; a batch (an
//! import) plans each command against the state its predecessors left, in the same transaction.

use chrono::NaiveDate;
use uuid::Uuid;

use std::collections::BTreeSet;

use crate::account::{self, Account};
use crate::activities::PlannedActivity;
use crate::assessment::rule_set_for;
use crate::assignment::{Assignment, Guardianship, TeacherDuty};
use crate::enrolment::{Enrolment, GroupKind};
use crate::error::CoreError;
use crate::group::{AgeGroup, Class};
use crate::journal::{Acting, CellEdit, Lesson};
use crate::journal_plan;
use crate::org::Organisation;
use crate::person::{Person, PersonKind};
use crate::record::{Collection, DocKey, Entity, Grid, Value};
use crate::register::{self, PresenceEdit};
use crate::room::Room;
use crate::school_plan::{PlanHours, PlanSettings};
use crate::school_timetable::{DayOff, TimetableLesson, standard_week};
use crate::year::{AcademicYear, Term};

/// One record written into (or removed from) a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Put {
        doc: DocKey,
        collection: Collection,
        id: Uuid,
        fields: Vec<(&'static str, Value)>,
    },
    Remove {
        doc: DocKey,
        collection: Collection,
        id: Uuid,
    },
    /// One cell of a grid set (or cleared, with `None`).
    Cell {
        doc: DocKey,
        grid: Grid,
        row: String,
        col: String,
        value: Option<String>,
    },
}

impl Change {
    pub fn put<E: Entity>(entity: &E) -> Change {
        Change::Put {
            doc: entity.doc(),
            collection: E::COLLECTION,
            id: entity.id(),
            fields: entity.fields(),
        }
    }

    pub fn doc(&self) -> DocKey {
        match self {
            Change::Put { doc, .. } | Change::Remove { doc, .. } | Change::Cell { doc, .. } => *doc,
        }
    }
}

/// The state a command's rules look at. The store answers from its projections, which are
/// current inside the command's transaction.
pub trait Lookup {
    type Error: From<CoreError>;
    fn get<E: Entity>(&self, id: Uuid) -> Result<Option<E>, Self::Error>;
    fn person_with_iin(&self, iin: &str) -> Result<Option<Uuid>, Self::Error>;
    fn classes_of_year(&self, year: Uuid) -> Result<Vec<Class>, Self::Error>;
    fn enrolments_of(&self, person: Uuid) -> Result<Vec<Enrolment>, Self::Error>;
    fn account_with_login(&self, login: &str) -> Result<Option<Uuid>, Self::Error>;
    fn accounts(&self) -> Result<Vec<Account>, Self::Error>;
    /// Everyone enrolled in a class or age group, on any day.
    fn enrolments_in(&self, group: Uuid) -> Result<Vec<Enrolment>, Self::Error>;
    fn assignments_of(&self, group: Uuid) -> Result<Vec<Assignment>, Self::Error>;
    fn lessons_of(&self, class: Uuid, term: Uuid) -> Result<Vec<Lesson>, Self::Error>;
    /// Whether any cell of the grid's row holds a value (a lesson with marks).
    fn row_has_cells(&self, doc: DocKey, grid: Grid, row: &str) -> Result<bool, Self::Error>;
    /// A kindergarten group's planned organised activities.
    fn activities_of(&self, group: Uuid) -> Result<Vec<PlannedActivity>, Self::Error>;
}

fn not_found(entity: &'static str) -> CoreError {
    CoreError::NotFound { entity }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    SetOrganisation(Organisation),
    AddYear {
        year: AcademicYear,
        terms: Vec<Term>,
    },
    AddClass(Class),
    AddAgeGroup(AgeGroup),
    /// Adds or corrects a person.
    SavePerson(Person),
    Enrol(Enrolment),
    CreateAccount(Account),
    /// Changes an account's role, language or first-login flag; the login stays.
    UpdateAccount(Account),
    RemoveAccount(Uuid),
    Assign(Assignment),
    RemoveAssignment(Uuid),
    /// Changes one subject's hours in one grade of the year's plan (`on`), or gives the cell
    /// back to the standard plan.
    SetPlanHours {
        hours: PlanHours,
        on: bool,
    },
    SetPlanSettings(PlanSettings),
    LinkGuardian(Guardianship),
    /// Adds a lesson or corrects one; its date, kind and max stay while it has marks.
    SaveLesson {
        lesson: Lesson,
        by: Acting,
    },
    RemoveLesson {
        id: Uuid,
        by: Acting,
    },
    /// A register's cells for one class, subject and term, and the lessons whose attendance was
    /// taken with everyone present.
    SaveMarks {
        class_id: Uuid,
        term_id: Uuid,
        subject: String,
        cells: Vec<CellEdit>,
        taken: Vec<Uuid>,
        by: Acting,
    },
    /// A kindergarten group's days of one month, and the days taken with everyone present.
    SavePresence {
        group_id: Uuid,
        month: u32,
        cells: Vec<PresenceEdit>,
        taken: Vec<NaiveDate>,
        by: Acting,
    },
    /// Adds or corrects a room of the year.
    SaveRoom(Room),
    /// Changes the year's timetable in one step: the lessons put (new or moved) and removed.
    /// Whether the result keeps the timetabling rules is the caller's question (`generator::check`
    /// on the whole week); here each lesson is checked to be a lesson of this year's week.
    SaveTimetable {
        year_id: Uuid,
        put: Vec<TimetableLesson>,
        remove: Vec<Uuid>,
    },
    /// Changes the kindergarten's weekly plan in one step: activities put and removed. Each one
    /// must fit its group's day (no overlap); the age norms are warnings, not refusals.
    SaveActivities {
        year_id: Uuid,
        put: Vec<PlannedActivity>,
        remove: Vec<Uuid>,
    },
    /// Gives a teacher an extra duty of the year (`on`), or takes it back.
    SetDuty {
        duty: TeacherDuty,
        on: bool,
    },
    /// Gives a teacher a day of the week without lessons (`off`), or takes it back.
    SetDayOff {
        day_off: DayOff,
        off: bool,
    },
    /// Brings a class's journal lessons of a term from `from` on into line with the timetable:
    /// `planned` (from `journal_plan::planned`) are added where the journal has no such lesson,
    /// and the lessons from `from` on that the timetable no longer has are removed unless a
    /// teacher has written in them.
    FollowTimetable {
        class_id: Uuid,
        term_id: Uuid,
        from: NaiveDate,
        planned: Vec<Lesson>,
    },
}

impl Command {
    /// The name the audit log records.
    pub fn action(&self) -> &'static str {
        match self {
            Command::SetOrganisation(_) => "organisation.set",
            Command::AddYear { .. } => "year.add",
            Command::AddClass(_) => "class.add",
            Command::AddAgeGroup(_) => "age_group.add",
            Command::SavePerson(_) => "person.save",
            Command::Enrol(_) => "enrolment.add",
            Command::CreateAccount(_) => "account.create",
            Command::UpdateAccount(_) => "account.update",
            Command::RemoveAccount(_) => "account.remove",
            Command::Assign(_) => "assignment.save",
            Command::RemoveAssignment(_) => "assignment.remove",
            Command::SetPlanHours { .. } => "curriculum.hours",
            Command::SetPlanSettings(_) => "curriculum.settings",
            Command::LinkGuardian(_) => "guardian.link",
            Command::SaveLesson { .. } => "lesson.save",
            Command::RemoveLesson { .. } => "lesson.remove",
            Command::SaveMarks { .. } => "marks.save",
            Command::SavePresence { .. } => "presence.save",
            Command::SaveRoom(_) => "room.save",
            Command::SaveTimetable { .. } => "timetable.save",
            Command::SaveActivities { .. } => "activities.save",
            Command::FollowTimetable { .. } => "lessons.follow_timetable",
            Command::SetDayOff { .. } => "day_off.set",
            Command::SetDuty { .. } => "duty.set",
        }
    }

    pub fn plan<L: Lookup>(&self, at: &L, today: NaiveDate) -> Result<Vec<Change>, L::Error> {
        match self {
            Command::SetOrganisation(org) => {
                org.validate()?;
                Ok(vec![Change::put(org)])
            }
            Command::AddYear { year, terms } => {
                year.validate(terms)?;
                Ok(std::iter::once(Change::put(year))
                    .chain(terms.iter().map(Change::put))
                    .collect())
            }
            Command::AddClass(class) => {
                at.get::<AcademicYear>(class.year_id)?
                    .ok_or(CoreError::NotFound {
                        entity: "academic_year",
                    })?;
                class.validate(&at.classes_of_year(class.year_id)?)?;
                Ok(vec![Change::put(class)])
            }
            Command::AddAgeGroup(group) => {
                at.get::<AcademicYear>(group.year_id)?
                    .ok_or(CoreError::NotFound {
                        entity: "academic_year",
                    })?;
                group.validate()?;
                Ok(vec![Change::put(group)])
            }
            Command::SavePerson(person) => {
                person.validate(today)?;
                if let Some(iin) = &person.iin
                    && at
                        .person_with_iin(iin.as_str())?
                        .is_some_and(|other| other != person.id)
                {
                    return Err(CoreError::IinTaken {
                        iin: iin.to_string(),
                    }
                    .into());
                }
                Ok(vec![Change::put(person)])
            }
            Command::Enrol(enrolment) => {
                let person = at
                    .get::<Person>(enrolment.person_id)?
                    .ok_or(CoreError::NotFound { entity: "person" })?;
                let year =
                    at.get::<AcademicYear>(enrolment.year_id)?
                        .ok_or(CoreError::NotFound {
                            entity: "academic_year",
                        })?;
                let group = if at
                    .get::<Class>(enrolment.group_id)?
                    .is_some_and(|c| c.year_id == year.id)
                {
                    GroupKind::Class
                } else if at
                    .get::<AgeGroup>(enrolment.group_id)?
                    .is_some_and(|g| g.year_id == year.id)
                {
                    GroupKind::AgeGroup
                } else {
                    return Err(CoreError::NotFound { entity: "group" }.into());
                };
                enrolment.validate(&person, group, &year, &at.enrolments_of(person.id)?)?;
                Ok(vec![Change::put(enrolment)])
            }
            Command::CreateAccount(account) => {
                account::validate_login(&account.login)?;
                if at.account_with_login(&account.login)?.is_some() {
                    return Err(CoreError::LoginTaken {
                        login: account.login.clone(),
                    }
                    .into());
                }
                Ok(vec![Change::put(account)])
            }
            Command::UpdateAccount(account) => {
                let accounts = at.accounts()?;
                let current = accounts
                    .iter()
                    .find(|a| a.id == account.id)
                    .ok_or(CoreError::NotFound { entity: "account" })?;
                if current.login != account.login {
                    return Err(CoreError::LoginInvalid.into());
                }
                account::keep_an_administrator(&accounts, account.id, Some(account.role))?;
                Ok(vec![Change::put(account)])
            }
            Command::RemoveAccount(id) => {
                let accounts = at.accounts()?;
                if !accounts.iter().any(|a| a.id == *id) {
                    return Err(CoreError::NotFound { entity: "account" }.into());
                }
                account::keep_an_administrator(&accounts, *id, None)?;
                Ok(vec![Change::Remove {
                    doc: DocKey::Accounts,
                    collection: Collection::Accounts,
                    id: *id,
                }])
            }
            Command::Assign(assignment) => {
                let teacher = at
                    .get::<Person>(assignment.teacher_id)?
                    .ok_or(not_found("person"))?;
                let in_year = at
                    .get::<Class>(assignment.group_id)?
                    .map(|c| c.year_id)
                    .or(at.get::<AgeGroup>(assignment.group_id)?.map(|g| g.year_id));
                if in_year != Some(assignment.year_id) {
                    return Err(not_found("group").into());
                }
                assignment.validate(
                    &teacher,
                    &at.assignments_of(assignment.group_id)?,
                    crate::curriculum::standard().splits.groups,
                )?;
                Ok(vec![Change::put(assignment)])
            }
            Command::RemoveAssignment(id) => {
                let assignment = at.get::<Assignment>(*id)?.ok_or(not_found("assignment"))?;
                Ok(vec![Change::Remove {
                    doc: assignment.doc(),
                    collection: Collection::Assignments,
                    id: *id,
                }])
            }
            Command::SetPlanHours { hours, on } => {
                year_exists(at, hours.year_id)?;
                if *on {
                    hours.validate(crate::curriculum::standard())?;
                    Ok(vec![Change::put(hours)])
                } else {
                    Ok(vec![Change::Remove {
                        doc: hours.doc(),
                        collection: Collection::PlanHours,
                        id: hours.id(),
                    }])
                }
            }
            Command::SetPlanSettings(settings) => {
                year_exists(at, settings.year_id)?;
                Ok(vec![Change::put(settings)])
            }
            Command::LinkGuardian(link) => {
                let parent = at
                    .get::<Person>(link.parent_id)?
                    .ok_or(not_found("person"))?;
                let child = at
                    .get::<Person>(link.child_id)?
                    .ok_or(not_found("person"))?;
                link.validate(&parent, &child)?;
                Ok(vec![Change::put(link)])
            }
            Command::SaveLesson { lesson, by } => {
                let class = at
                    .get::<Class>(lesson.class_id)?
                    .ok_or(not_found("class"))?;
                let term = at.get::<Term>(lesson.term_id)?.ok_or(not_found("term"))?;
                by.may_keep(
                    &at.assignments_of(class.id)?,
                    class.id,
                    Some(&lesson.subject),
                )?;
                if let Some(before) = at.get::<Lesson>(lesson.id)? {
                    by.may_keep(
                        &at.assignments_of(class.id)?,
                        class.id,
                        Some(&before.subject),
                    )?;
                    let moved = (before.date, before.kind, before.max_score, &before.subject)
                        != (lesson.date, lesson.kind, lesson.max_score, &lesson.subject);
                    let marked =
                        at.row_has_cells(lesson.doc_key(), Grid::Marks, &lesson.id.to_string())?;
                    if (moved && marked) || (before.class_id, before.term_id) != (class.id, term.id)
                    {
                        return Err(CoreError::LessonHasMarks.into());
                    }
                }
                let others = at.lessons_of(class.id, term.id)?;
                lesson.validate(&class, &term, &others, rule_set_for(term.starts))?;
                Ok(vec![Change::put(lesson)])
            }
            Command::RemoveLesson { id, by } => {
                let lesson = at.get::<Lesson>(*id)?.ok_or(not_found("lesson"))?;
                by.may_keep(
                    &at.assignments_of(lesson.class_id)?,
                    lesson.class_id,
                    Some(&lesson.subject),
                )?;
                let doc = lesson.doc_key();
                if at.row_has_cells(doc, Grid::Marks, &id.to_string())? {
                    return Err(CoreError::LessonHasMarks.into());
                }
                Ok(vec![Change::Remove {
                    doc,
                    collection: Collection::Lessons,
                    id: *id,
                }])
            }
            Command::SaveMarks {
                class_id,
                term_id,
                subject,
                cells,
                taken,
                by,
            } => plan_marks(at, *class_id, *term_id, subject, cells, taken, *by, today),
            Command::SavePresence {
                group_id,
                month,
                cells,
                taken,
                by,
            } => plan_presence(at, *group_id, *month, cells, taken, *by, today),
            Command::SaveRoom(room) => {
                year_exists(at, room.year_id)?;
                room.validate()?;
                Ok(vec![Change::put(room)])
            }
            Command::SaveTimetable {
                year_id,
                put,
                remove,
            } => {
                year_exists(at, *year_id)?;
                let week = standard_week();
                let mut changes = Vec::with_capacity(put.len() + remove.len());
                for (index, lesson) in put.iter().enumerate() {
                    let valid = if lesson.year_id != *year_id {
                        Err(not_found("academic_year"))
                    } else {
                        lesson.validate(week)
                    };
                    valid.map_err(CoreError::at(index))?;
                    changes.push(Change::put(lesson));
                }
                changes.extend(remove.iter().map(|&id| Change::Remove {
                    doc: DocKey::Timetable(*year_id),
                    collection: Collection::TimetableLessons,
                    id,
                }));
                Ok(changes)
            }
            Command::SaveActivities {
                year_id,
                put,
                remove,
            } => plan_activities(at, *year_id, put, remove),
            Command::FollowTimetable {
                class_id,
                term_id,
                from,
                planned,
            } => plan_follow(at, *class_id, *term_id, *from, planned),
            Command::SetDuty { duty, on } => {
                year_exists(at, duty.year_id)?;
                if *on {
                    let teacher = at
                        .get::<Person>(duty.teacher_id)?
                        .ok_or(CoreError::AssignmentTeacherInvalid)?;
                    duty.validate(&teacher, crate::load::standard_norms())?;
                    if let Some(class) = duty.class_id {
                        at.get::<Class>(class)?
                            .filter(|c| c.year_id == duty.year_id)
                            .ok_or(not_found("class"))?;
                    }
                    Ok(vec![Change::put(duty)])
                } else {
                    Ok(vec![Change::Remove {
                        doc: duty.doc(),
                        collection: Collection::Duties,
                        id: duty.id,
                    }])
                }
            }
            Command::SetDayOff { day_off, off } => {
                year_exists(at, day_off.year_id)?;
                let teacher = at.get::<Person>(day_off.teacher_id)?;
                if teacher.is_none_or(|t| t.kind != PersonKind::Staff) {
                    return Err(CoreError::AssignmentTeacherInvalid.into());
                }
                day_off.validate(standard_week())?;
                Ok(vec![if *off {
                    Change::put(day_off)
                } else {
                    Change::Remove {
                        doc: day_off.doc(),
                        collection: Collection::DaysOff,
                        id: day_off.id,
                    }
                }])
            }
        }
    }
}

fn year_exists<L: Lookup>(at: &L, year: Uuid) -> Result<(), L::Error> {
    at.get::<AcademicYear>(year)?
        .ok_or(not_found("academic_year"))?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn plan_marks<L: Lookup>(
    at: &L,
    class_id: Uuid,
    term_id: Uuid,
    subject: &str,
    cells: &[CellEdit],
    taken: &[Uuid],
    by: Acting,
    today: NaiveDate,
) -> Result<Vec<Change>, L::Error> {
    let class = at.get::<Class>(class_id)?.ok_or(not_found("class"))?;
    let term = at.get::<Term>(term_id)?.ok_or(not_found("term"))?;
    by.may_keep(&at.assignments_of(class.id)?, class.id, Some(subject))?;
    let rules = rule_set_for(term.starts);
    let lessons = at.lessons_of(class.id, term.id)?;
    let lesson = |id: Uuid| {
        lessons
            .iter()
            .find(|l| l.id == id && l.subject == subject)
            .ok_or(not_found("lesson"))
    };
    let enrolments = at.enrolments_in(class.id)?;
    let doc = DocKey::Journal {
        class: class.id,
        term: term.id,
    };
    let mut changes = Vec::new();
    let mut touched = BTreeSet::new();
    for (i, edit) in cells.iter().enumerate() {
        let lesson = lesson(edit.lesson_id).map_err(CoreError::at(i))?;
        let enrolled = enrolments
            .iter()
            .any(|e| e.person_id == edit.student_id && e.covers(lesson.date));
        edit.check(lesson, &class, enrolled, rules, today)
            .map_err(CoreError::at(i))?;
        let (row, col) = (lesson.id.to_string(), edit.student_id.to_string());
        changes.push(Change::Cell {
            doc,
            grid: Grid::Marks,
            row: row.clone(),
            col: col.clone(),
            value: edit.mark.encode(),
        });
        if let Some(comment) = &edit.comment {
            let comment = comment.trim();
            changes.push(Change::Cell {
                doc,
                grid: Grid::Notes,
                row,
                col,
                value: (!comment.is_empty()).then(|| comment.to_string()),
            });
        }
        touched.insert(lesson.id);
    }
    for (i, id) in taken.iter().enumerate() {
        let lesson = lesson(*id).map_err(CoreError::at(cells.len() + i))?;
        if lesson.date > today {
            return Err(CoreError::at(cells.len() + i)(CoreError::LessonInFuture).into());
        }
        touched.insert(lesson.id);
    }
    for lesson in lessons
        .iter()
        .filter(|l| touched.contains(&l.id) && !l.taken)
    {
        let mut lesson = lesson.clone();
        lesson.taken = true;
        changes.push(Change::put(&lesson));
    }
    Ok(changes)
}

fn plan_presence<L: Lookup>(
    at: &L,
    group_id: Uuid,
    month: u32,
    cells: &[PresenceEdit],
    taken: &[NaiveDate],
    by: Acting,
    today: NaiveDate,
) -> Result<Vec<Change>, L::Error> {
    let group = at.get::<AgeGroup>(group_id)?.ok_or(not_found("group"))?;
    by.may_keep(&at.assignments_of(group.id)?, group.id, None)?;
    let enrolments = at.enrolments_in(group.id)?;
    let doc = DocKey::Register {
        group: group.id,
        month,
    };
    let mut changes = Vec::new();
    let mut days = BTreeSet::new();
    for (i, edit) in cells.iter().enumerate() {
        let enrolled = enrolments
            .iter()
            .any(|e| e.person_id == edit.child_id && e.covers(edit.date));
        edit.check(month, enrolled, today)
            .map_err(CoreError::at(i))?;
        changes.push(Change::Cell {
            doc,
            grid: Grid::Presence,
            row: edit.date.to_string(),
            col: edit.child_id.to_string(),
            value: edit.presence.map(|p| p.code().to_string()),
        });
        days.insert(edit.date);
    }
    for (i, day) in taken.iter().enumerate() {
        register::check_day(*day, month, today).map_err(CoreError::at(cells.len() + i))?;
        days.insert(*day);
    }
    changes.extend(days.into_iter().map(|day| Change::Cell {
        doc,
        grid: Grid::Days,
        row: day.to_string(),
        col: "taken".into(),
        value: Some("1".into()),
    }));
    Ok(changes)
}

/// Each activity put is checked against its group's week as it will be: the stored activities,
/// less the removed and replaced ones, with the others put in the same command.
fn plan_activities<L: Lookup>(
    at: &L,
    year_id: Uuid,
    put: &[PlannedActivity],
    remove: &[Uuid],
) -> Result<Vec<Change>, L::Error> {
    year_exists(at, year_id)?;
    let mut weeks: std::collections::HashMap<Uuid, Vec<PlannedActivity>> = Default::default();
    for a in put {
        if !weeks.contains_key(&a.group_id) {
            let group = at
                .get::<AgeGroup>(a.group_id)?
                .filter(|g| g.year_id == year_id)
                .ok_or(not_found("age_group"))?;
            let stored = at.activities_of(group.id)?;
            weeks.insert(group.id, stored);
        }
    }
    for (group, week) in weeks.iter_mut() {
        week.retain(|a| !remove.contains(&a.id) && !put.iter().any(|p| p.id == a.id));
        week.extend(put.iter().filter(|p| p.group_id == *group).cloned());
    }
    let mut changes = Vec::with_capacity(put.len() + remove.len());
    for (index, activity) in put.iter().enumerate() {
        let others: Vec<PlannedActivity> = weeks[&activity.group_id]
            .iter()
            .filter(|a| a.id != activity.id)
            .cloned()
            .collect();
        let valid = if activity.year_id == year_id {
            activity.validate(&others)
        } else {
            Err(not_found("academic_year"))
        };
        valid.map_err(CoreError::at(index))?;
        changes.push(Change::put(activity));
    }
    changes.extend(remove.iter().map(|&id| Change::Remove {
        doc: DocKey::Timetable(year_id),
        collection: Collection::Activities,
        id,
    }));
    Ok(changes)
}

fn plan_follow<L: Lookup>(
    at: &L,
    class_id: Uuid,
    term_id: Uuid,
    from: NaiveDate,
    planned: &[Lesson],
) -> Result<Vec<Change>, L::Error> {
    let class = at.get::<Class>(class_id)?.ok_or(not_found("class"))?;
    let term = at.get::<Term>(term_id)?.ok_or(not_found("term"))?;
    let doc = DocKey::Journal {
        class: class_id,
        term: term_id,
    };
    let same =
        |a: &Lesson, b: &Lesson| a.date == b.date && a.period == b.period && a.subject == b.subject;
    let mut kept = Vec::new();
    let mut changes = Vec::new();
    for lesson in at.lessons_of(class_id, term_id)? {
        let wanted = planned.iter().any(|p| same(p, &lesson));
        let written = at.row_has_cells(doc, Grid::Marks, &lesson.id.to_string())?
            || at.row_has_cells(doc, Grid::Notes, &lesson.id.to_string())?;
        if lesson.date < from || wanted || !journal_plan::untouched(&lesson, written) {
            kept.push(lesson);
        } else {
            changes.push(Change::Remove {
                doc,
                collection: Collection::Lessons,
                id: lesson.id,
            });
        }
    }
    let rules = rule_set_for(term.starts);
    for (index, lesson) in planned.iter().enumerate() {
        if lesson.class_id != class_id || lesson.term_id != term_id || lesson.date < from {
            return Err(CoreError::at(index)(CoreError::LessonOutsideTerm).into());
        }
        if kept.iter().any(|k| same(k, lesson)) {
            continue;
        }
        lesson
            .validate(&class, &term, &kept, rules)
            .map_err(CoreError::at(index))?;
        kept.push(lesson.clone());
        changes.push(Change::put(lesson));
    }
    Ok(changes)
}
