//! 200 schools syncing with one hub at the same moment, over real HTTP on loopback.
//!
//! The hub serves with `serve_loopback` on a port of 127.0.0.1; 200 small schools (a class of 25
//! pupils and a week of its mathematics journal each, on their own SQLCipher stores) enrol with
//! it one by one, then 200 threads start `Store::sync_upstream` together behind a barrier. Each
//! sync is timed from the barrier to its answer; every one must succeed and leave nothing
//! undelivered, or the bench says what failed (with the error's code) and exits non-zero. A second
//! wave follows: each school saves one more register and all sync again.
//!
//! The hub runs on SQLite by default (a pool of 4 connections) and on PostgreSQL (16) when
//! `DALA_TEST_POSTGRES` names a role that may create databases (`eval "$(scripts/postgres)"`).
//! Run with `cargo bench -p dala-hub --bench load`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dala_core::Command;
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::iin::Sex;
use dala_core::journal::{Acting, Attendance, CellEdit, Lesson, LessonKind, Mark};
use dala_core::org::{Language, OrgKind};
use dala_core::person::{Person, PersonKind};
use dala_core::year;
use dala_hub::Hub;
use dala_store::{KdfParams, Setup, Store};
use dala_sync::{HttpTransport, Report};
use sqlx::Row;
use uuid::Uuid;

/// Schools syncing at once; `DALA_BENCH_SCHOOLS` changes it.
const SCHOOLS: usize = 200;
const PUPILS: usize = 25;
const LESSONS: usize = 5;
const PASSWORD: &str = "correct-horse-1";
const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 13, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a calendar date")
}

/// A school on its own store: a class of 25, its mathematics teacher, and the week's five
/// lessons with attendance and a few marks. Answers the store, the class's lessons and pupils.
fn school(dir: &Path, n: usize) -> (Store, Lesson, Vec<Uuid>) {
    let name = format!("Мектеп № {n}");
    let setup = Setup {
        kind: OrgKind::School,
        name: &name,
        admin_login: "director",
        password: PASSWORD,
        kdf: CHEAP,
    };
    let (mut store, _) = Store::init(dir, &setup, now()).unwrap();
    let (year, terms) = year::standard_school_year(2026, Uuid::now_v7);
    let term = terms[1].clone();
    let class = Class {
        id: Uuid::now_v7(),
        year_id: year.id,
        grade: 7,
        letter: "А".into(),
        language: Language::Kazakh,
    };
    let person = |kind, i: usize, born: NaiveDate| Person {
        id: Uuid::now_v7(),
        kind,
        last_name: format!("Оқушы{i:02}"),
        first_name: "Әлия".into(),
        patronymic: None,
        iin: None,
        birth_date: born,
        sex: Sex::Female,
        position: None,
        subject: None,
    };
    let teacher = person(PersonKind::Staff, 99, date(1980, 3, 1));
    let pupils: Vec<Person> = (0..PUPILS)
        .map(|i| person(PersonKind::Student, i, date(2013, 3, 1)))
        .collect();
    let mut commands = vec![
        Command::AddYear {
            year: year.clone(),
            terms: terms.clone(),
        },
        Command::AddClass(class.clone()),
        Command::SavePerson(teacher.clone()),
        Command::Assign(Assignment {
            id: Uuid::now_v7(),
            year_id: year.id,
            group_id: class.id,
            subject: Some("mathematics".into()),
            teacher_id: teacher.id,
            subgroup: None,
            hours: None,
        }),
    ];
    for p in &pupils {
        commands.push(Command::SavePerson(p.clone()));
        commands.push(Command::Enrol(Enrolment {
            id: Uuid::now_v7(),
            year_id: year.id,
            person_id: p.id,
            group_id: class.id,
            from: year.starts,
            to: None,
        }));
    }
    let mut last = None;
    for day in 0..LESSONS {
        let lesson = Lesson {
            id: Uuid::now_v7(),
            class_id: class.id,
            term_id: term.id,
            subject: "mathematics".into(),
            date: date(2026, 11, 16 + day as u32),
            period: 2,
            topic: Some(format!("§{}", 20 + day)),
            homework: None,
            kind: LessonKind::Ordinary,
            max_score: None,
            teacher_id: Some(teacher.id),
            taken: false,
        };
        commands.push(Command::SaveLesson {
            lesson: lesson.clone(),
            by: Acting::Supervisor,
        });
        commands.push(marks(
            &lesson,
            &pupils.iter().map(|p| p.id).collect::<Vec<_>>(),
            n + day,
        ));
        last = Some(lesson);
    }
    store
        .execute_batch(&commands, now())
        .map_err(|e| format!("{e:?}"))
        .unwrap();
    let lesson = last.expect("five lessons");
    (store, lesson, pupils.iter().map(|p| p.id).collect())
}

