//! Reads every school's timetable that Debian's `fet-data` ships: each must either read into a
//! consistent instance or fail with a `FetError`, never panic; the official examples of the
//! countries the benchmark uses must all read. The package is a test dependency on purpose: a
//! missing folder fails the test instead of skipping it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dala_core::fet::{self, FetError, Import};
use dala_core::timetable::{Instance, Rule, StudentsKind};

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
