//! Reads every school's timetable that Debian's `fet-data` ships: each must either read into a
//! consistent instance or fail with a `FetError`, never panic; the official examples of the
//! countries the benchmark uses must all read. The package is a test dependency on purpose: a
//! missing folder fails the test instead of skipping it. Then writes: every instance read, and
//! one built by hand with every rule, reads back the same, and a timetable written with it comes
//! back as locks on each placed lesson. Whether FET itself accepts the file is the benchmark's
//! business (it runs `fet-cl` on what `fet::write` writes), so these tests need no FET installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use dala_core::fet::{self, FetError, Import};
use dala_core::generator::{self, Options, Placement, Timetable};
use dala_core::timetable::{
    Activity, Constraint, Instance, Room, Rule, Slot, StudentsKind, StudentsSet,
};

const EXAMPLES: &str = "/usr/share/doc/fet-data/examples";

/// The countries whose `FET-5-official` examples the generator benchmark runs.
const BENCHMARK_COUNTRIES: [&str; 7] = [
    "Brazil",
    "Bulgaria",
    "Denmark",
    "Germany",
    "Greece",
    "India",
    "United-Kingdom",
];

enum Outcome {
    Read(Box<Import>),
    Failed(FetError),
    Panicked(String),
}

fn examples() -> &'static [(PathBuf, Outcome)] {
    static RESULTS: OnceLock<Vec<(PathBuf, Outcome)>> = OnceLock::new();
    RESULTS.get_or_init(|| {
        let root = Path::new(EXAMPLES);
        assert!(
            root.is_dir(),
            "{EXAMPLES} is missing: the FET examples are a test dependency, \
             run `apt-get install fet-data`"
        );
        let mut files = Vec::new();
        walk(root, &mut files);
        files.sort();
        assert!(
            files.len() >= 200,
            "only {} .fet files under {EXAMPLES}",
            files.len()
        );
        files
            .into_iter()
            .map(|path| {
                let text = text_of(&path);
                let outcome = match std::panic::catch_unwind(|| fet::read(&text)) {
                    Ok(Ok(import)) => Outcome::Read(Box::new(import)),
                    Ok(Err(e)) => Outcome::Failed(e),
                    Err(panic) => Outcome::Panicked(
                        panic
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default(),
                    ),
                };
                (path, outcome)
            })
            .collect()
    })
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.to_string_lossy();
        if path.is_dir() {
            walk(&path, files);
        } else if name.ends_with(".fet") || name.ends_with(".fet.gz") {
            files.push(path);
        }
    }
}

/// The file's text; Debian may compress large examples, and `gzip` is on every Debian machine.
fn text_of(path: &Path) -> String {
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let out = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .expect("gzip runs");
        assert!(out.status.success(), "gunzip {}", path.display());
        out.stdout
    } else {
        std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    String::from_utf8_lossy(&bytes).into_owned()
}

