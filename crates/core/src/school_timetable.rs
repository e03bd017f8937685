//! The school's own timetable: its stored lessons of the week, and the timetabling instance the
//! generator and the checker see, built from the year's classes, the curriculum and the teachers'
//! assignments (the same plan the teaching load is calculated from).
//!
//! A stored lesson is not tied to an activity of the instance by id: the instance is rebuilt from
//! the plan every time, so a lesson is matched by what it is (class, subject, subgroup, teacher).
//! A changed plan then keeps every lesson that still exists and lists the rest as strays.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::curriculum::{Curriculum, SplitOptions};
use crate::error::CoreError;
use crate::generator::{Placement, Timetable};
use crate::load::LoadAssignment;
use crate::org::Language;
use crate::record::{Collection, DocKey, Entity, Fields, Value};
use crate::room::{Room, RoomKind};
use crate::timetable::{
    Activity, Constraint, Instance, Room as InstanceRoom, Rule, Slot, StudentsKind, StudentsSet,
};

const WEEK_JSON: &str = include_str!("../data/school_week.json");

/// One lesson of the week: a class, or one of its subgroups, with its teacher at a day and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimetableLesson {
    pub id: Uuid,
    pub year_id: Uuid,
    pub class_id: Uuid,
    pub subject: String,
    /// 1, 2… for a class taught the subject in subgroups; `None` for the whole class.
    pub subgroup: Option<u32>,
    pub teacher_id: Uuid,
    /// 1 is Monday.
    pub day: u32,
    /// 1 is the first lesson of the day.
    pub period: u32,
    pub room_id: Option<Uuid>,
    /// Placed by hand: the generator keeps it where it is.
    pub pinned: bool,
}

impl TimetableLesson {
    /// What the lesson is, apart from when.
    pub fn key(&self) -> LessonKey {
        LessonKey {
            class_id: self.class_id,
            subject: self.subject.clone(),
            subgroup: self.subgroup,
            teacher_id: self.teacher_id,
        }
    }

    pub fn validate(&self, week: &WeekNorms) -> Result<(), CoreError> {
        if !(1..=week.days).contains(&self.day) {
            return Err(CoreError::WeekdayInvalid { max: week.days });
        }
        let periods = week.periods();
        if !(1..=periods).contains(&self.period) {
            return Err(CoreError::PeriodInvalid {
                max: i64::from(periods),
            });
        }
        Ok(())
    }
}

impl Entity for TimetableLesson {
    const COLLECTION: Collection = Collection::TimetableLessons;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Timetable(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("class_id", self.class_id.into()),
            ("subject", self.subject.clone().into()),
            ("subgroup", self.subgroup.map(i64::from).into()),
            ("teacher_id", self.teacher_id.into()),
            ("day", i64::from(self.day).into()),
            ("period", i64::from(self.period).into()),
            ("room_id", self.room_id.into()),
            ("pinned", i64::from(self.pinned).into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(TimetableLesson {
            id,
            year_id: r.parse("year_id")?,
            class_id: r.parse("class_id")?,
            subject: r.text("subject")?,
            subgroup: r
                .opt_int("subgroup")?
                .map(|g| u32::try_from(g).map_err(|_| r.invalid("subgroup")))
                .transpose()?,
            teacher_id: r.parse("teacher_id")?,
            day: r.small("day")?,
            period: r.small("period")?,
            room_id: r.opt_parse("room_id")?,
            pinned: r.int("pinned")? == 1,
        })
    }
}

/// A teacher's day of the week without lessons: a hard rule for the timetable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayOff {
    pub id: Uuid,
    pub year_id: Uuid,
    pub teacher_id: Uuid,
    /// 1 is Monday.
    pub day: u32,
}

impl DayOff {
    pub fn validate(&self, week: &WeekNorms) -> Result<(), CoreError> {
        if !(1..=week.days).contains(&self.day) {
            return Err(CoreError::WeekdayInvalid { max: week.days });
        }
        Ok(())
    }
}

impl Entity for DayOff {
    const COLLECTION: Collection = Collection::DaysOff;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Timetable(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("teacher_id", self.teacher_id.into()),
            ("day", i64::from(self.day).into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(DayOff {
            id,
            year_id: r.parse("year_id")?,
            teacher_id: r.parse("teacher_id")?,
            day: r.small("day")?,
        })
    }
}

/// The school week's frame as reference data: days, bells, the daily limit per grade, the
/// subjects kept off the last lesson and the rooms some subjects need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekNorms {
    pub source: String,
    pub confidence: String,
    /// 5 or 6, the school's choice.
    pub days: u32,
    pub bells: Vec<Bell>,
    pub max_daily: Vec<GradeLimit>,
    pub hard_subjects: HardSubjects,
    pub rooms_by_subject: Vec<SubjectRoom>,
}

