//! Dala's timetable generator beside FET's, in one run, on the same instances: generated
//! Kazakh schools of 10, 25 and 45 classes and the official FET examples of seven countries.
//! FET gets each instance as Dala reads it (written back to a `.fet` file by `fet::write`), so
//! both solve the same problem; the constraints Dala does not read are counted in the
//! table. Both timetables are scored by Dala's `check`, so "hard" and "soft" mean the same for
//! both: a FET timetable that stopped unfinished counts its unplaced lessons as hard breaches.
//!
//! `cargo bench -p dala-core --bench timetable`. Environment:
//! - `DALA_BENCH_SECONDS` — the budget per instance and solver (default 10);
//! - `DALA_BENCH_ALL=1` — every example under the seven countries, not one or two each;
//! - `DALA_BENCH_ORIGINAL=1` — FET reads the original example files, with all their
//!   constraints, instead of what Dala read of them;
//! - `DALA_BENCH_ONLY=text` — only the instances whose name contains `text` (case matters): the
//!   names are `Kazakh school, 10 classes` and the examples' paths (`Denmark/small-school.fet`),
//!   so `.fet` keeps the examples only;
//! - `DALA_BENCH_KEEP=1` — keep the files written for FET and FET's output.
//!
//! Needs `fet-cl` (`apt-get install fet`) and the examples (`apt-get install fet-data`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use dala_core::fet;
use dala_core::generator::{self, Options, Placement, Timetable};
use dala_core::timetable::{
    Activity, Constraint, Instance, Room, Rule, Slot, StudentsKind, StudentsSet,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const EXAMPLES: &str = "/usr/share/doc/fet-data/examples/FET-5-official";

/// One or two examples a country, the ones its schools look like; `DALA_BENCH_ALL` runs all.
const DEFAULT_EXAMPLES: &[&str] = &[
    "Brazil/1/Brazil.fet",
    "Bulgaria/Lom_high_school_2007-2008.fet",
    "Denmark/small-school.fet",
    "Germany/DGS-Pro/dgspro200809.fet",
    "Germany/secondary-school-1/constraints-min-days-100-few-0/German-100_and_0.fet",
    "Greece/Gymnasio/Gymnasio.fet",
    "Greece/Vartholomio/2008-2009.fet",
    "India/St-Marys-College/St-Marys-College-Puthanagadi.fet",
    "India/Chennai/Anna-University/timetable_July_Nov_09_9.fet",
    "United-Kingdom/Hopwood/Hopwood.fet",
];

const COUNTRIES: &[&str] = &[
    "Brazil",
    "Bulgaria",
    "Denmark",
    "Germany",
    "Greece",
    "India",
    "United-Kingdom",
];

struct Case {
    name: String,
    instance: Instance,
    /// Active constraints of the source that Dala does not read.
    dropped: usize,
    /// The file FET reads when told to read the originals.
    original: Option<PathBuf>,
}

struct Result {
    solved: bool,
    hard: usize,
    soft: f64,
    /// Until the first timetable with no hard breach; for FET, until it exited.
    time: Duration,
    note: String,
}

fn main() {
    let seconds: u64 = env("DALA_BENCH_SECONDS").map_or(10, |s| {
        s.parse()
            .expect("DALA_BENCH_SECONDS is a whole number of seconds")
    });
    let all = env("DALA_BENCH_ALL").is_some_and(|v| v == "1");
    let original = env("DALA_BENCH_ORIGINAL").is_some_and(|v| v == "1");
    let only = env("DALA_BENCH_ONLY");
    assert!(
        Path::new(EXAMPLES).is_dir(),
        "{EXAMPLES} is missing: run `apt-get install fet-data`"
    );
    let fet_cl = Command::new("fet-cl").arg("--version").output();
    assert!(
        fet_cl.is_ok_and(|o| o.status.success()),
        "fet-cl does not run: run `apt-get install fet`"
    );
    let work = std::env::temp_dir().join(format!("dala-bench-timetable-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("a temporary folder");

    let mut cases: Vec<Case> = [10, 25, 45]
        .into_iter()
        .map(|classes| Case {
            name: format!("Kazakh school, {classes} classes"),
            instance: school(classes, 2026),
            dropped: 0,
            original: None,
        })
        .collect();
    let files: Vec<PathBuf> = if all {
        let mut files = Vec::new();
        for c in COUNTRIES {
            walk(&Path::new(EXAMPLES).join(c), &mut files);
        }
        files.sort();
        files
    } else {
        DEFAULT_EXAMPLES
            .iter()
            .map(|f| Path::new(EXAMPLES).join(f))
            .collect()
    };
    for path in files {
        let text = std::fs::read_to_string(&path).expect("the example reads");
        let name = path
            .strip_prefix(EXAMPLES)
            .unwrap_or(&path)
            .display()
            .to_string();
        match fet::read(&text) {
            Ok(import) => cases.push(Case {
                name,
                dropped: import.unsupported.iter().map(|u| u.active).sum(),
                instance: import.instance,
                original: Some(path),
            }),
            Err(e) => println!("{name}: not read ({e})"),
        }
    }
    if let Some(only) = &only {
        cases.retain(|c| c.name.contains(only.as_str()));
    }

    machine();
    println!(
        "Budget {seconds} s per instance and solver; FET reads {}.\n",
        if original {
            "the original files"
        } else {
            "what Dala read"
        }
    );
    let mut table = String::new();
    table.push_str("| instance | lessons | not read | Dala | hard | soft | time | FET | hard | soft | time |\n");
    table.push_str("|---|---:|---:|---|---:|---:|---:|---|---:|---:|---:|\n");
    for (n, case) in cases.iter().enumerate() {
        let dala = run_dala(&case.instance, seconds);
        let file = match (&case.original, original) {
            (Some(path), true) => path.clone(),
            _ => {
                let file = work.join(format!("case{n}.fet"));
                std::fs::write(&file, fet::write(&case.instance, None))
                    .expect("the .fet file is written");
                file
            }
        };
        let fet = run_fet(
            &case.instance,
            &file,
            &work.join(format!("out{n}")),
            seconds,
        );
        let lessons = case.instance.activities.iter().filter(|a| a.active).count();
        let row = format!(
            "| {} | {lessons} | {} | {} | {} | {:.1} | {} | {} | {} | {:.1} | {} |\n",
            case.name,
            case.dropped,
            verdict(&dala),
            dala.hard,
            dala.soft,
            time(&dala),
            verdict(&fet),
            fet.hard,
            fet.soft,
            time(&fet),
        );
        print!("{row}");
        for note in [&dala.note, &fet.note] {
            if !note.is_empty() {
                println!("    {note}");
            }
        }
        table.push_str(&row);
    }
    println!("\n{table}");
    if env("DALA_BENCH_KEEP").is_some() {
        println!("FET's files are kept in {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
}

/// What the figures depend on, printed first so a table is never read without it: the cores,
/// the processor, and the load when the run began (other work on the machine slows both).
fn machine() {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown", |(_, m)| m.trim());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let fet = Command::new("fet-cl")
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .to_string()
        })
        .unwrap_or_default();
    println!("nproc: {cores}");
    println!("CPU: {model}");
    println!("load average at start (1, 5, 15 min): {}", load.join(" "));
    println!("fet-cl: {fet}");
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn verdict(r: &Result) -> &'static str {
    if r.solved { "solved" } else { "not solved" }
}

fn time(r: &Result) -> String {
    if r.solved {
        format!("{:.2} s", r.time.as_secs_f64())
    } else {
        "—".into()
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "fet") {
            files.push(path);
        }
    }
}

fn run_dala(instance: &Instance, seconds: u64) -> Result {
    let stop = AtomicBool::new(false);
    let options = Options::new(Duration::from_secs(seconds), 1, &stop);
    let out = generator::generate(instance, &Timetable::empty(instance), options);
    let hard = out.hard_violations.len();
    Result {
        solved: hard == 0,
        hard,
        soft: out.soft_score,
        time: out.stats.solved_after.unwrap_or(out.stats.elapsed),
        note: String::new(),
    }
}

fn run_fet(instance: &Instance, file: &Path, out: &Path, seconds: u64) -> Result {
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).expect("FET's output folder");
    let began = Instant::now();
    let mut command = Command::new("fet-cl");
    command
        .arg(format!("--inputfile={}", file.display()))
        .arg(format!("--outputdir={}", out.display()))
        .arg(format!("--timelimitseconds={seconds}"))
        .arg("--htmllevel=0");
    for (n, seed) in ["10", "11", "12", "20", "21", "22"].iter().enumerate() {
        command.arg(format!("--randomseeds{seed}={}", n + 1));
    }
    // Only what the score needs: the XML timetables, not the HTML ones.
    for flag in [
        "writetimetableconflicts",
        "writetimetablesstatistics",
        "writetimetablesdayshorizontal",
        "writetimetablesdaysvertical",
        "writetimetablestimehorizontal",
        "writetimetablestimevertical",
        "warnifusingnotperfectconstraints",
        "warnsubgroupswiththesameactivities",
        "warnifusingmaxhoursdailywithlessthan100percentweight",
    ] {
        command.arg(format!("--{flag}=false"));
    }
    let run = run_with_limit(&mut command, Duration::from_secs(seconds));
    let time = began.elapsed();
    let failed = |note: String| Result {
        solved: false,
        hard: instance.activities.iter().filter(|a| a.active).count(),
        soft: 0.0,
        time,
        note,
    };
    let overran = match run {
        Ok(exited) => !exited,
        Err(e) => return failed(format!("FET: fet-cl did not run: {e}")),
    };
    let log = std::fs::read_to_string(out.join("logs/result.txt")).unwrap_or_default();
    let finished = log.contains("Simulation successful");
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = if finished {
        stem.clone()
    } else {
        format!("{stem}-highest")
    };
    let xml = out
        .join("timetables")
        .join(&folder)
        .join(format!("{stem}_activities.xml"));
    let Ok(text) = std::fs::read_to_string(&xml) else {
        let last = log.lines().last().unwrap_or_default().to_string();
        let why = if overran {
            "stopped from outside"
        } else {
            last.as_str()
        };
        return failed(format!("FET: no timetable ({why})"));
    };
    let timetable = read_fet_timetable(instance, &text);
    let violations = generator::check(instance, &timetable);
    let hard: Vec<_> = violations.iter().filter(|v| v.hard).collect();
    let mut note = String::new();
    if overran {
        note = "FET: stopped from outside, it ran past its time limit".into();
    }
    if !hard.is_empty() {
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for v in &hard {
            *codes.entry(v.code).or_default() += 1;
        }
        let said = if finished {
            "says solved"
        } else {
            "stopped unfinished"
        };
        note = format!("FET {said}, Dala's check finds {codes:?}");
    }
    Result {
        solved: hard.is_empty(),
        hard: hard.len(),
        soft: generator::soft_score(&violations),
        time,
        note,
    }
}

/// Runs `fet-cl`, which does not always keep its own time limit (it was seen running for
/// minutes past it): 3 s past the limit it gets SIGTERM, on which it writes the timetable it has
/// and exits; 10 s past the limit it is killed, whatever it is doing, so that no instance takes
/// more than its budget and a few seconds. `true` when it exited by itself.
fn run_with_limit(command: &mut Command, limit: Duration) -> std::io::Result<bool> {
    let mut child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let began = Instant::now();
    let (term, kill) = (
        limit + Duration::from_secs(3),
        limit + Duration::from_secs(10),
    );
    let mut termed = false;
    loop {
        if child.try_wait()?.is_some() {
            return Ok(!termed);
        }
        let gone = began.elapsed();
        if !termed && gone > term {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status();
            termed = true;
        } else if gone > kill {
            child.kill()?;
            child.wait()?;
            return Ok(false);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// FET's `<Activities_Timetable>`: each activity's id, day, hour and room by name.
fn read_fet_timetable(instance: &Instance, text: &str) -> Timetable {
    let index = |names: Vec<&str>| -> HashMap<String, usize> {
        names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i))
            .collect()
    };
    let days = index(instance.days.iter().map(String::as_str).collect());
    let hours = index(instance.hours.iter().map(String::as_str).collect());
    let rooms = index(instance.rooms.iter().map(|r| r.name.as_str()).collect());
    let ids: HashMap<u32, usize> = instance
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut timetable = Timetable::empty(instance);
    for chunk in text.split("<Activity>").skip(1) {
        let field = |name: &str| -> Option<String> {
            let open = format!("<{name}>");
            let close = format!("</{name}>");
            let from = chunk.find(&open)? + open.len();
            let to = chunk[from..].find(&close)? + from;
            Some(unescape(&chunk[from..to]))
        };
        let Some(i) = field("Id")
            .and_then(|id| id.trim().parse().ok())
            .and_then(|id: u32| ids.get(&id).copied())
        else {
            continue;
        };
        let (Some(day), Some(hour)) = (
            field("Day").and_then(|d| days.get(&d).copied()),
            field("Hour").and_then(|h| hours.get(&h).copied()),
        ) else {
            continue;
        };
        timetable.placements[i] = Some(Placement {
            start: Slot { day, hour },
            room: field("Room").and_then(|r| rooms.get(&r).copied()),
            pinned: false,
        });
    }
    timetable
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// How a subject is taught: to the whole class, or to each half on its own, in single
/// periods or one double.
#[derive(Clone, Copy, PartialEq)]
enum Split {
    Whole,
    Halves,
    HalvesDouble,
}

/// A week of one grade: subject, periods, how it is taught. Figures after the standard plans
/// of a Kazakh-language school (primary 25–28, basic 29–32, upper 34 periods).
fn curriculum(grade: u32) -> Vec<(&'static str, u32, Split)> {
    use Split::*;
    match grade {
        1..=4 => {
            let mut plan = vec![
                ("Қазақ тілі", 5, Whole),
                ("Әдебиеттік оқу", 3, Whole),
                ("Математика", 5, Whole),
                ("Жаратылыстану", 2, Whole),
                ("Дүниетану", 1, Whole),
                ("Өзін-өзі тану", 1, Whole),
                ("Көркем еңбек", 2, Whole),
                ("Музыка", 1, Whole),
                ("Дене шынықтыру", 3, Whole),
                ("Ағылшын тілі", 2, Halves),
            ];
            if grade > 1 {
                plan.push(("Орыс тілі", 2, Whole));
                plan.push(("Цифрлық сауаттылық", 1, Halves));
            }
            plan
        }
        5 | 6 => vec![
            ("Қазақ тілі", 3, Whole),
            ("Қазақ әдебиеті", 2, Whole),
            ("Орыс тілі мен әдебиеті", 3, Whole),
            ("Ағылшын тілі", 3, Halves),
            ("Математика", 5, Whole),
            ("Информатика", 1, Halves),
            ("Жаратылыстану", 2, Whole),
            ("Қазақстан тарихы", 1, Whole),
            ("Дүниежүзі тарихы", 1, Whole),
            ("География", 1, Whole),
            ("Көркем еңбек", 2, HalvesDouble),
            ("Музыка", 1, Whole),
            ("Дене шынықтыру", 3, Whole),
            ("Өзін-өзі тану", 1, Whole),
        ],
        7..=9 => {
            let mut plan = vec![
                ("Қазақ тілі", 2, Whole),
                ("Қазақ әдебиеті", 2, Whole),
                ("Орыс тілі мен әдебиеті", 2, Whole),
                ("Ағылшын тілі", 3, Halves),
                ("Алгебра", 3, Whole),
                ("Геометрия", 2, Whole),
                ("Информатика", 1, Halves),
                ("Физика", 2, Whole),
                ("Химия", 2, Whole),
                ("Биология", 2, Whole),
                ("География", 2, Whole),
                ("Қазақстан тарихы", 2, Whole),
                ("Дүниежүзі тарихы", 1, Whole),
                ("Дене шынықтыру", 3, Whole),
                ("Өзін-өзі тану", 1, Whole),
            ];
            if grade == 9 {
                plan.push(("Құқық негіздері", 1, Whole));
            } else {
                plan.push(("Көркем еңбек", 2, HalvesDouble));
            }
            plan
        }
        _ => vec![
            ("Қазақ тілі", 1, Whole),
            ("Қазақ әдебиеті", 3, Whole),
            ("Орыс тілі мен әдебиеті", 2, Whole),
            ("Ағылшын тілі", 3, Halves),
            ("Алгебра", 3, Whole),
            ("Геометрия", 2, Whole),
            ("Информатика", 2, Halves),
            ("Физика", 3, Whole),
            ("Химия", 2, Whole),
            ("Биология", 2, Whole),
            ("География", 2, Whole),
            ("Қазақстан тарихы", 2, Whole),
            ("Дүниежүзі тарихы", 2, Whole),
            ("Құқық негіздері", 1, Whole),
            ("Дене шынықтыру", 2, Whole),
            ("Алғашқы әскери дайындық", 1, Whole),
            ("Жаһандық құзыреттер", 1, Whole),
        ],
    }
}

/// Who teaches a subject: a primary class's own teacher, or a subject teacher.
fn specialty(subject: &str, grade: u32) -> &'static str {
    match subject {
        "Қазақ тілі"
        | "Әдебиеттік оқу"
        | "Математика"
        | "Жаратылыстану"
        | "Дүниетану"
        | "Өзін-өзі тану"
            if grade <= 4 =>
        {
            "Бастауыш сынып"
        }
        "Қазақ тілі" | "Қазақ әдебиеті" => "Қазақ тілі",
        "Орыс тілі" | "Орыс тілі мен әдебиеті" => "Орыс тілі",
        "Ағылшын тілі" => "Ағылшын тілі",
        "Математика" | "Алгебра" | "Геометрия" => "Математика",
        "Информатика" | "Цифрлық сауаттылық" => "Информатика",
        "Физика" => "Физика",
        "Химия" | "Биология" | "Жаратылыстану" => "Химия-биология",
        "География" => "География",
        "Дене шынықтыру" | "Алғашқы әскери дайындық" => {
            "Дене шынықтыру"
        }
        "Көркем еңбек" | "Музыка" => "Көркем еңбек",
        _ => "Тарих",
    }
}

/// A Kazakh school of `classes` classes over grades 1–11, 5 days of 7 periods: classes
/// halved for English, informatics and crafts, subject teachers with 18–24 periods, labs and
/// gyms, no gaps for pupils, a free day for some teachers, split subjects on different days.
fn school(classes: usize, seed: u64) -> Instance {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut i = Instance {
        name: format!("№{seed} жалпы білім беретін мектеп"),
        days: ["Дүйсенбі", "Сейсенбі", "Сәрсенбі", "Бейсенбі", "Жұма"]
            .map(String::from)
            .to_vec(),
        hours: [
            "08.00-08.45",
            "08.55-09.40",
            "09.50-10.35",
            "10.55-11.40",
            "11.50-12.35",
            "12.45-13.30",
            "13.40-14.25",
        ]
        .map(String::from)
        .to_vec(),
        ..Instance::default()
    };
    const LETTERS: [&str; 8] = ["А", "Ә", "Б", "В", "Г", "Д", "Е", "Ж"];
    // Classes per grade: as even as the number allows, the lower grades first.
    let grades: Vec<(u32, usize)> = (1..=11u32)
        .map(|g| {
            (
                g,
                classes / 11 + usize::from((g as usize - 1) < classes % 11),
            )
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    // (group, subgroups, grade) per class.
    let mut class_sets = Vec::new();
    for &(grade, n) in &grades {
        let year = i.students.len();
        i.students.push(StudentsSet {
            name: format!("{grade} сынып"),
            kind: StudentsKind::Year,
            size: 0,
            parts: Vec::new(),
        });
        for letter in LETTERS.iter().take(n) {
            let size = rng.gen_range(22..=28);
            let group = i.students.len();
            i.students.push(StudentsSet {
                name: format!("{grade}{letter}"),
                kind: StudentsKind::Group,
                size,
                parts: vec![group + 1, group + 2],
            });
            for half in 1..=2 {
                i.students.push(StudentsSet {
                    name: format!("{grade}{letter}-{half}"),
                    kind: StudentsKind::Subgroup,
                    size: size / 2 + (size % 2) * (2 - half),
                    parts: Vec::new(),
                });
            }
            i.students[year].parts.push(group);
            i.students[year].size += size;
            class_sets.push((group, [group + 1, group + 2], grade));
        }
    }
    // Every class's lessons, as items one teacher takes whole: (specialty, subject, students,
    // periods, double).
    let mut items: Vec<(&str, &str, usize, u32, bool)> = Vec::new();
    let mut halves: Vec<(&str, &str, usize, u32, bool)> = Vec::new();
    for &(group, subgroups, grade) in &class_sets {
        for (subject, hours, split) in curriculum(grade) {
            let who = specialty(subject, grade);
            match split {
                Split::Whole => items.push((who, subject, group, hours, false)),
                Split::Halves | Split::HalvesDouble => {
                    let double = split == Split::HalvesDouble;
                    items.push((who, subject, subgroups[0], hours, double));
                    halves.push((who, subject, subgroups[1], hours, double));
                }
            }
        }
    }
    // The second halves after the first ones, so that the two halves of a class mostly have
    // different teachers and can learn at the same time.
    items.extend(halves);
    let mut specialties: Vec<&str> = items.iter().map(|it| it.0).collect();
    specialties.sort_unstable();
    specialties.dedup();
    let mut teacher_of = vec![0; items.len()];
    for who in specialties {
        let (mut load, mut cap, mut n) = (0, 0, 0);
        for (k, it) in items.iter().enumerate().filter(|(_, it)| it.0 == who) {
            if n == 0 || load + it.3 > cap {
                n += 1;
                i.teachers.push(format!("{who} мұғалімі {n}"));
                load = 0;
                cap = rng.gen_range(18..=24);
            }
            load += it.3;
            teacher_of[k] = i.teachers.len() - 1;
        }
    }
    let hours_of = |names: &[&str]| -> u32 {
        items
            .iter()
            .filter(|it| names.contains(&it.1))
            .map(|it| it.3)
            .sum()
    };
    let mut rooms_for = HashMap::new();
    for (kind, subjects, capacity) in [
        (
            "Информатика кабинеті",
            &["Информатика", "Цифрлық сауаттылық"][..],
            15,
        ),
        ("Спорт зал", &["Дене шынықтыру"][..], 30),
        ("Шеберхана", &["Көркем еңбек"][..], 30),
    ] {
        let count = hours_of(subjects).div_ceil(30).max(1);
        let first = i.rooms.len();
        for n in 1..=count {
            i.rooms.push(Room {
                name: format!("{kind} {n}"),
                capacity,
                real_rooms: Vec::new(),
            });
        }
        for s in subjects {
            rooms_for.insert(*s, (first..i.rooms.len()).collect::<Vec<_>>());
        }
    }
    let mut subjects: Vec<&str> = items.iter().map(|it| it.1).collect();
    subjects.sort_unstable();
    subjects.dedup();
    i.subjects = subjects.iter().map(|s| s.to_string()).collect();
    i.constraints.push(rule(100.0, Rule::BasicTime));
    i.constraints.push(rule(100.0, Rule::BasicSpace));
    for (k, &(_, subject, students, hours, double)) in items.iter().enumerate() {
        let parts: Vec<u32> = if double {
            vec![hours]
        } else {
            vec![1; hours as usize]
        };
        let first = i.activities.len();
        let group = (parts.len() > 1).then_some(first as u32 + 1);
        for duration in parts {
            let a = i.activities.len();
            i.activities.push(Activity {
                id: a as u32 + 1,
                group,
                subject: subjects.binary_search(&subject).expect("listed"),
                teachers: vec![teacher_of[k]],
                students: vec![students],
                duration,
                total_duration: hours,
                students_count: None,
                active: true,
            });
            if subject != "Көркем еңбек" || double {
                // Crafts in a primary class are the class's own lesson in its room.
                if let Some(rooms) = rooms_for.get(subject) {
                    let c = rule(
                        100.0,
                        Rule::PreferredRooms {
                            activity: a,
                            rooms: rooms.clone(),
                            locked: false,
                        },
                    );
                    i.constraints.push(c);
                }
            }
        }
        if i.activities.len() - first > 1 {
            i.constraints.push(rule(
                95.0,
                Rule::MinDaysBetween {
                    activities: (first..i.activities.len()).collect(),
                    days: 1,
                    consecutive_if_same_day: true,
                },
            ));
        }
    }
    i.constraints.push(rule(
        100.0,
        Rule::StudentsMaxGapsPerWeek {
            students: None,
            max: 0,
        },
    ));
    for (s, set) in i.students.iter().enumerate() {
        let grade: u32 = set
            .name
            .split(' ')
            .next()
            .and_then(|g| g.parse().ok())
            .unwrap_or(99);
        if set.kind == StudentsKind::Year && grade <= 4 {
            let c = rule(
                100.0,
                Rule::StudentsMaxHoursDaily {
                    students: Some(s),
                    max: 6,
                },
            );
            i.constraints.push(c);
        }
    }
    // Every fourth subject teacher has a day for methodical work; a primary class's own
    // teacher, who gives it most of its lessons, comes every day.
    let subject_teachers: Vec<usize> = (0..i.teachers.len())
        .filter(|&t| !i.teachers[t].starts_with("Бастауыш"))
        .collect();
    for &t in subject_teachers.iter().step_by(4) {
        let day = rng.gen_range(0..5);
        let c = rule(
            100.0,
            Rule::TeacherNotAvailable {
                teacher: t,
                slots: (0..7).map(|hour| Slot { day, hour }).collect(),
            },
        );
        i.constraints.push(c);
    }
    // FET takes limits on gaps only as hard rules.
    i.constraints.push(rule(
        100.0,
        Rule::TeacherMaxGapsPerDay {
            teacher: None,
            max: 2,
        },
    ));
    i
}

fn rule(weight: f64, rule: Rule) -> Constraint {
    Constraint {
        weight,
        active: true,
        rule,
    }
}
