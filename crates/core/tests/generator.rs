//! The timetable generator and checker: each hard rule found by `check` on a timetable made by
//! hand, pinned lessons kept, a small Kazakh school solved within a second, a run ended by the
//! stop flag, and FET's own examples solved or reported, never a panic. The FET examples are a
//! test dependency (`fet-data`): a missing folder fails the test instead of skipping it.

use std::cell::Cell;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use dala_core::fet;
use dala_core::generator::{
    Kind, Options, Outcome, Placement, Progress, Timetable, Who, check, generate, soft_score,
};
use dala_core::timetable::{
    Activity, Constraint, Instance, Room, Rule, Slot, StudentsKind, StudentsSet,
};

const EXAMPLES: &str = "/usr/share/doc/fet-data/examples/FET-5-official";

fn at(day: usize, hour: usize) -> Slot {
    Slot { day, hour }
}

/// An instance built lesson by lesson.
struct Build(Instance);

impl Build {
    fn new(days: usize, hours: usize) -> Build {
        Build(Instance {
            name: "test".into(),
            days: (1..=days).map(|d| format!("day {d}")).collect(),
            hours: (1..=hours).map(|h| format!("{h}")).collect(),
            ..Instance::default()
        })
    }

    fn teacher(&mut self, name: &str) -> usize {
        self.0.teachers.push(name.into());
        self.0.teachers.len() - 1
    }

    fn set(&mut self, name: &str, kind: StudentsKind, size: u32, parts: &[usize]) -> usize {
        self.0.students.push(StudentsSet {
            name: name.into(),
            kind,
            size,
            parts: parts.to_vec(),
        });
        self.0.students.len() - 1
    }

    /// A class with two halves: (class, [half 1, half 2]).
    fn class(&mut self, name: &str) -> (usize, [usize; 2]) {
        let first = self.0.students.len();
        let a = self.set(&format!("{name}-1"), StudentsKind::Subgroup, 12, &[]);
        let b = self.set(&format!("{name}-2"), StudentsKind::Subgroup, 12, &[]);
        let class = self.set(name, StudentsKind::Group, 24, &[a, b]);
        debug_assert_eq!(class, first + 2);
        (class, [a, b])
    }

    fn room(&mut self, name: &str, capacity: u32) -> usize {
        self.0.rooms.push(Room {
            name: name.into(),
            capacity,
            real_rooms: Vec::new(),
        });
        self.0.rooms.len() - 1
    }

    fn subject(&mut self, name: &str) -> usize {
        match self.0.subjects.iter().position(|s| s == name) {
            Some(s) => s,
            None => {
                self.0.subjects.push(name.into());
                self.0.subjects.len() - 1
            }
        }
    }

    /// One lesson; its index.
    fn lesson(&mut self, subject: &str, teacher: usize, students: usize, duration: u32) -> usize {
        let subject = self.subject(subject);
        let a = self.0.activities.len();
        self.0.activities.push(Activity {
            id: a as u32 + 1,
            group: None,
            subject,
            teachers: vec![teacher],
            students: vec![students],
            duration,
            total_duration: duration,
            students_count: None,
            active: true,
        });
        a
    }

    /// A subject of `periods` single lessons a week on different days (95 %).
    fn weekly(
        &mut self,
        subject: &str,
        teacher: usize,
        students: usize,
        periods: u32,
    ) -> Vec<usize> {
        let parts: Vec<usize> = (0..periods)
            .map(|_| self.lesson(subject, teacher, students, 1))
            .collect();
        if parts.len() > 1 {
            let group = self.0.activities[parts[0]].id;
            for &p in &parts {
                self.0.activities[p].group = Some(group);
                self.0.activities[p].total_duration = periods;
            }
            self.rule(
                95.0,
                Rule::MinDaysBetween {
                    activities: parts.clone(),
                    days: 1,
                    consecutive_if_same_day: true,
                },
            );
        }
        parts
    }

    fn rule(&mut self, weight: f64, rule: Rule) {
        self.0.constraints.push(Constraint {
            weight,
            active: true,
            rule,
        });
    }
}

fn placed(instance: &Instance, at_: &[(usize, Slot, Option<usize>)]) -> Timetable {
    let mut t = Timetable::empty(instance);
    for &(a, start, room) in at_ {
        t.placements[a] = Some(Placement {
            start,
            room,
            pinned: false,
        });
    }
    t
}