/// The hardest subjects by the sanitary rules, which no class's day should end with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HardSubjects {
    pub source: String,
    pub confidence: String,
    /// Subject codes of the curriculum.
    pub subjects: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bell {
    pub starts: String,
    pub ends: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeLimit {
    pub from_grade: i64,
    pub to_grade: i64,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectRoom {
    pub subject: String,
    pub kind: String,
}

/// The embedded standard week.
pub fn standard_week() -> &'static WeekNorms {
    static WEEK: OnceLock<WeekNorms> = OnceLock::new();
    WEEK.get_or_init(|| {
        serde_json::from_str(WEEK_JSON)
            .expect("data/school_week.json is compiled in and checked by its tests")
    })
}

impl WeekNorms {
    pub fn periods(&self) -> u32 {
        u32::try_from(self.bells.len()).unwrap_or(u32::MAX)
    }

    /// Lessons a day a grade may have at most; `None` when the norms say nothing.
    pub fn max_daily(&self, grade: i64) -> Option<u32> {
        self.max_daily
            .iter()
            .find(|l| (l.from_grade..=l.to_grade).contains(&grade))
            .map(|l| l.max)
    }

    /// The kind of room a subject is taught in, when it needs one.
    pub fn room_kind(&self, subject: &str) -> Option<RoomKind> {
        self.rooms_by_subject
            .iter()
            .find(|r| r.subject == subject)
            .and_then(|r| RoomKind::from_code(&r.kind))
    }
}

/// A class as the timetable sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekClass {
    pub class_id: Uuid,
    pub name: String,
    pub grade: i64,
    pub language: Language,
    pub pupils: u32,
}

/// Everything a year's timetabling instance is built from.
pub struct WeekPlan<'a> {
    pub classes: &'a [WeekClass],
    /// Who teaches what, as the load reads it: a `None` group on a split subject teaches every
    /// subgroup.
    pub assignments: &'a [LoadAssignment],
    pub teachers: &'a [(Uuid, String)],
    pub rooms: &'a [Room],
    /// Teachers' days without lessons.
    pub days_off: &'a [DayOff],
    pub curriculum: &'a Curriculum,
    pub split: SplitOptions,
    pub week: &'a WeekNorms,
}

/// What a lesson is, apart from when and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct LessonKey {
    pub class_id: Uuid,
    pub subject: String,
    pub subgroup: Option<u32>,
    pub teacher_id: Uuid,
}

/// A year's timetabling instance and how its parts map back to the school's records.
#[derive(Debug, Clone)]
pub struct Problem {
    pub instance: Instance,
    /// The lesson each of the instance's activities is, in the same order.
    pub keys: Vec<LessonKey>,
    /// The instance's teachers and rooms, by index.
    pub teachers: Vec<Uuid>,
    pub rooms: Vec<Uuid>,
    /// The instance's students set of each class.
    pub classes: HashMap<Uuid, usize>,
}

/// The stored lessons laid over the instance.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub timetable: Timetable,
    /// The stored lesson that is each activity, if any.
    pub ids: Vec<Option<Uuid>>,
    /// Stored lessons the plan no longer has (a changed assignment, a subject dropped).
    pub strays: Vec<Uuid>,
}

/// The weight of the soft rule that spreads a subject's lessons over the week unless they are a
/// pair. Gaps need no rule of their own: the generator's score counts every class's and teacher's
/// empty periods (and FET accepts a students' max-gaps rule only as a hard one).
const SOFT: f64 = 95.0;
const HARD: f64 = 100.0;
/// The weight of a hard subject ending a class's day: a point, as much as a class's gap or four
/// of a teacher's, so the search moves hard lessons earlier without opening gaps for classes.
const HARD_LAST: f64 = 10.0;

