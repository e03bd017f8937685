//! A week of a 1 000-pupil school, and what its weekly sync with the hub costs.
//!
//! The school is entered command by command on its own SQLCipher store: 34 classes of grades
//! 1–11 with about 1 000 pupils, their teachers, their timetable of the standard curriculum and the
//! journals it plans for the first two quarters. Its teachers then write up every lesson from
//! 1 September to Friday 13 November as they do in the app — a topic (`SaveLesson`), then the
//! register with its absences and marks (`SaveMarks`), one command per save — and the store enrols
//! with a hub (SQLite, called in-process) and syncs everything. Then comes the measured week,
//! 16–20 November (the third of the second quarter): about 1 000 lessons, 30 000 attendance marks
//! (a pupil present or not on each lesson), 6 000 marks and 1 000 topics, written the same way,
//! and the Friday evening sync.
//!
//! Printed beside the sync (bytes sent and received, rounds, wall time) and the same week as a
//! bundle file:
//!
//! - **the floor**: the same facts in a minimal binary form compressed with zstd level 3: every
//!   attendance fact as (pupil u16, lesson u16, code u8), every mark as (pupil u16, lesson u16,
//!   score u8), every topic as (lesson u16, length u8, UTF-8); and, smaller still, the same with
//!   only the pupils not present listed (the rest present, as the register's "taken" says);
//! - **the whole database file** (`dala.db`, encrypted) compressed with zstd level 3, and its
//!   plaintext (`sqlcipher_export`) compressed the same way: shipping the whole file each week.
//!
//! Run with `cargo bench -p dala-hub --bench week`. `DALA_BENCH_WEEK=2026-10-19` measures another
//! week (a Monday of the first two quarters; the history runs to the Friday before it), and
//! `DALA_BENCH_FROM` starts the history later than 1 September.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc, Weekday};
use dala_core::Command;
use dala_core::assignment::Assignment;
use dala_core::curriculum;
use dala_core::demo_names::{NameStyle, full_name};
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::iin::{Iin, Sex};
use dala_core::journal::{Acting, Attendance, CellEdit, Lesson, Mark};
use dala_core::journal_plan;
use dala_core::org::{Language, OrgKind};
use dala_core::person::{Person, PersonKind};
use dala_core::school_timetable::TimetableLesson;
use dala_core::year::{self, Term};
use dala_hub::Hub;
use dala_store::{KdfParams, Provision, Setup, Store};
use dala_sync::{Phase, Report, Transport};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::Row;
use tokio::runtime::Handle;

const PASSWORD: &str = "correct-horse-1";
const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
const PUPILS: usize = 1000;
/// Marks the teachers give in a week, all classes together.
const MARKS_A_WEEK: f64 = 6000.0;
/// A pupil away for the whole day: ill, absent without reason, excused.
const AWAY_A_DAY: f64 = 0.045;
/// A pupil late for one lesson.
const LATE: f64 = 0.01;
const ZSTD_LEVEL: i32 = 3;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a calendar date")
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(hour, minute, 0).expect("a time of day"))
}

/// The link as a direct call into the hub, counting the time spent inside it.
struct Direct {
    hub: Arc<Hub>,
    handle: Handle,
    now: DateTime<Utc>,
    inside: Arc<Mutex<Duration>>,
    /// Each exchange's request and answer, in bytes.
    sizes: Arc<Mutex<Vec<(usize, usize)>>>,
    /// What the rounds sent, before compression: automerge messages and the changes in them.
    payload: Arc<Mutex<Payload>>,
}

/// The automerge messages or changes a sync or a bundle carries, before the envelope
/// compresses them.
#[derive(Debug, Default, Clone, Copy)]
struct Payload {
    bytes: usize,
}

impl Transport for Direct {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        let start = Instant::now();
        let sent = request.len();
        if let Ok((
            _,
            dala_sync::Request {
                ask: dala_sync::Ask::Round { docs },
                ..
            },
        )) = dala_sync::open_request(&request)
        {
            let mut payload = self.payload.lock().unwrap();
            payload.bytes += docs.iter().map(|d| d.message.len()).sum::<usize>();
        }
        let answer = self
            .handle
            .block_on(dala_hub::sync::answer(&self.hub, &request, self.now));
        *self.inside.lock().unwrap() += start.elapsed();
        let received = answer.as_ref().map_or(0, Vec::len);
        self.sizes.lock().unwrap().push((sent, received));
        answer
    }
}