/// One register of a lesson: one pupil away, five marks.
fn marks(lesson: &Lesson, pupils: &[Uuid], seed: usize) -> Command {
    let cells = pupils
        .iter()
        .enumerate()
        .filter_map(|(i, &student)| {
            let k = i + seed;
            let mark = if k.is_multiple_of(PUPILS) {
                Mark {
                    attendance: Some(Attendance::Ill),
                    score: None,
                }
            } else if k.is_multiple_of(5) {
                Mark {
                    attendance: None,
                    score: Some((k % 6 + 5) as i64),
                }
            } else {
                return None;
            };
            Some(CellEdit {
                lesson_id: lesson.id,
                student_id: student,
                mark,
                comment: None,
            })
        })
        .collect();
    Command::SaveMarks {
        class_id: lesson.class_id,
        term_id: lesson.term_id,
        subject: lesson.subject.clone(),
        cells,
        taken: vec![lesson.id],
        by: Acting::Supervisor,
    }
}

async fn fresh_postgres(admin: &str) -> String {
    sqlx::any::install_default_drivers();
    let name = format!("dala_hub_load_{}", Uuid::now_v7().simple());
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap();
    let base = admin.rsplit_once('/').map_or(admin, |(b, _)| b);
    format!("{base}/{name}")
}

/// What one sync did, as its thread saw it.
struct Outcome {
    started: Instant,
    took: Duration,
    result: Result<Report, (String, String)>,
}

/// Every store syncs at once, each on its own thread; answers the stores back with the outcomes
/// and the wall time from the first sync's start to the last one's end.
fn wave(stores: Vec<Store>) -> (Vec<Store>, Vec<Outcome>, Duration) {
    let barrier = Arc::new(Barrier::new(stores.len() + 1));
    let threads: Vec<_> = stores
        .into_iter()
        .map(|mut store| {
            let barrier = barrier.clone();
            std::thread::Builder::new()
                .stack_size(4 << 20)
                .spawn(move || {
                    barrier.wait();
                    let start = Instant::now();
                    let result = store.sync_upstream(now(), |_, _| {});
                    let took = start.elapsed();
                    let result = match result {
                        Ok(report) => match store.undelivered() {
                            Ok(left) if left.is_empty() => Ok(report),
                            Ok(left) => Err((
                                "bench.undelivered".to_string(),
                                format!("{} documents still undelivered", left.len()),
                            )),
                            Err(e) => Err((e.code().to_string(), e.to_string())),
                        },
                        Err(e) => Err((e.code().to_string(), e.to_string())),
                    };
                    (
                        store,
                        Outcome {
                            started: start,
                            took,
                            result,
                        },
                    )
                })
                .unwrap()
        })
        .collect();
    barrier.wait();
    let mut stores = Vec::new();
    let mut outcomes = Vec::new();
    for thread in threads {
        let (store, outcome) = thread.join().unwrap();
        stores.push(store);
        outcomes.push(outcome);
    }
    let first = outcomes.iter().map(|o| o.started).min();
    let last = outcomes.iter().map(|o| o.started + o.took).max();
    let wall = first.zip(last).map_or(Duration::ZERO, |(a, b)| b - a);
    (stores, outcomes, wall)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// Prints a wave's figures; answers whether every sync succeeded.
fn report(label: &str, outcomes: &[Outcome], wall: Duration) -> bool {
    let mut times: Vec<Duration> = outcomes.iter().map(|o| o.took).collect();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ok: Vec<&Report> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .collect();
    let sent: u64 = ok.iter().map(|r| r.bytes_sent).sum();
    let received: u64 = ok.iter().map(|r| r.bytes_received).sum();
    let rounds: u32 = ok.iter().map(|r| r.rounds).sum();
    println!(
        "{label}: {}/{} succeeded; p50 {}, p99 {}, max {}; wall {}; {} rounds, sent {:.1} KiB, received {:.1} KiB in all",
        ok.len(),
        outcomes.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0)),
        ms(wall),
        rounds,
        sent as f64 / 1024.0,
        received as f64 / 1024.0,
    );
    let mut failures: BTreeMap<&str, (usize, &str, Duration)> = BTreeMap::new();
    for o in outcomes {
        if let Err((code, detail)) = &o.result {
            let entry = failures.entry(code).or_insert((0, detail, o.took));
            entry.0 += 1;
            entry.2 = entry.2.max(o.took);
        }
    }
    for (code, (count, detail, slowest)) in &failures {
        println!(
            "  FAILED {count}× {code} (slowest after {}): {detail}",
            ms(*slowest)
        );
    }
    failures.is_empty()
}