impl Problem {
    pub fn build(plan: &WeekPlan) -> Problem {
        let week = plan.week;
        let mut instance = Instance {
            name: String::new(),
            days: (1..=week.days).map(|d| d.to_string()).collect(),
            hours: week
                .bells
                .iter()
                .map(|b| format!("{}-{}", b.starts, b.ends))
                .collect(),
            teachers: plan.teachers.iter().map(|(_, n)| n.clone()).collect(),
            rooms: plan
                .rooms
                .iter()
                .map(|r| InstanceRoom {
                    name: r.name.clone(),
                    // Seats nobody counted limit nothing.
                    capacity: if r.capacity == 0 {
                        u32::MAX
                    } else {
                        r.capacity
                    },
                    real_rooms: Vec::new(),
                })
                .collect(),
            constraints: [Rule::BasicTime, Rule::BasicSpace]
                .into_iter()
                .map(hard)
                .collect(),
            ..Instance::default()
        };
        let teacher_index: HashMap<Uuid, usize> = plan
            .teachers
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let mut subjects: HashMap<String, usize> = HashMap::new();
        let mut keys = Vec::new();
        let mut classes = HashMap::new();
        let rules = &plan.curriculum.splits;
        for class in plan.classes {
            let Some(grade_plan) = plan.curriculum.plan(class.language) else {
                continue;
            };
            // FET keeps classes inside years: one year a grade, as schools call a parallel.
            let year = match instance
                .students
                .iter()
                .position(|s| s.kind == StudentsKind::Year && s.name == class.grade.to_string())
            {
                Some(year) => year,
                None => {
                    instance.students.push(StudentsSet {
                        name: class.grade.to_string(),
                        kind: StudentsKind::Year,
                        size: 0,
                        parts: Vec::new(),
                    });
                    instance.students.len() - 1
                }
            };
            let set = instance.students.len();
            instance.students[year].parts.push(set);
            instance.students[year].size += class.pupils;
            classes.insert(class.class_id, set);
            instance.students.push(StudentsSet {
                name: class.name.clone(),
                kind: StudentsKind::Group,
                size: class.pupils,
                parts: Vec::new(),
            });
            let subjects_of = grade_plan.subjects(class.grade);
            let groups_of = |subject: &str| {
                rules.groups(
                    subject,
                    class.grade,
                    class.language,
                    class.pupils,
                    plan.split,
                )
            };
            // One set of halves serves every split subject, as schools split a class once.
            let halves = subjects_of
                .iter()
                .map(|s| groups_of(&s.subject))
                .max()
                .unwrap_or(1);
            let mut subgroups = Vec::new();
            if halves > 1 {
                for n in 1..=halves {
                    subgroups.push(instance.students.len());
                    instance.students.push(StudentsSet {
                        name: format!("{} / {n}", class.name),
                        kind: StudentsKind::Subgroup,
                        size: class.pupils / halves,
                        parts: Vec::new(),
                    });
                }
                instance.students[set].parts = subgroups.clone();
            }
            for planned in subjects_of {
                let hours = planned.hours.round().max(0.0) as u32;
                let groups = groups_of(&planned.subject);
                let wanted: Vec<Option<u32>> = if groups > 1 {
                    (1..=groups).map(Some).collect()
                } else {
                    vec![None]
                };
                for subgroup in wanted {
                    let teacher = plan.assignments.iter().find(|a| {
                        a.class_id == class.class_id
                            && a.subject == planned.subject
                            && (a.group == subgroup || a.group.is_none())
                    });
                    let Some(&t) = teacher.and_then(|a| teacher_index.get(&a.teacher_id)) else {
                        // Nobody teaches it: the load lists it among the uncovered hours.
                        continue;
                    };
                    let next = subjects.len();
                    let subject = *subjects.entry(planned.subject.clone()).or_insert(next);
                    let students = subgroup.map_or(set, |g| subgroups[g as usize - 1]);
                    let first = instance.activities.len();
                    for _ in 0..hours {
                        let id = instance.activities.len() as u32 + 1;
                        instance.activities.push(Activity {
                            id,
                            group: (hours > 1).then_some(first as u32 + 1),
                            subject,
                            teachers: vec![t],
                            students: vec![students],
                            duration: 1,
                            total_duration: hours,
                            students_count: None,
                            active: true,
                        });
                        keys.push(LessonKey {
                            class_id: class.class_id,
                            subject: planned.subject.clone(),
                            subgroup,
                            teacher_id: plan.teachers[t].0,
                        });
                    }
                    let parts: Vec<usize> = (first..instance.activities.len()).collect();
                    if parts.len() > 1 {
                        instance.constraints.push(soft(Rule::MinDaysBetween {
                            activities: parts.clone(),
                            days: 1,
                            consecutive_if_same_day: true,
                        }));
                    }
                    if let Some(kind) = week.room_kind(&planned.subject) {
                        let rooms: Vec<usize> = (0..plan.rooms.len())
                            .filter(|&r| plan.rooms[r].kind == kind)
                            .collect();
                        if !rooms.is_empty() {
                            for activity in parts {
                                instance.constraints.push(hard(Rule::PreferredRooms {
                                    activity,
                                    rooms: rooms.clone(),
                                    locked: false,
                                }));
                            }
                        }
                    }
                }
            }
            if let Some(max) = week.max_daily(class.grade) {
                instance.constraints.push(hard(Rule::StudentsMaxHoursDaily {
                    students: Some(set),
                    max,
                }));
                // A short day ends early: a first-former has nothing after the sixth period.
                let late: Vec<Slot> = (0..week.days as usize)
                    .flat_map(|day| {
                        (max as usize + 1..week.bells.len()).map(move |hour| Slot { day, hour })
                    })
                    .collect();
                if !late.is_empty() {
                    instance.constraints.push(hard(Rule::StudentsNotAvailable {
                        students: set,
                        slots: late,
                    }));
                }
            }
        }
        for (t, (teacher, _)) in plan.teachers.iter().enumerate() {
            let slots: Vec<Slot> = plan
                .days_off
                .iter()
                .filter(|d| d.teacher_id == *teacher && (1..=week.days).contains(&d.day))
                .flat_map(|d| (0..week.bells.len()).map(move |hour| slot(d.day, hour as u32 + 1)))
                .collect();
            if !slots.is_empty() {
                instance
                    .constraints
                    .push(hard(Rule::TeacherNotAvailable { teacher: t, slots }));
            }
        }
        let hard_last: Vec<usize> = week
            .hard_subjects
            .subjects
            .iter()
            .filter_map(|s| subjects.get(s).copied())
            .collect();
        if !hard_last.is_empty() {
            instance.constraints.push(Constraint {
                weight: HARD_LAST,
                active: true,
                rule: Rule::SubjectsNotLast {
                    students: None,
                    subjects: hard_last,
                },
            });
        }
        let mut names: Vec<(usize, String)> = subjects.into_iter().map(|(s, i)| (i, s)).collect();
        names.sort();
        instance.subjects = names.into_iter().map(|(_, s)| s).collect();
        Problem {
            instance,
            keys,
            teachers: plan.teachers.iter().map(|(id, _)| *id).collect(),
            rooms: plan.rooms.iter().map(|r| r.id).collect(),
            classes,
        }
    }