struct ClassPlan {
    class: Class,
    /// Indices into `School::pupils`.
    pupils: Vec<usize>,
    /// Each term's planned lessons, by date.
    journals: Vec<(Term, HashMap<NaiveDate, Vec<Lesson>>)>,
    /// Topics written so far, per subject.
    topics: HashMap<String, usize>,
}

struct School {
    classes: Vec<ClassPlan>,
    pupils: Vec<uuid::Uuid>,
    /// A mark's chance per present pupil and lesson of a graded class.
    mark_chance: f64,
}

/// The school's people, classes, teachers and journals, entered as an administrator would: the
/// roster in one batch (an import), then each class's journal of each quarter from its timetable.
fn build(store: &mut Store, rng: &mut StdRng, now: DateTime<Utc>) -> School {
    let start_year = 2026;
    let (year, terms) = year::standard_school_year(start_year, uuid::Uuid::now_v7);
    let mut commands = vec![Command::AddYear {
        year: year.clone(),
        terms: terms.clone(),
    }];
    let mut iins = HashSet::new();
    let mut person = |rng: &mut StdRng, kind, style, born: NaiveDate, span: u64| {
        let male = rng.gen_bool(0.5);
        let name = full_name(style, male, &mut |n| rng.gen_range(0..n));
        let birth_date = born + chrono::Days::new(rng.gen_range(0..span));
        let sex = if male { Sex::Male } else { Sex::Female };
        let iin = loop {
            if let Some(iin) = Iin::generate(birth_date, sex, rng.gen_range(0..10_000))
                && iins.insert(iin.clone())
            {
                break iin;
            }
        };
        Person {
            id: uuid::Uuid::now_v7(),
            kind,
            last_name: name.last,
            first_name: name.first,
            patronymic: Some(name.patronymic),
            iin: Some(iin),
            birth_date,
            sex,
            position: None,
            subject: None,
        }
    };

    // 34 classes: А and Б Kazakh, В Russian, in every grade; a fourth first grade.
    let mut classes = Vec::new();
    for grade in 1..=11i64 {
        let letters: &[(&str, Language)] = if grade == 1 {
            &[
                ("А", Language::Kazakh),
                ("Ә", Language::Kazakh),
                ("Б", Language::Kazakh),
                ("В", Language::Russian),
            ]
        } else {
            &[
                ("А", Language::Kazakh),
                ("Ә", Language::Kazakh),
                ("Б", Language::Russian),
            ]
        };
        for &(letter, language) in letters {
            classes.push(Class {
                id: uuid::Uuid::now_v7(),
                year_id: year.id,
                grade,
                letter: letter.into(),
                language,
            });
        }
    }
    commands.extend(classes.iter().cloned().map(Command::AddClass));

    let mut pupils = Vec::new();
    let mut plans = Vec::new();
    for (i, class) in classes.iter().enumerate() {
        let count = PUPILS / classes.len() + usize::from(i < PUPILS % classes.len());
        let born = date(start_year - 6 - class.grade as i32, 9, 1);
        let mut members = Vec::new();
        for _ in 0..count {
            let kazakh = match class.language {
                Language::Kazakh => rng.gen_bool(0.95),
                _ => rng.gen_bool(0.3),
            };
            let style = if kazakh {
                NameStyle::Kazakh
            } else {
                NameStyle::Russian
            };
            let pupil = person(rng, PersonKind::Student, style, born, 365);
            commands.push(Command::SavePerson(pupil.clone()));
            commands.push(Command::Enrol(Enrolment {
                id: uuid::Uuid::now_v7(),
                year_id: year.id,
                person_id: pupil.id,
                group_id: class.id,
                from: year.starts,
                to: None,
            }));
            members.push(pupils.len());
            pupils.push(pupil.id);
        }
        plans.push(members);
    }

    // The curriculum's weekly hours of each class, and enough teachers of each subject for about
    // twenty lessons a week each.
    let weeks: Vec<Vec<&str>> = classes
        .iter()
        .map(|c| {
            let mut week = Vec::new();
            for s in curriculum::standard_plan(c.language).subjects(c.grade) {
                for _ in 0..s.hours.ceil() as usize {
                    week.push(s.subject.as_str());
                }
            }
            week.truncate(35);
            week
        })
        .collect();
    let mut hours: HashMap<&str, usize> = HashMap::new();
    for subject in weeks.iter().flatten() {
        *hours.entry(subject).or_default() += 1;
    }
    let mut teachers: HashMap<&str, Vec<Person>> = HashMap::new();
    let mut subjects: Vec<&str> = hours.keys().copied().collect();
    subjects.sort();
    for subject in subjects {
        let staff: Vec<Person> = (0..hours[subject].div_ceil(20))
            .map(|_| {
                let mut t = person(
                    rng,
                    PersonKind::Staff,
                    NameStyle::Kazakh,
                    date(1965, 1, 1),
                    365 * 30,
                );
                t.position = Some("teacher".into());
                t.subject = Some(subject.into());
                t
            })
            .collect();
        commands.extend(staff.iter().cloned().map(Command::SavePerson));
        teachers.insert(subject, staff);
    }
    let mut turn: HashMap<&str, usize> = HashMap::new();
    let mut follow = Vec::new();
    let mut journals = Vec::new();
    for (class, week) in classes.iter().zip(&weeks) {
        let mut taught: HashMap<&str, uuid::Uuid> = HashMap::new();
        for &subject in week {
            if taught.contains_key(subject) {
                continue;
            }
            let staff = &teachers[subject];
            let n = turn.entry(subject).or_default();
            let teacher = &staff[*n % staff.len()];
            *n += 1;
            taught.insert(subject, teacher.id);
            commands.push(Command::Assign(Assignment {
                id: uuid::Uuid::now_v7(),
                year_id: year.id,
                group_id: class.id,
                subject: Some(subject.into()),
                teacher_id: teacher.id,
                subgroup: None,
                hours: None,
            }));
        }
        // The week's lessons in a shuffled order, five a row: day, then period.
        let mut order: Vec<&str> = week.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.gen_range(0..=i));
        }
        let timetable: Vec<TimetableLesson> = order
            .iter()
            .enumerate()
            .map(|(k, &subject)| TimetableLesson {
                id: uuid::Uuid::now_v7(),
                year_id: year.id,
                class_id: class.id,
                subject: subject.into(),
                subgroup: None,
                teacher_id: taught[subject],
                day: (k % 5) as u32 + 1,
                period: (k / 5) as u32 + 1,
                room_id: None,
                pinned: false,
            })
            .collect();
        let mut of_class = Vec::new();
        for term in terms.iter().take(2) {
            let planned =
                journal_plan::planned(&timetable, term, term.starts, 5, &mut uuid::Uuid::now_v7);
            follow.push(Command::FollowTimetable {
                class_id: class.id,
                term_id: term.id,
                from: term.starts,
                planned: planned.clone(),
            });
            let mut by_day: HashMap<NaiveDate, Vec<Lesson>> = HashMap::new();
            for lesson in planned {
                by_day.entry(lesson.date).or_default().push(lesson);
            }
            of_class.push((term.clone(), by_day));
        }
        journals.push(of_class);
    }
    store
        .execute_batch(&commands, now)
        .map_err(|e| format!("{e:?}"))
        .unwrap();
    store
        .execute_batch(&follow, now)
        .map_err(|e| format!("{e:?}"))
        .unwrap();

    let graded: f64 = classes
        .iter()
        .zip(&weeks)
        .zip(&plans)
        .filter(|((c, _), _)| c.grade >= 2)
        .map(|((_, w), p)| (w.len() * p.len()) as f64)
        .sum();
    School {
        classes: classes
            .into_iter()
            .zip(plans)
            .zip(journals)
            .map(|((class, pupils), journals)| ClassPlan {
                class,
                pupils,
                journals,
                topics: HashMap::new(),
            })
            .collect(),
        pupils,
        mark_chance: MARKS_A_WEEK / (graded * (1.0 - AWAY_A_DAY)),
    }
}