/// The hard violations: code and activities.
fn hard(instance: &Instance, timetable: &Timetable) -> Vec<(&'static str, Vec<usize>)> {
    check(instance, timetable)
        .into_iter()
        .filter(|v| v.hard)
        .map(|v| (v.code, v.activities))
        .collect()
}

/// Two teachers, a year of two classes (the first halved), three rooms; 5 days of 4 periods.
struct Small {
    i: Instance,
    t: [usize; 2],
    year: usize,
    a: usize,
    halves: [usize; 2],
    b: usize,
    rooms: [usize; 3],
}

fn small() -> Small {
    let mut s = Build::new(5, 4);
    let t = [s.teacher("Айгүл"), s.teacher("Бауыржан")];
    let (a, halves) = s.class("5А");
    let b = s.set("5Ә", StudentsKind::Group, 25, &[]);
    let year = s.set("5", StudentsKind::Year, 49, &[a, b]);
    let rooms = [s.room("101", 30), s.room("102", 30), s.room("Кабинет", 10)];
    s.rule(100.0, Rule::BasicTime);
    s.rule(100.0, Rule::BasicSpace);
    Small {
        i: s.0,
        t,
        year,
        a,
        halves,
        b,
        rooms,
    }
}

impl Small {
    fn lesson(&mut self, teacher: usize, students: usize, duration: u32) -> usize {
        let mut b = Build(std::mem::take(&mut self.i));
        let a = b.lesson("Математика", self.t[teacher], students, duration);
        self.i = b.0;
        a
    }

    fn rule(&mut self, weight: f64, rule: Rule) {
        self.i.constraints.push(Constraint {
            weight,
            active: true,
            rule,
        });
    }
}

#[test]
fn a_timetable_that_keeps_every_rule_breaks_none() {
    let mut s = small();
    let x = s.lesson(0, s.a, 1);
    let y = s.lesson(1, s.b, 2);
    let z = s.lesson(1, s.halves[0], 1);
    let w = s.lesson(0, s.halves[1], 1);
    // The two halves learn at once with different teachers: no clash.
    let t = placed(
        &s.i,
        &[
            (x, at(0, 0), None),
            (y, at(0, 0), None),
            (z, at(0, 2), None),
            (w, at(0, 2), None),
        ],
    );
    assert_eq!(hard(&s.i, &t), []);
}

#[test]
fn a_teacher_in_two_lessons_at_once() {
    let mut s = small();
    let x = s.lesson(0, s.a, 1);
    let y = s.lesson(0, s.b, 1);
    let t = placed(&s.i, &[(x, at(1, 2), None), (y, at(1, 2), None)]);
    let v = check(&s.i, &t);
    assert_eq!(v[0].code, "timetable.teacher_busy");
    assert_eq!(
        v[0].kind,
        Kind::TeacherBusy {
            teacher: s.t[0],
            slot: at(1, 2)
        }
    );
    assert_eq!(v[0].activities, [x, y]);
    assert!(v[0].hard);
    assert_eq!(hard(&s.i, &t).len(), 1);
}

#[test]
fn a_class_and_its_half_or_a_year_and_its_class_at_once() {
    let mut s = small();
    let class = s.lesson(0, s.a, 1);
    let half = s.lesson(1, s.halves[0], 1);
    let year = s.lesson(0, s.year, 1);
    let other = s.lesson(1, s.b, 1);
    let busy = |t: &Timetable| -> Vec<_> {
        hard(&s.i, t)
            .into_iter()
            .filter(|v| v.0 != "timetable.unplaced")
            .collect()
    };
    let clashes = |t: &Timetable| -> Vec<_> {
        check(&s.i, t)
            .into_iter()
            .filter(|v| v.code == "timetable.students_busy")
            .collect()
    };
    let t = placed(&s.i, &[(class, at(0, 0), None), (half, at(0, 0), None)]);
    let v = clashes(&t);
    assert_eq!(busy(&t), [("timetable.students_busy", vec![class, half])]);
    // Named by the smallest set that holds everyone concerned: the half.
    assert_eq!(
        v[0].kind,
        Kind::StudentsBusy {
            students: s.halves[0],
            slot: at(0, 0)
        }
    );
    let t = placed(&s.i, &[(year, at(2, 1), None), (other, at(2, 1), None)]);
    let v = clashes(&t);
    assert_eq!(busy(&t), [("timetable.students_busy", vec![year, other])]);
    assert_eq!(
        v[0].kind,
        Kind::StudentsBusy {
            students: s.b,
            slot: at(2, 1)
        }
    );
}

