//! The school's timetable from its classes, curriculum and assignments: the lessons the instance
//! holds are the plan's hours, split classes have subgroups, the generator solves a small school,
//! and stored lessons go back and forth between the store's form and the instance's.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use dala_core::curriculum::{self, SplitOptions};
use dala_core::generator::{self, Options};
use dala_core::load::LoadAssignment;
use dala_core::org::Language;
use dala_core::room::{Room, RoomKind};
use dala_core::school_timetable::{DayOff, Problem, WeekClass, WeekPlan, standard_week};
use dala_core::timetable::{Rule, StudentsKind};
use uuid::Uuid;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// Two classes of grade 7: 7 А has 25 pupils (English and informatics split), 7 Б has 20.
/// Each subject has its own teacher, shared by both classes.
struct School {
    classes: Vec<WeekClass>,
    teachers: Vec<(Uuid, String)>,
    assignments: Vec<LoadAssignment>,
    rooms: Vec<Room>,
    days_off: Vec<DayOff>,
}

fn school() -> School {
    let classes = vec![
        WeekClass {
            class_id: id(1),
            name: "7 А".into(),
            grade: 7,
            language: Language::Kazakh,
            pupils: 25,
        },
        WeekClass {
            class_id: id(2),
            name: "7 Б".into(),
            grade: 7,
            language: Language::Kazakh,
            pupils: 20,
        },
    ];
    let plan = curriculum::standard_plan(Language::Kazakh);
    let mut teachers = Vec::new();
    let mut assignments = Vec::new();
    for (n, subject) in plan.subjects(7).iter().enumerate() {
        let teacher = id(100 + n as u128);
        teachers.push((teacher, format!("Teacher of {}", subject.subject)));
        for class in &classes {
            assignments.push(LoadAssignment {
                teacher_id: teacher,
                class_id: class.class_id,
                subject: subject.subject.clone(),
                group: None,
                hours: None,
            });
        }
    }
    let rooms = vec![Room {
        id: id(500),
        year_id: id(900),
        name: "Информатика кабинеті".into(),
        capacity: 25,
        kind: RoomKind::ComputerLab,
    }];
    School {
        classes,
        teachers,
        assignments,
        rooms,
        days_off: Vec::new(),
    }
}

fn problem(s: &School) -> Problem {
    Problem::build(&WeekPlan {
        classes: &s.classes,
        assignments: &s.assignments,
        teachers: &s.teachers,
        rooms: &s.rooms,
        days_off: &s.days_off,
        curriculum: curriculum::standard(),
        split: SplitOptions::default(),
        week: standard_week(),
    })
}

#[test]
fn the_instance_holds_the_plans_hours_with_subgroups_for_a_split_class() {
    let s = school();
    let p = problem(&s);
    let plan = curriculum::standard_plan(Language::Kazakh);
    let weekly = plan.weekly_hours(7) as usize;
    let split_hours: usize = ["english", "informatics", "art_work"]
        .iter()
        .map(|subject| plan.hours(7, subject).unwrap() as usize)
        .sum();
    // 7 Б (20 pupils) is taught whole; 7 А (25) has English, informatics and art-work once per
    // subgroup.
    let of = |class: Uuid| p.keys.iter().filter(|k| k.class_id == class).count();
    assert_eq!(of(id(2)), weekly);
    assert_eq!(of(id(1)), weekly + split_hours);
    let seven_a = p.classes[&id(1)];
    assert_eq!(p.instance.students[seven_a].parts.len(), 2);
    assert!(
        p.instance.students[seven_a]
            .parts
            .iter()
            .all(|&g| { p.instance.students[g].kind == StudentsKind::Subgroup })
    );
    assert!(
        p.keys
            .iter()
            .any(|k| k.class_id == id(1) && k.subject == "english" && k.subgroup == Some(2))
    );
    // Informatics asks for the computer lab; grade 7 may have at most 7 lessons a day.
    let rooms_asked = p
        .instance
        .constraints
        .iter()
        .filter(|c| matches!(&c.rule, Rule::PreferredRooms { rooms, .. } if rooms == &[0]))
        .count();
    assert_eq!(
        rooms_asked, 3,
        "one informatics lesson of 7 Б and one per subgroup of 7 А"
    );
    assert!(p.instance.constraints.iter().any(|c| matches!(
        c.rule,
        Rule::StudentsMaxHoursDaily { students: Some(s), max: 7 } if s == seven_a
    ) && c.is_hard()));
}