const PHRASES: [&str; 24] = [
    "Натурал сандар және оларға амалдар",
    "Жай бөлшектерді қосу және азайту",
    "Ондық бөлшектер",
    "Теңдеулер жүйесін шешу",
    "Квадрат теңдеу және оның түбірлері",
    "Үшбұрыштардың теңдік белгілері",
    "Мәтінмен жұмыс: негізгі ойды табу",
    "Зат есімнің септелуі",
    "Етістіктің шақтары",
    "Абай Құнанбайұлы: қара сөздер",
    "Қазақ хандығының құрылуы",
    "Жер бедерінің пішіндері",
    "Жасушаның құрылысы",
    "Механикалық қозғалыс",
    "Химиялық реакциялардың түрлері",
    "Алгоритм және оның қасиеттері",
    "Present Simple and Present Continuous",
    "My family and friends",
    "Имя существительное: род и число",
    "Правописание безударных гласных",
    "Жеңіл атлетика: қысқа қашықтыққа жүгіру",
    "Ән айту: дауыс жаттығулары",
    "Қағаздан бұйым жасау",
    "Қайталау және бекіту",
];

/// What the floor encodes of the measured week.
#[derive(Default)]
struct Facts {
    lessons: u16,
    /// (pupil, lesson, code): 0 present, then absent, ill, excused, late.
    attendance: Vec<(u16, u16, u8)>,
    /// (pupil, lesson, score).
    marks: Vec<(u16, u16, u8)>,
    /// (lesson, topic).
    topics: Vec<(u16, String)>,
}