#[test]
fn a_room_holding_two_lessons() {
    let mut s = small();
    let x = s.lesson(0, s.a, 1);
    let y = s.lesson(1, s.b, 1);
    let room = s.rooms[0];
    let t = placed(
        &s.i,
        &[(x, at(3, 3), Some(room)), (y, at(3, 3), Some(room))],
    );
    assert_eq!(hard(&s.i, &t), [("timetable.room_busy", vec![x, y])]);
    let t = placed(
        &s.i,
        &[(x, at(3, 3), Some(room)), (y, at(3, 3), Some(s.rooms[1]))],
    );
    assert_eq!(hard(&s.i, &t), []);
}

#[test]
fn teachers_students_and_rooms_not_available() {
    let mut s = small();
    let x = s.lesson(0, s.b, 1);
    let y = s.lesson(1, s.halves[1], 2);
    let (teacher, half, room) = (s.t[0], s.halves[1], s.rooms[0]);
    s.rule(
        100.0,
        Rule::TeacherNotAvailable {
            teacher,
            slots: vec![at(4, 0)],
        },
    );
    // Not available for the whole class means for each half too.
    s.rule(
        100.0,
        Rule::StudentsNotAvailable {
            students: s.a,
            slots: vec![at(2, 3)],
        },
    );
    s.rule(
        100.0,
        Rule::RoomNotAvailable {
            room,
            slots: vec![at(2, 2)],
        },
    );
    let t = placed(&s.i, &[(x, at(4, 0), None), (y, at(2, 2), Some(room))]);
    let v = check(&s.i, &t);
    let kinds: Vec<_> = v
        .iter()
        .filter(|v| v.hard)
        .map(|v| (v.kind, v.activities.clone()))
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(kinds.contains(&(
        Kind::NotAvailable {
            who: Who::Teacher(teacher),
            slot: at(4, 0)
        },
        vec![x]
    )));
    assert!(kinds.contains(&(
        Kind::NotAvailable {
            who: Who::Students(half),
            slot: at(2, 3)
        },
        vec![y]
    )));
    assert!(kinds.contains(&(
        Kind::NotAvailable {
            who: Who::Room(room),
            slot: at(2, 2)
        },
        vec![y]
    )));
    assert!(
        v.iter()
            .filter(|v| v.hard)
            .all(|v| v.code == "timetable.not_available")
    );
}

#[test]
fn a_lesson_over_a_break() {
    let mut s = small();
    let x = s.lesson(0, s.a, 2);
    s.rule(
        100.0,
        Rule::Break {
            slots: vec![at(0, 2)],
        },
    );
    let t = placed(&s.i, &[(x, at(0, 1), None)]);
    assert_eq!(hard(&s.i, &t), [("timetable.break", vec![x])]);
    let t = placed(&s.i, &[(x, at(0, 0), None)]);
    assert_eq!(hard(&s.i, &t), []);
}

#[test]
fn too_many_hours_in_a_day() {
    let mut s = small();
    let lessons: Vec<usize> = (0..3).map(|_| s.lesson(0, s.b, 1)).collect();
    let teacher = s.t[0];
    s.rule(
        100.0,
        Rule::TeacherMaxHoursDaily {
            teacher: Some(teacher),
            max: 2,
        },
    );
    let t = placed(
        &s.i,
        &[
            (lessons[0], at(1, 0), None),
            (lessons[1], at(1, 1), None),
            (lessons[2], at(1, 2), None),
        ],
    );
    let v = check(&s.i, &t);
    assert_eq!(
        hard(&s.i, &t),
        [("timetable.max_hours_daily", lessons.clone())]
    );
    assert_eq!(
        v[0].kind,
        Kind::MaxHoursDaily {
            who: Who::Teacher(teacher),
            day: 1,
            hours: 3,
            max: 2
        }
    );
    assert_eq!(v[0].amount, 1);
}

#[test]
fn too_many_gaps_but_a_break_is_no_gap() {
    let mut s = small();
    let x = s.lesson(0, s.b, 1);
    let y = s.lesson(1, s.b, 1);
    s.rule(
        100.0,
        Rule::StudentsMaxGapsPerWeek {
            students: None,
            max: 0,
        },
    );
    let t = placed(&s.i, &[(x, at(0, 0), None), (y, at(0, 2), None)]);
    let v = check(&s.i, &t);
    assert_eq!(hard(&s.i, &t), [("timetable.max_gaps", vec![x, y])]);
    assert_eq!(
        v[0].kind,
        Kind::MaxGapsPerWeek {
            who: Who::Students(s.b),
            gaps: 1,
            max: 0
        }
    );
    s.rule(
        100.0,
        Rule::Break {
            slots: vec![at(0, 1)],
        },
    );
    assert_eq!(hard(&s.i, &t), []);
    let mut s = small();
    let x = s.lesson(0, s.b, 1);
    let y = s.lesson(0, s.a, 1);
    s.rule(
        100.0,
        Rule::TeacherMaxGapsPerDay {
            teacher: None,
            max: 1,
        },
    );
    let t = placed(&s.i, &[(x, at(2, 0), None), (y, at(2, 3), None)]);
    assert_eq!(hard(&s.i, &t), [("timetable.max_gaps", vec![x, y])]);
}