#[test]
fn an_uncovered_subject_is_not_in_the_instance() {
    let mut s = school();
    s.assignments
        .retain(|a| !(a.class_id == id(2) && a.subject == "physics"));
    let p = problem(&s);
    assert!(
        !p.keys
            .iter()
            .any(|k| k.class_id == id(2) && k.subject == "physics")
    );
    assert!(
        p.keys
            .iter()
            .any(|k| k.class_id == id(1) && k.subject == "physics")
    );
}

#[test]
fn a_small_school_is_solved_and_round_trips_through_the_stored_lessons() {
    let s = school();
    let p = problem(&s);
    let stop = AtomicBool::new(false);
    let mut options = Options::new(Duration::from_secs(20), 7, &stop);
    options.max_steps = 2_000_000;
    let outcome = generator::generate(
        &p.instance,
        &generator::Timetable::empty(&p.instance),
        options,
    );
    assert!(
        outcome.hard_violations.is_empty(),
        "{:?}",
        outcome.hard_violations
    );

    let mut n = 10_000u128;
    let year = id(900);
    let lessons = p.lessons(&outcome.timetable, &[], year, || {
        n += 1;
        id(n)
    });
    assert_eq!(lessons.len(), p.keys.len());
    assert!(
        lessons
            .iter()
            .all(|l| (1..=5).contains(&l.day) && (1..=8).contains(&l.period))
    );
    let lab: Vec<_> = lessons
        .iter()
        .filter(|l| l.subject == "informatics")
        .collect();
    assert!(lab.iter().all(|l| l.room_id == Some(id(500))));

    // Back from the store: the same placements, each activity with its stored id.
    let placed = p.place(&lessons);
    assert!(placed.strays.is_empty());
    assert!(placed.ids.iter().all(Option::is_some));
    let again = p.lessons(&placed.timetable, &placed.ids, year, || unreachable!());
    let mut a = lessons.clone();
    let mut b = again;
    a.sort_by_key(|l| l.id);
    b.sort_by_key(|l| l.id);
    assert_eq!(a, b);
    assert!(
        generator::check(&p.instance, &placed.timetable)
            .iter()
            .all(|v| !v.hard)
    );

    // A teacher replaced: that teacher's stored lessons are strays, the new teacher's unplaced.
    let mut changed = school();
    let replaced = changed.teachers[0].0;
    for a in &mut changed.assignments {
        if a.teacher_id == replaced {
            a.teacher_id = id(777);
        }
    }
    changed.teachers.push((id(777), "New teacher".into()));
    let q = problem(&changed);
    let placed = q.place(&lessons);
    let theirs = lessons.iter().filter(|l| l.teacher_id == replaced).count();
    assert!(theirs > 0);
    assert_eq!(placed.strays.len(), theirs);
    assert_eq!(
        placed
            .timetable
            .placements
            .iter()
            .filter(|p| p.is_none())
            .count(),
        theirs
    );
}

#[test]
fn the_standard_week_reads() {
    let week = standard_week();
    assert_eq!(week.days, 5);
    assert_eq!(week.periods(), 8);
    assert_eq!(week.max_daily(1), Some(5));
    assert_eq!(week.max_daily(11), Some(7));
    assert_eq!(week.room_kind("informatics"), Some(RoomKind::ComputerLab));
    assert_eq!(week.room_kind("algebra"), None);
    // The hard subjects are the curriculum's own codes, with their source.
    let hard = &week.hard_subjects;
    assert!(hard.source.contains("ДСМ-76") && hard.source.contains("методист"));
    for code in &hard.subjects {
        let taught = [Language::Kazakh, Language::Russian]
            .iter()
            .any(|&l| (0..=11).any(|g| curriculum::standard_plan(l).hours(g, code).is_some()));
        assert!(taught, "{code} is no subject of the curriculum");
    }
    assert!(hard.subjects.iter().any(|s| s == "mathematics"));
    assert!(!hard.subjects.iter().any(|s| s == "physical_education"));
}