fn code(attendance: Option<Attendance>) -> u8 {
    match attendance {
        None => 0,
        Some(Attendance::Absent) => 1,
        Some(Attendance::Ill) => 2,
        Some(Attendance::Excused) => 3,
        Some(Attendance::Late) => 4,
    }
}

impl Facts {
    /// Every fact a record, as the facts come.
    fn records(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for &(pupil, lesson, code) in self.attendance.iter().chain(&self.marks) {
            out.extend(pupil.to_le_bytes());
            out.extend(lesson.to_le_bytes());
            out.push(code);
        }
        for (lesson, topic) in &self.topics {
            out.extend(lesson.to_le_bytes());
            out.push(topic.len() as u8);
            out.extend(topic.as_bytes());
        }
        out
    }

    /// Per lesson: its topic, the pupils not present and the marks; the rest were present.
    fn compact(&self) -> Vec<u8> {
        let mut away: Vec<Vec<(u16, u8)>> = vec![Vec::new(); self.lessons as usize];
        let mut marks = away.clone();
        for &(pupil, lesson, code) in self.attendance.iter().filter(|a| a.2 != 0) {
            away[lesson as usize].push((pupil, code));
        }
        for &(pupil, lesson, score) in &self.marks {
            marks[lesson as usize].push((pupil, score));
        }
        let mut out = Vec::new();
        for (lesson, topic) in &self.topics {
            out.extend(lesson.to_le_bytes());
            out.push(topic.len() as u8);
            out.extend(topic.as_bytes());
            for list in [&away[*lesson as usize], &marks[*lesson as usize]] {
                out.push(list.len() as u8);
                for (pupil, value) in list {
                    out.extend(pupil.to_le_bytes());
                    out.push(*value);
                }
            }
        }
        out
    }
}