fn short(path: &Path) -> String {
    path.strip_prefix(EXAMPLES)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Every index points into its list, kinds nest as years → groups → subgroups, and the parts of
/// each split activity add up to its total duration.
fn check_references(i: &Instance) -> Result<(), String> {
    let (days, hours) = (i.days.len(), i.hours.len());
    let in_range = |what: &str, ix: usize, len: usize| {
        (ix < len)
            .then_some(())
            .ok_or(format!("{what} {ix} of {len}"))
    };
    let slots_in_range = |slots: &[dala_core::timetable::Slot]| {
        slots.iter().try_for_each(|s| {
            in_range("day", s.day, days)?;
            in_range("hour", s.hour, hours)
        })
    };
    for set in &i.students {
        for &p in &set.parts {
            in_range("students set", p, i.students.len())?;
            let expected = match set.kind {
                StudentsKind::Year => StudentsKind::Group,
                StudentsKind::Group => StudentsKind::Subgroup,
                StudentsKind::Subgroup => return Err(format!("subgroup {} has parts", set.name)),
            };
            if i.students[p].kind != expected {
                return Err(format!("{} holds {}", set.name, i.students[p].name));
            }
        }
    }
    for room in &i.rooms {
        for &r in room.real_rooms.iter().flatten() {
            in_range("room", r, i.rooms.len())?;
        }
    }
    let mut groups: BTreeMap<u32, u32> = BTreeMap::new();
    for a in &i.activities {
        in_range("subject", a.subject, i.subjects.len())?;
        for &t in &a.teachers {
            in_range("teacher", t, i.teachers.len())?;
        }
        for &s in &a.students {
            in_range("students set", s, i.students.len())?;
        }
        if a.duration == 0 || a.duration > a.total_duration {
            return Err(format!("activity {} lasts {}", a.id, a.duration));
        }
        if let Some(g) = a.group {
            *groups.entry(g).or_default() += a.duration;
        }
    }
    for (g, sum) in groups {
        let first = i.activities.iter().find(|a| a.id == g);
        match first {
            Some(a) if a.group == Some(g) && a.total_duration == sum => {}
            _ => return Err(format!("split activity {g}: parts last {sum}")),
        }
    }
    for c in &i.constraints {
        if !(0.0..=100.0).contains(&c.weight) {
            return Err(format!("weight {}", c.weight));
        }
        match &c.rule {
            Rule::BasicTime | Rule::BasicSpace => {}
            Rule::TeacherNotAvailable { teacher, slots } => {
                in_range("teacher", *teacher, i.teachers.len())?;
                slots_in_range(slots)?;
            }
            Rule::StudentsNotAvailable { students, slots } => {
                in_range("students set", *students, i.students.len())?;
                slots_in_range(slots)?;
            }
            Rule::Break { slots } => slots_in_range(slots)?,
            Rule::TeacherMaxGapsPerWeek { teacher, .. }
            | Rule::TeacherMaxGapsPerDay { teacher, .. }
            | Rule::TeacherMaxHoursDaily { teacher, .. } => {
                if let Some(t) = teacher {
                    in_range("teacher", *t, i.teachers.len())?;
                }
            }
            Rule::StudentsMaxGapsPerWeek { students, .. }
            | Rule::StudentsMaxGapsPerDay { students, .. }
            | Rule::StudentsMaxHoursDaily { students, .. } => {
                if let Some(s) = students {
                    in_range("students set", *s, i.students.len())?;
                }
            }
            Rule::MinDaysBetween { activities, .. } => {
                for &a in activities {
                    in_range("activity", a, i.activities.len())?;
                }
            }
            Rule::PreferredStartingTime { activity, slot, .. } => {
                in_range("activity", *activity, i.activities.len())?;
                slots_in_range(std::slice::from_ref(slot))?;
            }
            Rule::PreferredRooms {
                activity, rooms, ..
            } => {
                in_range("activity", *activity, i.activities.len())?;
                for &r in rooms {
                    in_range("room", r, i.rooms.len())?;
                }
            }
            Rule::RoomNotAvailable { room, slots } => {
                in_range("room", *room, i.rooms.len())?;
                slots_in_range(slots)?;
            }
            Rule::SubjectsNotLast { students, subjects } => {
                if let Some(s) = students {
                    in_range("students set", *s, i.students.len())?;
                }
                for &s in subjects {
                    in_range("subject", s, i.subjects.len())?;
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_debian_example_reads_or_fails_with_a_code() {
    let results = examples();
    let mut problems = Vec::new();
    let mut failures: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut unsupported: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut read = 0;
    for (path, outcome) in results {
        match outcome {
            Outcome::Read(import) => {
                read += 1;
                let i = &import.instance;
                if i.activities.is_empty() {
                    problems.push(format!("{}: no activities", short(path)));
                }
                if let Err(e) = check_references(i) {
                    problems.push(format!("{}: {e}", short(path)));
                }
                for u in &import.unsupported {
                    let seen = unsupported.entry(&u.element).or_default();
                    seen.0 += 1;
                    seen.1 += u.count;
                }
            }
            Outcome::Failed(e) => failures
                .entry(e.code())
                .or_default()
                .push(format!("{}: {e}", short(path))),
            Outcome::Panicked(message) => {
                problems.push(format!("{}: panicked: {message}", short(path)))
            }
        }
    }
    println!("{read} of {} FET examples read", results.len());
    for (code, files) in &failures {
        println!("{code}: {} files", files.len());
        for f in files {
            println!("  {f}");
        }
    }
    let mut by_frequency: Vec<_> = unsupported.into_iter().collect();
    by_frequency.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("unsupported constraints: in how many files, how many in all");
    for (element, (files, count)) in by_frequency {
        println!("  {element}: {files} files, {count}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_official_examples_of_the_benchmark_countries_all_read() {
    let mut seen = BTreeMap::new();
    let mut failed = Vec::new();
    for (path, outcome) in examples() {
        let Ok(rest) = path.strip_prefix(Path::new(EXAMPLES).join("FET-5-official")) else {
            continue;
        };
        let Some(country) = rest.iter().next().and_then(|c| c.to_str()) else {
            continue;
        };
        if !BENCHMARK_COUNTRIES.contains(&country) {
            continue;
        }
        *seen.entry(country).or_insert(0) += 1;
        match outcome {
            Outcome::Read(import) if !import.instance.activities.is_empty() => {}
            Outcome::Read(_) => failed.push(format!("{}: no activities", short(path))),
            Outcome::Failed(e) => failed.push(format!("{}: {} {e}", short(path), e.code())),
            Outcome::Panicked(m) => failed.push(format!("{}: panicked: {m}", short(path))),
        }
    }
    println!("benchmark examples per country: {seen:?}");
    assert_eq!(
        seen.len(),
        BENCHMARK_COUNTRIES.len(),
        "countries found: {seen:?}"
    );
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// What `fet::write` wrote, read back; it must read and hold nothing the reader leaves out.
fn write_and_read(i: &Instance, timetable: Option<&Timetable>) -> Instance {
    let text = fet::write(i, timetable);
    let import = fet::read(&text).unwrap_or_else(|e| panic!("the written file reads: {e}"));
    assert!(import.unsupported.is_empty(), "{:?}", import.unsupported);
    import.instance
}

#[test]
fn every_example_read_writes_back_to_the_same_instance() {
    let mut written = 0;
    let mut different = Vec::new();
    for (path, outcome) in examples() {
        let Outcome::Read(import) = outcome else {
            continue;
        };
        written += 1;
        let back = write_and_read(&import.instance, None);
        if back != import.instance {
            different.push(short(path));
        }
    }
    println!("{written} examples written and read back");
    assert!(written >= 200, "only {written} examples read");
    assert!(different.is_empty(), "{}", different.join("\n"));
}

#[test]
fn the_sample_school_writes_back_to_the_same_instance() {
    let sample = include_str!("fet/school.fet");
    let import = fet::read(sample).expect("the sample reads");
    // The sample holds rules Dala does not; the file written holds only what was read.
    assert!(!import.unsupported.is_empty());
    assert_eq!(write_and_read(&import.instance, None), import.instance);
}

fn at(day: usize, hour: usize) -> Slot {
    Slot { day, hour }
}

fn rule(weight: f64, active: bool, rule: Rule) -> Constraint {
    Constraint {
        weight,
        active,
        rule,
    }
}

/// Every list, every kind of rule, and names XML must escape. The students sets are in the order
/// FET's tree gives them (a year, then its groups, each with its subgroups), and the time rules
/// come before the space ones, as in a file.
fn hand_built() -> Instance {
    let set = |name: &str, kind, size, parts: &[usize]| StudentsSet {
        name: name.into(),
        kind,
        size,
        parts: parts.to_vec(),
    };
    let room = |name: &str, capacity, real_rooms: Vec<Vec<usize>>| Room {
        name: name.into(),
        capacity,
        real_rooms,
    };
    let activity =
        |id, group, subject, teachers: &[usize], students: &[usize], duration| Activity {
            id,
            group,
            subject,
            teachers: teachers.to_vec(),
            students: students.to_vec(),
            duration,
            total_duration: duration,
            students_count: None,
            active: true,
        };
    use StudentsKind::*;
    let mut activities = vec![
        Activity {
            total_duration: 3,
            ..activity(1, Some(1), 0, &[0], &[1], 1)
        },
        Activity {
            total_duration: 3,
            ..activity(2, Some(1), 0, &[0], &[1], 2)
        },
        Activity {
            students_count: Some(13),
            ..activity(3, None, 1, &[1], &[2], 1)
        },
        activity(4, None, 2, &[0, 2], &[2, 3], 2),
        Activity {
            active: false,
            ..activity(10, None, 3, &[], &[5], 1)
        },
        activity(11, None, 3, &[1], &[0, 6], 1),
    ];
    activities[5].subject = 3;
    Instance {
        name: "№7 \"Зерде\" <лицей> & мектеп".into(),
        days: ["Дүйсенбі", "Сейсенбі", "Сәрсенбі"]
            .map(String::from)
            .to_vec(),
        hours: ["08.00-08.45", "08.55-09.40", "09.50-10.35", "10.55-11.40"]
            .map(String::from)
            .to_vec(),
        subjects: [
            "Математика",
            "Art & Design",
            "Informatics <1>",
            " Музыка\tжәне\r\nән ",
        ]
        .map(String::from)
        .to_vec(),
        teachers: ["Айгүл", "Бауыржан", "O'Brien \"Jr\""]
            .map(String::from)
            .to_vec(),
        rooms: vec![
            room("101", 30, vec![]),
            room("Спортзал", 0, vec![]),
            room("КК-1", 13, vec![]),
            room("КК-2", 12, vec![]),
            room("Информатика", 25, vec![vec![2], vec![3]]),
        ],
        students: vec![
            set("5", Year, 50, &[1, 4, 5]),
            set("5А", Group, 25, &[2, 3]),
            set("5А-1", Subgroup, 13, &[]),
            set("5А-2", Subgroup, 12, &[]),
            set("5Ә", Group, 25, &[]),
            // The choir is in both years.
            set("Хор", Group, 20, &[]),
            set("6", Year, 24, &[7, 5]),
            set("6А", Group, 24, &[]),
        ],
        activities,
        constraints: vec![
            rule(100.0, true, Rule::BasicTime),
            rule(
                100.0,
                true,
                Rule::Break {
                    slots: vec![at(2, 3)],
                },
            ),
            rule(
                100.0,
                true,
                Rule::TeacherNotAvailable {
                    teacher: 0,
                    slots: vec![at(0, 0), at(0, 1)],
                },
            ),
            rule(
                100.0,
                true,
                Rule::StudentsNotAvailable {
                    students: 7,
                    slots: vec![at(1, 3)],
                },
            ),
            rule(
                100.0,
                true,
                Rule::TeacherMaxGapsPerWeek {
                    teacher: Some(1),
                    max: 3,
                },
            ),
            rule(
                100.0,
                true,
                Rule::TeacherMaxGapsPerWeek {
                    teacher: None,
                    max: 5,
                },
            ),
            rule(
                100.0,
                true,
                Rule::TeacherMaxGapsPerDay {
                    teacher: Some(2),
                    max: 1,
                },
            ),
            rule(
                100.0,
                true,
                Rule::TeacherMaxGapsPerDay {
                    teacher: None,
                    max: 2,
                },
            ),
            rule(
                100.0,
                true,
                Rule::StudentsMaxGapsPerWeek {
                    students: Some(1),
                    max: 0,
                },
            ),
            rule(
                100.0,
                true,
                Rule::StudentsMaxGapsPerWeek {
                    students: None,
                    max: 1,
                },
            ),
            rule(
                100.0,
                true,
                Rule::StudentsMaxGapsPerDay {
                    students: Some(4),
                    max: 0,
                },
            ),
            rule(
                100.0,
                true,
                Rule::StudentsMaxGapsPerDay {
                    students: None,
                    max: 0,
                },
            ),
            rule(
                100.0,
                true,
                Rule::TeacherMaxHoursDaily {
                    teacher: Some(0),
                    max: 4,
                },
            ),
            rule(
                100.0,
                false,
                Rule::TeacherMaxHoursDaily {
                    teacher: None,
                    max: 6,
                },
            ),
            rule(
                100.0,
                true,
                Rule::StudentsMaxHoursDaily {
                    students: Some(0),
                    max: 5,
                },
            ),
            rule(
                90.5,
                true,
                Rule::StudentsMaxHoursDaily {
                    students: None,
                    max: 6,
                },
            ),
            rule(
                95.0,
                true,
                Rule::MinDaysBetween {
                    activities: vec![0, 1],
                    days: 1,
                    consecutive_if_same_day: true,
                },
            ),
            rule(
                100.0,
                true,
                Rule::PreferredStartingTime {
                    activity: 2,
                    slot: at(1, 0),
                    locked: true,
                },
            ),
            rule(
                80.0,
                true,
                Rule::PreferredStartingTime {
                    activity: 3,
                    slot: at(0, 2),
                    locked: false,
                },
            ),
            rule(100.0, true, Rule::BasicSpace),
            rule(
                100.0,
                true,
                Rule::PreferredRooms {
                    activity: 3,
                    rooms: vec![4],
                    locked: true,
                },
            ),
            rule(
                97.5,
                true,
                Rule::PreferredRooms {
                    activity: 5,
                    rooms: vec![0, 1],
                    locked: false,
                },
            ),
            rule(
                100.0,
                false,
                Rule::PreferredRooms {
                    activity: 0,
                    rooms: vec![0],
                    locked: false,
                },
            ),
            rule(
                100.0,
                true,
                Rule::PreferredRooms {
                    activity: 1,
                    rooms: vec![0],
                    locked: false,
                },
            ),
            rule(
                100.0,
                true,
                Rule::RoomNotAvailable {
                    room: 1,
                    slots: vec![at(2, 0)],
                },
            ),
        ],
    }
}

#[test]
fn a_hand_built_instance_writes_back_to_the_same_instance() {
    let i = hand_built();
    let text = fet::write(&i, None);
    for escaped in [
        "Art &amp; Design",
        "&lt;лицей&gt;",
        "&quot;Зерде&quot;",
        "&#13;",
    ] {
        assert!(text.contains(escaped), "{escaped}");
    }
    assert_eq!(write_and_read(&i, None), i);
}

#[test]
fn an_instance_without_the_basic_rules_gets_them() {
    let mut i = hand_built();
    i.constraints
        .retain(|c| !matches!(c.rule, Rule::BasicTime | Rule::BasicSpace));
    let back = write_and_read(&i, None);
    let space = i
        .constraints
        .iter()
        .position(|c| matches!(c.rule, Rule::PreferredRooms { .. }))
        .expect("a space rule");
    let mut expected = i.constraints.clone();
    expected.insert(space, rule(100.0, true, Rule::BasicSpace));
    expected.insert(0, rule(100.0, true, Rule::BasicTime));
    assert_eq!(back.constraints, expected);
}

#[test]
fn a_timetable_comes_back_as_a_lock_on_each_placed_lesson() {
    let i = hand_built();
    let place = |day, hour, room| {
        Some(Placement {
            start: at(day, hour),
            room,
            pinned: false,
        })
    };
    let timetable = Timetable {
        placements: vec![
            // The instance asks for this room in a rule that is not active: locked.
            place(0, 2, Some(0)),
            // Pinned or not, a placement is locked. The instance asks for this room at 100 %,
            // not permanently: FET would drop a lock in the same room as a duplicate of that.
            Some(Placement {
                pinned: true,
                ..place(2, 0, Some(0)).expect("a placement")
            }),
            // The instance locks it at this time already.
            place(1, 0, Some(2)),
            // The instance wants it elsewhere at 80 %, and locks it in this room already.
            place(1, 1, Some(4)),
            // Inactive: FET does not place it.
            place(0, 0, Some(1)),
            // No period of the week: left for FET to place.
            place(3, 0, Some(1)),
        ],
    };
    let back = write_and_read(&i, Some(&timetable));
    let space = i
        .constraints
        .iter()
        .position(|c| c.rule == Rule::BasicSpace)
        .expect("the basic space rule");
    let lock = |rule| Constraint {
        weight: 100.0,
        active: true,
        rule,
    };
    let time_lock = |activity, slot| {
        lock(Rule::PreferredStartingTime {
            activity,
            slot,
            locked: true,
        })
    };
    let room_lock = |activity, room| {
        lock(Rule::PreferredRooms {
            activity,
            rooms: vec![room],
            locked: true,
        })
    };
    let mut expected = i.constraints[..space].to_vec();
    expected.extend([
        time_lock(0, at(0, 2)),
        time_lock(1, at(2, 0)),
        time_lock(3, at(1, 1)),
    ]);
    expected.extend_from_slice(&i.constraints[space..]);
    expected.extend([room_lock(0, 0), room_lock(2, 2)]);
    assert_eq!(back.constraints, expected);
    assert_eq!(
        Instance {
            constraints: i.constraints.clone(),
            ..back
        },
        i
    );
}

/// A timetable Dala made, locked in the file: the locks agree with it, so checking it against
/// the instance read back finds what checking it against the instance found, and no more.
#[test]
fn a_generated_timetable_keeps_to_its_own_locks() {
    let i = fet::read(include_str!("fet/school.fet"))
        .expect("the sample reads")
        .instance;
    let stop = AtomicBool::new(false);
    let options = Options {
        max_steps: 20_000,
        ..Options::new(Duration::from_secs(10), 7, &stop)
    };
    let made = generator::generate(&i, &Timetable::empty(&i), options).timetable;
    let placed = made.placements.iter().flatten().count();
    assert!(placed > 0, "the generator placed nothing");
    let back = write_and_read(&i, Some(&made));
    let locks = back
        .constraints
        .iter()
        .filter(|c| matches!(c.rule, Rule::PreferredStartingTime { locked: true, .. }))
        .count();
    assert!(locks >= placed, "{locks} locks for {placed} lessons placed");
    let codes = |instance: &Instance| {
        let mut codes: Vec<_> = generator::check(instance, &made)
            .iter()
            .map(|v| (v.code, v.hard))
            .collect();
        codes.sort_unstable();
        codes
    };
    assert_eq!(codes(&back), codes(&i));
}