#[test]
fn parts_of_a_split_lesson_on_one_day() {
    let mut s = small();
    let x = s.lesson(0, s.a, 1);
    let y = s.lesson(0, s.a, 1);
    let z = s.lesson(0, s.a, 1);
    let rule = Rule::MinDaysBetween {
        activities: vec![x, y, z],
        days: 2,
        consecutive_if_same_day: false,
    };
    s.rule(100.0, rule.clone());
    let t = placed(
        &s.i,
        &[
            (x, at(0, 0), None),
            (y, at(1, 0), None),
            (z, at(2, 0), None),
        ],
    );
    let v = check(&s.i, &t);
    // Monday–Tuesday and Tuesday–Wednesday are too close; Monday–Wednesday is not.
    assert_eq!(hard(&s.i, &t), [("timetable.min_days", vec![x, y, z])]);
    assert_eq!((v[0].kind, v[0].amount), (Kind::MinDays { min: 2 }, 2));
    // The same rule at 95 % costs instead.
    s.i.constraints.last_mut().expect("the rule").weight = 95.0;
    let v = check(&s.i, &t);
    assert_eq!(hard(&s.i, &t), []);
    let min_days = v
        .iter()
        .find(|v| v.code == "timetable.min_days")
        .expect("soft");
    assert_eq!((min_days.hard, min_days.cost), (false, 2.0 * 9.5));
}

#[test]
fn outside_the_day_unplaced_pinned_moved() {
    let mut s = small();
    let double = s.lesson(0, s.a, 2);
    let lost = s.lesson(1, s.b, 1);
    let pinned = s.lesson(1, s.a, 1);
    s.rule(
        100.0,
        Rule::PreferredStartingTime {
            activity: pinned,
            slot: at(4, 3),
            locked: true,
        },
    );
    let t = placed(&s.i, &[(double, at(0, 3), None), (pinned, at(4, 2), None)]);
    let mut found = hard(&s.i, &t);
    found.sort();
    assert_eq!(
        found,
        [
            ("timetable.outside_day", vec![double]),
            ("timetable.pinned_moved", vec![pinned]),
            ("timetable.unplaced", vec![lost]),
        ]
    );
    // A start that is no period at all is outside the day too, not a panic.
    let t = placed(
        &s.i,
        &[
            (double, at(9, 0), None),
            (lost, at(0, 7), Some(99)),
            (pinned, at(4, 3), None),
        ],
    );
    let mut found = hard(&s.i, &t);
    found.sort();
    assert_eq!(
        found,
        [
            ("timetable.outside_day", vec![double]),
            ("timetable.outside_day", vec![lost])
        ]
    );
}

#[test]
fn a_room_not_asked_for_or_too_small() {
    let mut s = small();
    let x = s.lesson(0, s.a, 1);
    let rooms = vec![s.rooms[0], s.rooms[2]];
    s.rule(
        100.0,
        Rule::PreferredRooms {
            activity: x,
            rooms,
            locked: false,
        },
    );
    let t = placed(&s.i, &[(x, at(0, 0), Some(s.rooms[1]))]);
    assert_eq!(hard(&s.i, &t), [("timetable.preferred_room", vec![x])]);
    let t = placed(&s.i, &[(x, at(0, 0), Some(s.rooms[2]))]);
    let v = check(&s.i, &t);
    assert_eq!(hard(&s.i, &t), [("timetable.room_capacity", vec![x])]);
    assert_eq!(
        v[0].kind,
        Kind::RoomCapacity {
            room: s.rooms[2],
            students: 24,
            capacity: 10
        }
    );
    let t = placed(&s.i, &[(x, at(0, 0), None)]);
    assert_eq!(hard(&s.i, &t), [("timetable.preferred_room", vec![x])]);
}