/// One school day written up, lesson by lesson in the order they end: a topic, then the
/// register. Returns the time of each command.
fn write_day(
    store: &mut Store,
    school: &mut School,
    rng: &mut StdRng,
    day: NaiveDate,
    mut facts: Option<&mut Facts>,
) -> Vec<(&'static str, Duration)> {
    let away: Vec<Option<Attendance>> = (0..school.pupils.len())
        .map(|_| {
            rng.gen_bool(AWAY_A_DAY)
                .then(|| match rng.gen_range(0..10) {
                    0..=5 => Attendance::Ill,
                    6..=7 => Attendance::Absent,
                    _ => Attendance::Excused,
                })
        })
        .collect();
    let mut todays: Vec<(i64, usize, Lesson)> = Vec::new();
    for (c, plan) in school.classes.iter().enumerate() {
        for (term, by_day) in &plan.journals {
            if term.starts <= day && day <= term.ends {
                for lesson in by_day.get(&day).into_iter().flatten() {
                    todays.push((lesson.period, c, lesson.clone()));
                }
            }
        }
    }
    todays.sort_by_key(|(period, c, _)| (*period, *c));
    let mut times = Vec::new();
    for (period, c, lesson) in todays {
        let now = at(day, 3 + period as u32, (c % 50) as u32);
        let plan = &mut school.classes[c];
        let teacher = lesson.teacher_id.expect("planned from the timetable");
        let n = plan.topics.entry(lesson.subject.clone()).or_default();
        *n += 1;
        let phrase = PHRASES[(*n + lesson.subject.len()) % PHRASES.len()];
        let topic = format!("§{n}. {phrase}");
        let index = facts.as_ref().map_or(0, |f| f.lessons);
        let mut cells = Vec::new();
        for &pupil in &plan.pupils {
            let attendance = away[pupil].or_else(|| rng.gen_bool(LATE).then_some(Attendance::Late));
            let missed = attendance.is_some_and(Attendance::missed);
            let score = (!missed && plan.class.grade >= 2 && rng.gen_bool(school.mark_chance))
                .then(|| rng.gen_range(5..=10));
            if let Some(f) = facts.as_deref_mut() {
                f.attendance.push((pupil as u16, index, code(attendance)));
                if let Some(s) = score {
                    f.marks.push((pupil as u16, index, s as u8));
                }
            }
            let mark = Mark { attendance, score };
            if !mark.is_empty() {
                cells.push(CellEdit {
                    lesson_id: lesson.id,
                    student_id: school.pupils[pupil],
                    mark,
                    comment: None,
                });
            }
        }
        if let Some(f) = facts.as_deref_mut() {
            f.topics.push((index, topic.clone()));
            f.lessons += 1;
        }
        let by = Acting::Teacher(teacher);
        let subject = lesson.subject.clone();
        let (class_id, term_id, lesson_id) = (lesson.class_id, lesson.term_id, lesson.id);
        let save_lesson = Command::SaveLesson {
            lesson: Lesson {
                topic: Some(topic),
                ..lesson
            },
            by,
        };
        let save_marks = Command::SaveMarks {
            class_id,
            term_id,
            subject,
            cells,
            taken: vec![lesson_id],
            by,
        };
        for (name, command) in [("SaveLesson", save_lesson), ("SaveMarks", save_marks)] {
            let start = Instant::now();
            store
                .execute(&command, now)
                .unwrap_or_else(|e| panic!("{name} on {day}: {}: {e}", e.code()));
            times.push((name, start.elapsed()));
        }
    }
    times
}