    /// Lays the stored lessons over the instance: each fills the next activity that is the same
    /// lesson, in the order of the week.
    pub fn place(&self, stored: &[TimetableLesson]) -> Placed {
        let mut free: HashMap<&LessonKey, Vec<usize>> = HashMap::new();
        for (i, key) in self.keys.iter().enumerate().rev() {
            free.entry(key).or_default().push(i);
        }
        let mut sorted: Vec<&TimetableLesson> = stored.iter().collect();
        sorted.sort_by_key(|l| (l.day, l.period, l.id));
        let mut placed = Placed {
            timetable: Timetable::empty(&self.instance),
            ids: vec![None; self.keys.len()],
            strays: Vec::new(),
        };
        for lesson in sorted {
            let Some(activity) = free.get_mut(&lesson.key()).and_then(Vec::pop) else {
                placed.strays.push(lesson.id);
                continue;
            };
            placed.ids[activity] = Some(lesson.id);
            placed.timetable.placements[activity] = Some(Placement {
                start: slot(lesson.day, lesson.period),
                room: lesson
                    .room_id
                    .and_then(|r| self.rooms.iter().position(|&id| id == r)),
                pinned: lesson.pinned,
            });
        }
        placed
    }

    /// The stored lessons a timetable makes: an activity keeps its stored lesson's id, a new one
    /// gets `new_id()`.
    pub fn lessons(
        &self,
        timetable: &Timetable,
        ids: &[Option<Uuid>],
        year_id: Uuid,
        mut new_id: impl FnMut() -> Uuid,
    ) -> Vec<TimetableLesson> {
        let mut lessons = Vec::new();
        for (i, placement) in timetable.placements.iter().enumerate() {
            let Some(p) = placement else { continue };
            let key = &self.keys[i];
            lessons.push(TimetableLesson {
                id: ids.get(i).copied().flatten().unwrap_or_else(&mut new_id),
                year_id,
                class_id: key.class_id,
                subject: key.subject.clone(),
                subgroup: key.subgroup,
                teacher_id: key.teacher_id,
                day: p.start.day as u32 + 1,
                period: p.start.hour as u32 + 1,
                room_id: p.room.map(|r| self.rooms[r]),
                pinned: p.pinned,
            });
        }
        lessons
    }
}

/// The instance's slot of a stored day and period (both from 1).
pub fn slot(day: u32, period: u32) -> Slot {
    Slot {
        day: day.saturating_sub(1) as usize,
        hour: period.saturating_sub(1) as usize,
    }
}

fn hard(rule: Rule) -> Constraint {
    Constraint {
        weight: HARD,
        active: true,
        rule,
    }
}

fn soft(rule: Rule) -> Constraint {
    Constraint {
        weight: SOFT,
        active: true,
        rule,
    }
}