#[test]
fn soft_rules_cost_and_the_codes_serialise() {
    let mut s = small();
    let x = s.lesson(0, s.b, 1);
    let y = s.lesson(0, s.b, 1);
    let teacher = s.t[0];
    s.rule(
        50.0,
        Rule::TeacherNotAvailable {
            teacher,
            slots: vec![at(0, 0)],
        },
    );
    let t = placed(&s.i, &[(x, at(0, 0), None), (y, at(0, 3), None)]);
    let v = check(&s.i, &t);
    assert!(v.iter().all(|v| !v.hard));
    let codes: Vec<_> = v.iter().map(|v| (v.code, v.cost)).collect();
    // Unavailable at 50 %: 5 points; two gaps of the class, 1 each; two of the teacher, ¼ each.
    assert!(
        codes.contains(&("timetable.not_available", 5.0)),
        "{codes:?}"
    );
    assert!(codes.contains(&("timetable.gaps", 2.0)), "{codes:?}");
    assert!(codes.contains(&("timetable.gaps", 0.5)), "{codes:?}");
    assert_eq!(soft_score(&v), 7.5);
    let json = serde_json::to_value(&v[0]).expect("serialises");
    assert!(
        json["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("timetable."))
    );
    assert_eq!(json["hard"], false);
}

#[test]
fn a_hard_subject_ending_a_class_day() {
    let s = small();
    let mut b = Build(s.i);
    let math = b.lesson("mathematics", s.t[0], s.b, 1);
    let pe = b.lesson("physical_education", s.t[1], s.b, 1);
    let whole = b.lesson("mathematics", s.t[0], s.a, 1);
    let half = b.lesson("informatics", s.t[1], s.halves[0], 1);
    let other = b.lesson("physical_education", s.t[1], s.halves[1], 1);
    let subjects = vec![b.subject("mathematics"), b.subject("informatics")];
    b.rule(
        10.0,
        Rule::SubjectsNotLast {
            students: None,
            subjects,
        },
    );
    let i = b.0;
    let hard_last = |t: &Timetable| -> Vec<(Kind, Vec<usize>, u32, f64)> {
        check(&i, t)
            .into_iter()
            .filter(|v| v.code == "timetable.hard_last")
            .map(|v| (v.kind, v.activities, v.amount, v.cost))
            .collect()
    };

    // 5Ә's Monday ends with mathematics: one violation, naming that lesson.
    let t = placed(&i, &[(pe, at(0, 0), None), (math, at(0, 1), None)]);
    let v = hard_last(&t);
    assert_eq!(
        v,
        [(
            Kind::HardLast {
                who: Who::Students(s.b),
                slot: at(0, 1)
            },
            vec![math],
            1,
            1.0
        )]
    );
    // Mathematics first, physical education last: nothing to say.
    let t = placed(&i, &[(math, at(0, 0), None), (pe, at(0, 1), None)]);
    assert_eq!(hard_last(&t), []);

    // A whole-class lesson that ends both halves' day is one violation naming the class, counted
    // for each half; a half's own informatics last names that half alone.
    let t = placed(
        &i,
        &[
            (whole, at(1, 2), None),
            (other, at(2, 2), None),
            (half, at(2, 3), None),
        ],
    );
    let v = hard_last(&t);
    assert_eq!(
        v,
        [
            (
                Kind::HardLast {
                    who: Who::Students(s.a),
                    slot: at(1, 2)
                },
                vec![whole],
                2,
                2.0
            ),
            (
                Kind::HardLast {
                    who: Who::Students(s.halves[0]),
                    slot: at(2, 3)
                },
                vec![half],
                1,
                1.0
            )
        ]
    );
    let all = check(&i, &t);
    let first = all.iter().find(|v| v.code == "timetable.hard_last");
    let json = serde_json::to_value(first).expect("serialises");
    assert_eq!(json["kind"], "hard_last");
    assert_eq!(json["hard"], false);
}

/// The generator keeps hard subjects off the end of the day when nothing else is lost: the same
/// school and seed leave fewer of them with the rule than without, and the search's running
/// figures for the rule equal the check's.
#[test]
fn the_generator_keeps_hard_subjects_off_the_last_lesson() {
    let mut school = kazakh_school();
    let subjects: Vec<usize> = [
        "Математика",
        "Қазақ тілі",
        "Орыс тілі",
        "Ағылшын тілі",
        "Информатика",
    ]
    .iter()
    .map(|n| {
        school
            .subjects
            .iter()
            .position(|s| s == n)
            .expect("a subject")
    })
    .collect();
    school.constraints.push(Constraint {
        weight: 10.0,
        active: true,
        rule: Rule::SubjectsNotLast {
            students: None,
            subjects,
        },
    });
    let mut without = school.clone();
    without.constraints.last_mut().expect("the rule").active = false;
    let count = |t: &Timetable| -> u32 {
        check(&school, t)
            .iter()
            .filter(|v| v.code == "timetable.hard_last")
            .map(|v| v.amount)
            .sum()
    };
    let empty = Timetable::empty(&school);
    let with_rule = run(&school, &empty, Duration::from_secs(10), 7, 60_000);
    let without_rule = run(&without, &empty, Duration::from_secs(10), 7, 60_000);
    assert_eq!(with_rule.hard_violations, []);
    assert_eq!(without_rule.hard_violations, []);
    let (with_rule, without_rule) = (count(&with_rule.timetable), count(&without_rule.timetable));
    assert!(
        with_rule < without_rule,
        "with the rule {with_rule}, without {without_rule}"
    );
}

/// A Kazakh school: classes 5А, 5Ә and 6А, each halved for English and informatics, six
/// teachers, 5 days of 7 periods; no gaps for pupils, at most 6 lessons a day, a teacher's
/// free Friday, split subjects on different days.
fn kazakh_school() -> Instance {
    let mut s = Build::new(5, 7);
    s.0.days = ["Дүйсенбі", "Сейсенбі", "Сәрсенбі", "Бейсенбі", "Жұма"]
        .map(String::from)
        .to_vec();
    let aigul = s.teacher("Айгүл");
    let bauyrzhan = s.teacher("Бауыржан");
    let dinara = s.teacher("Динара");
    let erlan = s.teacher("Ерлан");
    let zhanar = s.teacher("Жанар");
    let qanat = s.teacher("Қанат");
    let lab = s.room("Информатика кабинеті", 15);
    let gym = s.room("Спорт зал", 60);
    let (five_a, five_a_halves) = s.class("5А");
    let (five_b, five_b_halves) = s.class("5Ә");
    let (six_a, six_a_halves) = s.class("6А");
    let five = s.set("5", StudentsKind::Year, 48, &[five_a, five_b]);
    let _six = s.set("6", StudentsKind::Year, 24, &[six_a]);
    s.rule(100.0, Rule::BasicTime);
    s.rule(100.0, Rule::BasicSpace);
    for (class, halves) in [
        (five_a, five_a_halves),
        (five_b, five_b_halves),
        (six_a, six_a_halves),
    ] {
        s.weekly("Қазақ тілі", aigul, class, 4);
        s.weekly("Қазақ әдебиеті", aigul, class, 2);
        s.weekly("Математика", bauyrzhan, class, 5);
        s.weekly("Орыс тілі", zhanar, class, 3);
        s.weekly("Қазақстан тарихы", zhanar, class, 1);
        s.weekly("Жаратылыстану", qanat, class, 2);
        s.weekly("География", qanat, class, 1);
        s.weekly("Музыка", qanat, class, 1);
        for pe in s.weekly("Дене шынықтыру", erlan, class, 2) {
            s.rule(
                100.0,
                Rule::PreferredRooms {
                    activity: pe,
                    rooms: vec![gym],
                    locked: false,
                },
            );
        }
        for half in halves {
            s.weekly("Ағылшын тілі", dinara, half, 2);
            for lesson in s.weekly("Информатика", erlan, half, 2) {
                s.rule(
                    100.0,
                    Rule::PreferredRooms {
                        activity: lesson,
                        rooms: vec![lab],
                        locked: false,
                    },
                );
            }
        }
    }
    s.rule(
        100.0,
        Rule::StudentsMaxGapsPerWeek {
            students: None,
            max: 0,
        },
    );
    s.rule(
        100.0,
        Rule::StudentsMaxHoursDaily {
            students: Some(five),
            max: 6,
        },
    );
    s.rule(
        100.0,
        Rule::TeacherMaxGapsPerDay {
            teacher: None,
            max: 3,
        },
    );
    s.rule(
        100.0,
        Rule::TeacherNotAvailable {
            teacher: zhanar,
            slots: (0..7).map(|h| at(4, h)).collect(),
        },
    );
    s.0
}

/// Runs the generator and holds what it reports to what `check` says of its timetable.
fn run(
    instance: &Instance,
    start: &Timetable,
    time: Duration,
    seed: u64,
    max_steps: u64,
) -> Outcome {
    let stop = AtomicBool::new(false);
    let last: Cell<Option<Progress>> = Cell::new(None);
    let record = |p: Progress| last.set(Some(p));
    let mut options = Options::new(time, seed, &stop);
    options.progress = &record;
    options.max_steps = max_steps;
    let out = generate(instance, start, options);
    let again = check(instance, &out.timetable);
    let hard: Vec<_> = again.iter().filter(|v| v.hard).cloned().collect();
    assert_eq!(out.hard_violations, hard);
    assert_eq!(out.soft_score, soft_score(&again));
    // The search's own running figures equal a fresh check's.
    let last = last.get().expect("progress is reported at the end");
    let amount: u32 = hard.iter().map(|v| v.amount).sum();
    if out.stats.unplaceable == 0 {
        assert_eq!(last.hard, amount, "{}", instance.name);
        assert!(
            (last.soft - out.soft_score).abs() < 1e-6,
            "{} {} {}",
            instance.name,
            last.soft,
            out.soft_score
        );
    }
    // Every active lesson placed but those that fit nowhere; no inactive one.
    let mut unplaced = 0;
    for (a, p) in instance.activities.iter().zip(&out.timetable.placements) {
        if a.active {
            unplaced += usize::from(p.is_none());
        } else {
            assert!(p.is_none(), "{}", instance.name);
        }
    }
    assert!(unplaced <= out.stats.unplaceable, "{}", instance.name);
    out
}

#[test]
fn a_small_kazakh_school_is_solved_within_a_second() {
    let school = kazakh_school();
    let began = Instant::now();
    let out = run(
        &school,
        &Timetable::empty(&school),
        Duration::from_secs(1),
        7,
        u64::MAX,
    );
    assert_eq!(out.hard_violations, [], "{:#?}", out.hard_violations);
    let solved = out.stats.solved_after.expect("solved");
    assert!(solved < Duration::from_secs(1), "{solved:?}");
    assert!(began.elapsed() < Duration::from_secs(3));
    // The halves' informatics is in the lab, PE in the gym.
    for (a, p) in school.activities.iter().zip(&out.timetable.placements) {
        let p = p.expect("placed");
        let subject = &school.subjects[a.subject];
        if subject == "Информатика" {
            assert_eq!(p.room, Some(0));
        }
        if subject == "Дене шынықтыру" {
            assert_eq!(p.room, Some(1));
        }
    }
}

#[test]
fn pinned_lessons_keep_their_slot() {
    let mut school = kazakh_school();
    // By hand: the first maths lesson of 5А last on Friday; by the instance: a Kazakh lesson
    // first on Wednesday.
    let maths = school
        .activities
        .iter()
        .position(|a| school.subjects[a.subject] == "Математика")
        .expect("maths");
    let kazakh = 0;
    school.constraints.push(Constraint {
        weight: 100.0,
        active: true,
        rule: Rule::PreferredStartingTime {
            activity: kazakh,
            slot: at(2, 0),
            locked: true,
        },
    });
    let mut start = Timetable::empty(&school);
    start.placements[maths] = Some(Placement {
        start: at(4, 5),
        room: None,
        pinned: true,
    });
    for seed in [1, 2] {
        let out = run(&school, &start, Duration::from_secs(1), seed, u64::MAX);
        let p = out.timetable.placements[maths].expect("placed");
        assert_eq!((p.start, p.pinned), (at(4, 5), true));
        let p = out.timetable.placements[kazakh].expect("placed");
        assert_eq!((p.start, p.pinned), (at(2, 0), true));
    }
}

#[test]
fn a_broken_timetable_is_repaired() {
    let school = kazakh_school();
    // Everything on Monday morning: clashes everywhere.
    let start = placed(
        &school,
        &(0..school.activities.len())
            .map(|a| (a, at(0, 0), None))
            .collect::<Vec<_>>(),
    );
    assert!(hard(&school, &start).len() > 5);
    let out = run(&school, &start, Duration::from_secs(2), 3, u64::MAX);
    assert_eq!(out.hard_violations, []);
}

#[test]
fn the_same_seed_makes_the_same_timetable() {
    let school = kazakh_school();
    let empty = Timetable::empty(&school);
    let one = run(&school, &empty, Duration::from_secs(60), 11, 3000);
    let two = run(&school, &empty, Duration::from_secs(60), 11, 3000);
    assert_eq!(one.timetable, two.timetable);
    assert_eq!(one.stats.steps, 3000);
}

#[test]
fn the_stop_flag_ends_a_run_with_the_best_so_far() {
    let school = kazakh_school();
    let stop = AtomicBool::new(false);
    // Asked to stop at the first report, after the construction.
    let asked = |_: Progress| stop.store(true, Ordering::Relaxed);
    let mut options = Options::new(Duration::from_secs(60), 5, &stop);
    options.progress = &asked;
    let began = Instant::now();
    let out = generate(&school, &Timetable::empty(&school), options);
    assert!(
        began.elapsed() < Duration::from_secs(10),
        "{:?}",
        began.elapsed()
    );
    assert!(out.stats.stopped);
    assert!(out.timetable.placements.iter().all(Option::is_some));
    assert_eq!(
        out.hard_violations,
        check(&school, &out.timetable)
            .into_iter()
            .filter(|v| v.hard)
            .collect::<Vec<_>>()
    );
}

/// FET's examples, smaller ones first: solved (those FET solves at once), or reported with the
/// hard violations left.
#[test]
fn fet_examples_are_solved_or_reported() {
    assert!(
        Path::new(EXAMPLES).is_dir(),
        "{EXAMPLES} is missing: the FET examples are a test dependency, run `apt-get install fet-data`"
    );
    let cases = [
        ("Denmark/small-school.fet", true),
        ("Brazil/2/EEBLJ-Noturno.fet", true),
        ("Brazil/3/ACHILES-MANHA.fet", true),
        ("United-Kingdom/Hopwood/Hopwood.fet", true),
        (
            "India/Chennai/Anna-University/timetable_July_Nov_09_9.fet",
            true,
        ),
        ("Greece/Vartholomio/2008-2009.fet", false),
        ("Greece/Little-Music-School/MSA.fet", false),
    ];
    for (file, must_solve) in cases {
        let path = Path::new(EXAMPLES).join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let instance = fet::read(&text)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .instance;
        let out = run(
            &instance,
            &Timetable::empty(&instance),
            Duration::from_secs(2),
            1,
            u64::MAX,
        );
        println!(
            "{file}: {} hard violations left, soft {:.1}, {} steps",
            out.hard_violations.len(),
            out.soft_score,
            out.stats.steps
        );
        if must_solve {
            assert_eq!(out.hard_violations, [], "{file}");
        }
        // Locked lessons stay where the file locks them.
        for c in instance
            .constraints
            .iter()
            .filter(|c| c.active && c.is_hard())
        {
            if let Rule::PreferredStartingTime {
                activity,
                slot,
                locked: true,
            } = c.rule
                && instance.activities[activity].active
            {
                let p = out.timetable.placements[activity].expect("placed");
                assert_eq!(p.start, slot, "{file}: activity {activity}");
            }
        }
    }
}

#[test]
fn odd_instances_give_a_result_not_a_panic() {
    // Nothing at all.
    let empty = Instance::default();
    let out = run(
        &empty,
        &Timetable::empty(&empty),
        Duration::from_millis(50),
        1,
        u64::MAX,
    );
    assert_eq!(out.hard_violations, []);
    // A week with no periods, and a lesson longer than any day.
    for (days, hours) in [(0, 0), (5, 0), (2, 3)] {
        let mut s = Build::new(days, hours);
        let t = s.teacher("Айгүл");
        let c = s.set("5А", StudentsKind::Group, 25, &[]);
        let long = s.lesson("Математика", t, c, 4);
        let fine = s.lesson("Математика", t, c, 1);
        let instance = s.0;
        let out = run(
            &instance,
            &Timetable::empty(&instance),
            Duration::from_millis(50),
            1,
            u64::MAX,
        );
        assert!(out.stats.unplaceable >= 1);
        assert!(
            out.hard_violations
                .iter()
                .any(|v| v.code == "timetable.unplaced" && v.activities == [long])
        );
        assert_eq!(out.timetable.placements[fine].is_some(), hours > 0);
    }
    // A lesson pinned by hand outside the day stays where it is, and is named.
    let mut s = Build::new(5, 4);
    let t = s.teacher("Айгүл");
    let c = s.set("5А", StudentsKind::Group, 25, &[]);
    let double = s.lesson("Математика", t, c, 2);
    let instance = s.0;
    let mut start = Timetable::empty(&instance);
    start.placements[double] = Some(Placement {
        start: at(0, 3),
        room: None,
        pinned: true,
    });
    let out = generate(
        &instance,
        &start,
        Options::new(Duration::from_millis(50), 1, &AtomicBool::new(false)),
    );
    assert_eq!(out.timetable.placements[double], start.placements[double]);
    assert_eq!(out.hard_violations[0].code, "timetable.outside_day");
}