fn school_days(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn zstd3(bytes: &[u8]) -> usize {
    zstd::bulk::compress(bytes, ZSTD_LEVEL).unwrap().len()
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    format!("nproc = {cpus}, {model}")
}

fn percentile(times: &mut [Duration], q: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * q).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// The command times of a stretch of days, for the log.
fn summary(label: &str, times: &[(&'static str, Duration)], wall: Duration) {
    let mut marks: Vec<Duration> = times
        .iter()
        .filter(|(n, _)| *n == "SaveMarks")
        .map(|(_, d)| *d)
        .collect();
    let mut lessons: Vec<Duration> = times
        .iter()
        .filter(|(n, _)| *n == "SaveLesson")
        .map(|(_, d)| *d)
        .collect();
    if marks.is_empty() {
        return;
    }
    println!(
        "{label}: {} commands in {:.1} s; SaveLesson p50 {} p95 {}; SaveMarks p50 {} p95 {}",
        times.len(),
        wall.as_secs_f64(),
        ms(percentile(&mut lessons, 0.5)),
        ms(percentile(&mut lessons, 0.95)),
        ms(percentile(&mut marks, 0.5)),
        ms(percentile(&mut marks, 0.95)),
    );
}

/// What a sync over the direct link did and took.
struct Synced {
    report: Report,
    wall: Duration,
    /// Inside the hub's `answer`.
    inside: Duration,
    /// Until the store's manifest was made.
    manifest: Duration,
    /// Each exchange's request and answer, in bytes.
    sizes: Vec<(usize, usize)>,
    payload: Payload,
}

impl Synced {
    fn exchanges(&self) -> String {
        let parts: Vec<String> = self
            .sizes
            .iter()
            .map(|(sent, received)| format!("{} → {}", kib(*sent), kib(*received)))
            .collect();
        parts.join(", ")
    }
}

fn sync(store: &mut Store, hub: &Arc<Hub>, handle: &Handle, now: DateTime<Utc>) -> Synced {
    let inside = Arc::new(Mutex::new(Duration::ZERO));
    let sizes = Arc::new(Mutex::new(Vec::new()));
    let payload = Arc::new(Mutex::new(Payload::default()));
    let link = Direct {
        hub: hub.clone(),
        handle: handle.clone(),
        now,
        inside: inside.clone(),
        sizes: sizes.clone(),
        payload: payload.clone(),
    };
    let start = Instant::now();
    let mut manifest = None;
    let report = store
        .sync_upstream_over(link, now, |phase, _| {
            if phase == Phase::Manifest {
                manifest = Some(start.elapsed());
            }
        })
        .unwrap_or_else(|e| panic!("sync: {}: {e}", e.code()));
    let wall = start.elapsed();
    let inside = *inside.lock().unwrap();
    let sizes = sizes.lock().unwrap().clone();
    Synced {
        report,
        wall,
        inside,
        manifest: manifest.unwrap_or_default(),
        sizes,
        payload: *payload.lock().unwrap(),
    }
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let handle = runtime.handle().clone();
    let hub_dir = tempfile::tempdir().unwrap();
    let hub = Arc::new(runtime.block_on(Hub::open(hub_dir.path(), None)).unwrap());
    let setup_at = at(date(2026, 8, 25), 6, 0);
    let code = runtime
        .block_on(hub.create_org("Бенчмарк мектебі", setup_at))
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let school_dir = dir.path().join("school");
    let setup = Setup {
        kind: OrgKind::School,
        name: "Бенчмарк мектебі",
        admin_login: "director",
        password: PASSWORD,
        kdf: CHEAP,
    };
    let started = Instant::now();
    let (mut store, _) = Store::init(&school_dir, &setup, setup_at).unwrap();
    let mut rng = StdRng::seed_from_u64(5);
    let mut school = build(&mut store, &mut rng, setup_at);
    println!(
        "school: {} pupils in {} classes, set up in {:.1} s",
        school.pupils.len(),
        school.classes.len(),
        started.elapsed().as_secs_f64()
    );

    // Everything since the first of September, then enrolment and the first, full sync.
    let day_of = |name: &str, default: NaiveDate| {
        std::env::var(name).ok().map_or(default, |d| {
            d.parse()
                .unwrap_or_else(|_| panic!("{name} is a date: {d}"))
        })
    };
    let history_from = day_of("DALA_BENCH_FROM", date(2026, 9, 1));
    let monday = day_of("DALA_BENCH_WEEK", date(2026, 11, 16));
    assert_eq!(
        monday.weekday(),
        Weekday::Mon,
        "DALA_BENCH_WEEK is a Monday"
    );
    let (last_friday, friday) = (monday - chrono::Days::new(3), monday + chrono::Days::new(4));
    let started = Instant::now();
    let mut times = Vec::new();
    for day in school_days(history_from, last_friday) {
        times.extend(write_day(&mut store, &mut school, &mut rng, day, None));
    }
    summary(
        &format!("history from {history_from}"),
        &times,
        started.elapsed(),
    );
    let before = at(last_friday, 13, 0);
    let direct = Direct {
        hub: hub.clone(),
        handle: handle.clone(),
        now: before,
        inside: Arc::default(),
        sizes: Arc::default(),
        payload: Arc::default(),
    };
    store
        .enrol_over(Some("https://hub.example"), Some(direct), &code, before)
        .unwrap();
    let first = sync(&mut store, &hub, &handle, before);
    assert!(first.report.refused.is_empty(), "{:?}", first.report);
    assert!(store.undelivered().unwrap().is_empty());
    println!(
        "first sync: {} docs, {} rounds, sent {}, received {}, {} (manifest {}, inside the hub {}); exchanges {}",
        first.report.docs,
        first.report.rounds,
        kib(first.report.bytes_sent as usize),
        kib(first.report.bytes_received as usize),
        ms(first.wall),
        ms(first.manifest),
        ms(first.inside),
        first.exchanges(),
    );

    // The measured week.
    let mut facts = Facts::default();
    let started = Instant::now();
    let mut times = Vec::new();
    for day in school_days(monday, friday) {
        times.extend(write_day(
            &mut store,
            &mut school,
            &mut rng,
            day,
            Some(&mut facts),
        ));
    }
    summary("the week", &times, started.elapsed());
    let waiting = store.undelivered().unwrap();

    // The folder as it is on Friday evening, copied for the bundle.
    drop(store);
    let copy_dir_path = dir.path().join("copy");
    copy_dir(&school_dir, &copy_dir_path);
    let db = std::fs::read(school_dir.join(dala_store::DB_FILE)).unwrap();
    let wal = std::fs::metadata(school_dir.join("dala.db-wal")).map_or(0, |m| m.len());
    let db_zstd = zstd3(&db);

    let evening = at(friday, 13, 0);
    let mut store = Store::unlock(&school_dir, "director", PASSWORD, evening).unwrap();
    let synced = sync(&mut store, &hub, &handle, evening);
    let weekly = &synced.report;
    assert!(weekly.refused.is_empty(), "{weekly:?}");
    assert!(store.undelivered().unwrap().is_empty(), "all acknowledged");
    let again = sync(&mut store, &hub, &handle, evening).report;
    assert_eq!((again.docs, again.rounds), (0, 0), "{again:?}");

    let mut copy = Store::unlock(&copy_dir_path, "director", PASSWORD, evening).unwrap();
    let started = Instant::now();
    let bundle = copy.export_bundle(evening, None).unwrap();
    let bundle_time = started.elapsed();
    let (_, opened) = dala_sync::SchoolBundle::open(&bundle, &hub.key.public()).unwrap();
    let in_bundle: usize = opened.submission.docs.iter().map(|d| d.changes.len()).sum();
    let plain_path = dir.path().join("plain.db");
    copy.connection()
        .execute_batch(&format!(
            "ATTACH DATABASE '{}' AS plain KEY ''; SELECT sqlcipher_export('plain'); DETACH DATABASE plain;",
            plain_path.display()
        ))
        .unwrap();
    // Where the file's pages go, when SQLCipher was built with the dbstat table.
    let tables: Vec<(String, i64)> = copy
        .connection()
        .prepare("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8")
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap_or_default();
    drop(copy);
    let plain = std::fs::read(&plain_path).unwrap();
    let plain_zstd = zstd3(&plain);

    let records = facts.records();
    let compact = facts.compact();
    let (floor, floor_compact) = (zstd3(&records), zstd3(&compact));
    let hub_bytes: i64 = runtime
        .block_on(
            sqlx::query(
                "SELECT CAST(COALESCE(SUM(LENGTH(bytes)), 0) AS BIGINT) FROM hub_documents",
            )
            .fetch_one(&hub.pool),
        )
        .unwrap()
        .get(0);

    let ratio = |n: usize| n as f64 / floor as f64;
    let ratio_compact = |n: usize| n as f64 / floor_compact as f64;
    println!();
    println!("machine: {}", machine());
    println!(
        "the week of {monday} to {friday}: {} lessons, {} attendance marks ({} not present), {} marks, {} topics; {} documents waited",
        facts.lessons,
        facts.attendance.len(),
        facts.attendance.iter().filter(|a| a.2 != 0).count(),
        facts.marks.len(),
        facts.topics.len(),
        waiting.len(),
    );
    println!();
    println!(
        "| {:<62} | {:>10} | {:>8} | {:>10} |",
        "figure", "bytes", "/ floor", "/ compact"
    );
    println!("|{:-<64}|{:->12}|{:->10}|{:->12}|", "", "", "", "");
    let row = |label: &str, n: usize| {
        println!(
            "| {label:<62} | {n:>10} | {:>7.1}× | {:>9.1}× |",
            ratio(n),
            ratio_compact(n)
        );
    };
    row("weekly sync: bytes sent", weekly.bytes_sent as usize);
    row(
        "weekly sync: bytes received",
        weekly.bytes_received as usize,
    );
    row("the week as a bundle file", bundle.len());
    row(
        &format!("floor: every fact a record, zstd 3 (raw {})", records.len()),
        floor,
    );
    row(
        &format!(
            "floor, compact: pupils not present only, zstd 3 (raw {})",
            compact.len()
        ),
        floor_compact,
    );
    row(
        &format!("whole dala.db (encrypted), zstd 3 (raw {})", db.len()),
        db_zstd,
    );
    row(
        &format!("whole database in plaintext, zstd 3 (raw {})", plain.len()),
        plain_zstd,
    );
    println!();
    println!(
        "weekly sync: {} documents, {} rounds, wall {} (the store's manifest {}, inside the hub {}); bundle made in {}",
        weekly.docs,
        weekly.rounds,
        ms(synced.wall),
        ms(synced.manifest),
        ms(synced.inside),
        ms(bundle_time),
    );
    println!(
        "weekly sync's exchanges (sent → received): {}",
        synced.exchanges()
    );
    println!(
        "before compression: the sync's rounds carried {} of automerge messages, the bundle {} of changes",
        kib(synced.payload.bytes),
        kib(in_bundle)
    );
    println!(
        "ratio bytes_sent / floor = {:.1}; / compact floor = {:.1}",
        weekly.bytes_sent as f64 / floor as f64,
        weekly.bytes_sent as f64 / floor_compact as f64
    );
    let tables: Vec<String> = tables
        .iter()
        .map(|(name, bytes)| format!("{name} {}", kib(*bytes as usize)))
        .collect();
    println!(
        "dala.db's largest tables and indexes: {}",
        tables.join(", ")
    );
    println!(
        "dala.db-wal after closing: {wal} bytes; the hub holds {} of documents",
        kib(hub_bytes as usize)
    );

    // A new computer of the school that evening: the hub's snapshot and its code instead of a
    // first sync of the whole school, then its first sync.
    let started = Instant::now();
    let mut snapshot = Vec::new();
    let code = runtime
        .block_on(dala_hub::snapshot::make(
            &hub,
            "Бенчмарк мектебі",
            evening,
            |bytes| {
                snapshot = bytes.to_vec();
                Ok(())
            },
        ))
        .unwrap();
    let made = started.elapsed();
    let started = Instant::now();
    let provision = Provision {
        snapshot: &snapshot,
        code: &code,
        hub_url: None,
        admin_login: "aigul",
        password: PASSWORD,
        kdf: CHEAP,
    };
    let (mut new_pc, _) = Store::provision(&dir.path().join("new"), &provision, evening).unwrap();
    let provisioned = started.elapsed();
    let direct = Direct {
        hub: hub.clone(),
        handle: handle.clone(),
        now: evening,
        inside: Arc::default(),
        sizes: Arc::default(),
        payload: Arc::default(),
    };
    new_pc
        .enrol_over(None, Some(direct), &code, evening)
        .unwrap();
    let joined = sync(&mut new_pc, &hub, &handle, evening);
    assert!(new_pc.undelivered().unwrap().is_empty());
    println!(
        "new computer: snapshot {} made in {}, the folder made from it in {}; its first sync {} docs, {} rounds, sent {}, received {}, {} (the school's first, full sync sent {})",
        kib(snapshot.len()),
        ms(made),
        ms(provisioned),
        joined.report.docs,
        joined.report.rounds,
        kib(joined.report.bytes_sent as usize),
        kib(joined.report.bytes_received as usize),
        ms(joined.wall),
        kib(first.report.bytes_sent as usize),
    );
}