fn main() {
    let schools: usize = std::env::var("DALA_BENCH_SCHOOLS")
        .ok()
        .map_or(SCHOOLS, |n| {
            n.parse().expect("DALA_BENCH_SCHOOLS is a number")
        });
    let postgres = std::env::var("DALA_TEST_POSTGRES").ok();
    let backend = if postgres.is_some() {
        "PostgreSQL, pool of 16"
    } else {
        "SQLite, pool of 4"
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let hub_dir = tempfile::tempdir().unwrap();
    let database = postgres
        .as_deref()
        .map(|admin| runtime.block_on(fresh_postgres(admin)));
    let hub = runtime
        .block_on(Hub::open(hub_dir.path(), database.as_deref()))
        .unwrap();
    if postgres.is_none() {
        let timeout: i64 = runtime
            .block_on(sqlx::query("PRAGMA busy_timeout").fetch_one(&hub.pool))
            .unwrap()
            .get(0);
        println!("the hub's SQLite connections report busy_timeout = {timeout} ms");
    }
    let codes: Vec<String> = (0..schools)
        .map(|i| {
            runtime
                .block_on(hub.create_org(&format!("Мектеп № {i}"), now()))
                .unwrap()
        })
        .collect();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    runtime.spawn(async move {
        if let Err(e) = dala_hub::serve_loopback(hub, listener).await {
            eprintln!("the hub stopped: {}: {e}", e.code());
        }
    });

    // The schools, made on two threads, then enrolled one by one.
    let started = Instant::now();
    let dirs = tempfile::tempdir().unwrap();
    let made: Vec<(Store, Lesson, Vec<Uuid>)> = std::thread::scope(|s| {
        let halves: Vec<_> = (0..2)
            .map(|half| {
                let root = dirs.path();
                s.spawn(move || {
                    (0..schools)
                        .filter(|n| n % 2 == half)
                        .map(|n| (n, school(&root.join(n.to_string()), n)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<_> = halves.into_iter().flat_map(|h| h.join().unwrap()).collect();
        all.sort_by_key(|(n, _)| *n);
        all.into_iter().map(|(_, school)| school).collect()
    });
    let mut stores = Vec::new();
    let mut registers = Vec::new();
    for ((mut store, lesson, pupils), code) in made.into_iter().zip(&codes) {
        let transport = HttpTransport::new(&url, None).unwrap();
        store
            .enrol_over(Some(&url), Some(transport), code, now())
            .unwrap_or_else(|e| panic!("enrolment: {}: {e}", e.code()));
        stores.push(store);
        registers.push((lesson, pupils));
    }
    println!(
        "{schools} schools of {PUPILS} pupils made and enrolled in {:.1} s; hub on {backend} at {url}",
        started.elapsed().as_secs_f64()
    );

    let (mut stores, first, wall) = wave(stores);
    let mut all_ok = report("first sync, all at once", &first, wall);

    // A day later: one more register each, and everyone syncs again.
    for (n, (store, (lesson, pupils))) in stores.iter_mut().zip(&registers).enumerate() {
        store
            .execute(&marks(lesson, pupils, n + 1), now())
            .unwrap_or_else(|e| panic!("marks: {}: {e}", e.code()));
    }
    let (stores, next, wall) = wave(stores);
    all_ok &= report("next sync, one register each", &next, wall);

    // What the hub holds: every school's documents.
    let check = runtime
        .block_on(Hub::open(hub_dir.path(), database.as_deref()))
        .unwrap();
    let held: i64 = runtime
        .block_on(
            sqlx::query("SELECT COUNT(DISTINCT org) FROM hub_documents").fetch_one(&check.pool),
        )
        .unwrap()
        .get(0);
    println!("the hub holds documents of {held} organisations");
    all_ok &= held == schools as i64;
    drop(stores);
    runtime.block_on(check.pool.close());
    if let (Some(admin), Some(database)) = (postgres.as_deref(), database.as_deref()) {
        runtime.shutdown_timeout(Duration::from_secs(5));
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let name = database.rsplit_once('/').map_or(database, |(_, n)| n);
        runtime.block_on(async {
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin)
                .await
                .unwrap();
            let dropped = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut conn)
            .await;
            if let Err(e) = dropped {
                eprintln!("could not drop {name}: {e}");
            }
        });
    }
    if !all_ok {
        eprintln!("FAILED: not every sync succeeded");
        std::process::exit(1);
    }
}