#[test]
fn hard_subjects_are_kept_off_the_last_lesson_by_a_soft_rule() {
    let p = problem(&school());
    let rules: Vec<_> = p
        .instance
        .constraints
        .iter()
        .filter_map(|c| match &c.rule {
            Rule::SubjectsNotLast { students, subjects } => Some((c, students, subjects)),
            _ => None,
        })
        .collect();
    let [(c, students, subjects)] = rules[..] else {
        panic!("one rule: {rules:?}");
    };
    assert!(!c.is_hard() && c.weight > 0.0);
    assert_eq!(*students, None);
    let mut names: Vec<&str> = subjects
        .iter()
        .map(|&s| p.instance.subjects[s].as_str())
        .collect();
    names.sort_unstable();
    // Grade 7 of a Kazakh school: what it is taught of the list.
    assert_eq!(
        names,
        [
            "algebra",
            "chemistry",
            "english",
            "geometry",
            "informatics",
            "kazakh_language",
            "physics",
            "russian_language_literature"
        ]
    );
}

#[test]
fn the_journal_plans_the_weeks_lessons_on_school_days_without_holidays() {
    use chrono::NaiveDate;
    use dala_core::journal_plan::{holidays, planned};
    use dala_core::school_timetable::TimetableLesson;
    use dala_core::year::Term;

    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let lesson = |day, period, subject: &str, subgroup| TimetableLesson {
        id: Uuid::now_v7(),
        year_id: id(900),
        class_id: id(1),
        subject: subject.into(),
        subgroup,
        teacher_id: id(100),
        day,
        period,
        room_id: None,
        pinned: false,
    };
    // Algebra on Monday 1st and Wednesday 3rd; English for both halves at once on Tuesday 2nd.
    let week = [
        lesson(1, 1, "algebra", None),
        lesson(3, 3, "algebra", None),
        lesson(2, 2, "english", Some(1)),
        lesson(2, 2, "english", Some(2)),
    ];
    // 9–18 December 2026: Wednesday 16 December is Independence Day.
    let term = Term {
        id: id(800),
        year_id: id(900),
        number: 2,
        starts: date(11, 3),
        ends: date(12, 18),
    };
    assert!(holidays().contains(date(12, 16)));
    let mut n = 0u128;
    let lessons = planned(&week, &term, date(12, 9), 5, &mut || {
        n += 1;
        id(20_000 + n)
    });
    let got: Vec<(NaiveDate, i64, &str)> = lessons
        .iter()
        .map(|l| (l.date, l.period, l.subject.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (date(12, 9), 3, "algebra"),
            (date(12, 14), 1, "algebra"),
            (date(12, 15), 2, "english"),
        ],
        "the 16th is a holiday, the weekend has no lessons, the halves are one lesson"
    );
    assert!(
        lessons
            .iter()
            .all(|l| l.term_id == term.id && l.teacher_id == Some(id(100)))
    );
}

#[test]
fn a_teachers_day_off_is_kept_free() {
    let mut s = school();
    // The algebra teacher (the fifth subject of grade 7) has Wednesdays off.
    let algebra = s.teachers[4].0;
    s.days_off.push(DayOff {
        id: id(600),
        year_id: id(900),
        teacher_id: algebra,
        day: 3,
    });
    let p = problem(&s);
    let stop = AtomicBool::new(false);
    let mut options = Options::new(Duration::from_secs(20), 7, &stop);
    options.max_steps = 2_000_000;
    let outcome = generator::generate(
        &p.instance,
        &generator::Timetable::empty(&p.instance),
        options,
    );
    assert!(
        outcome.hard_violations.is_empty(),
        "{:?}",
        outcome.hard_violations
    );
    let lessons = p.lessons(&outcome.timetable, &[], id(900), Uuid::now_v7);
    let theirs: Vec<_> = lessons.iter().filter(|l| l.teacher_id == algebra).collect();
    assert!(!theirs.is_empty());
    assert!(theirs.iter().all(|l| l.day != 3), "nothing on the day off");

    // Put there by hand, the check names the rule.
    let mut placed = p.place(&lessons);
    let activity = placed
        .ids
        .iter()
        .position(|i| *i == Some(theirs[0].id))
        .unwrap();
    placed.timetable.placements[activity]
        .as_mut()
        .unwrap()
        .start = dala_core::school_timetable::slot(3, 1);
    let broken = generator::check(&p.instance, &placed.timetable);
    assert!(
        broken
            .iter()
            .any(|v| v.hard && v.code == "timetable.not_available"),
        "{broken:?}"
    );
}
