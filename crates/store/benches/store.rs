//! Benchmarks of the encrypted store on the demo school that `dala demo` builds: what a user
//! waits for at login (`unlock`), what one saved form costs end to end against the cheapest
//! encrypted write there is (`command`), and a full projection rebuild (`rebuild`).
//! `cargo bench -p dala-store --bench store`; BENCHMARKS.md at the root keeps the figures.
//!
//! The demo school is built once, outside every measurement, into a template folder; each group
//! works on its own copy of it. On a shared, noisy machine the ratio of `command/save_person` to
//! `command/plain_sqlcipher_insert`, both measured in the same run, is the figure to track; the
//! bench prints it after the `command` group.

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use criterion::{Criterion, SamplingMode};
use dala_core::Command;
use dala_core::account::{Account, Role};
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::iin::{Iin, Sex};
use dala_core::org::{OrgKind, Organisation};
use dala_core::person::{Person, PersonKind};
use dala_core::year::school_date;
use dala_store::{KdfParams, Setup, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use tempfile::TempDir;
use uuid::Uuid;

const PASSWORD: &str = "bench-password-2026";
/// Samples of the `command` group; the ratio is taken over the medians of these.
const COMMAND_SAMPLES: usize = 30;
/// The `command` group works on a fresh copy of the demo school after this many new students,
/// so every measured save lands on a school of 330 to 530 people, not on one that keeps growing.
const FRESH_AFTER: usize = 200;

/// The demo school as `dala demo --kind school` makes it, in a folder no store holds open.
struct Template {
    dir: TempDir,
    login: String,
    /// The IINs the demo already gave out: a new student must not take one.
    iins: HashSet<Iin>,
    /// The demo's people, to fill the plain SQLCipher table to the same size.
    people: Vec<Person>,
}

impl Template {
    /// Follows `demo` in crates/cli/src/main.rs: init with the default KDF, the demo's commands
    /// one by one, then its accounts with the default KDF.
    fn build() -> Template {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let kind = OrgKind::School;
        let login = Role::administrator(kind).code().to_string();
        let setup = Setup {
            kind,
            name: "Қарабұлақ мектебі",
            admin_login: &login,
            password: PASSWORD,
            kdf: KdfParams::default(),
        };
        let now = Utc::now();
        let (mut store, _recovery) = Store::init(dir.path(), &setup, now).expect("init");
        let org_id = store.list::<Organisation>().expect("organisations")[0].id;
        let mut rng = StdRng::seed_from_u64(2026);
        let mut new_id = Uuid::now_v7;
        let demo = dala_core::demo::school(org_id, school_date(now), &mut rng, &mut new_id);
        for command in &demo.commands {
            store.execute(command, Utc::now()).expect("a demo command");
        }
        for account in demo.accounts.iter().filter(|a| a.login != login) {
            store
                .create_account(account, PASSWORD, KdfParams::default(), Utc::now())
                .expect("a demo account");
        }
        let people = store.list::<Person>().expect("people");
        let staff = people
            .iter()
            .filter(|p| p.kind == PersonKind::Staff)
            .count();
        eprintln!(
            "demo school: {} students, {staff} staff, {} classes, {} enrolments, {} accounts",
            people.len() - staff,
            store.list::<Class>().expect("classes").len(),
            store.list::<Enrolment>().expect("enrolments").len(),
            store.list::<Account>().expect("accounts").len(),
        );
        let iins = people.iter().filter_map(|p| p.iin.clone()).collect();
        drop(store);
        Template {
            dir,
            login,
            iins,
            people,
        }
    }

    /// A copy of the folder in a new temporary folder.
    fn copy(&self) -> TempDir {
        let to = tempfile::tempdir().expect("a temporary folder");
        copy_dir(self.dir.path(), to.path());
        to
    }

    fn unlock(&self, dir: &Path) -> Store {
        Store::unlock(dir, &self.login, PASSWORD, Utc::now()).expect("unlock")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the template folder") {
        let entry = entry.expect("a template entry");
        if entry.file_type().expect("a file type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("a copied file");
        }
    }
}

/// New students with fresh ids and valid IINs that no one in the school has yet.
struct NewStudents {
    rng: StdRng,
    taken: HashSet<Iin>,
}

impl NewStudents {
    fn new(template: &Template) -> NewStudents {
        NewStudents {
            rng: StdRng::seed_from_u64(7),
            taken: template.iins.clone(),
        }
    }

    fn next(&mut self) -> Person {
        let born_from = NaiveDate::from_ymd_opt(2009, 9, 1).expect("a calendar date");
        loop {
            let birth_date = born_from + Days::new(self.rng.gen_range(0..365 * 11));
            let sex = if self.rng.gen_bool(0.5) {
                Sex::Male
            } else {
                Sex::Female
            };
            let Some(iin) = Iin::generate(birth_date, sex, self.rng.gen_range(0..10_000)) else {
                continue;
            };
            if !self.taken.insert(iin.clone()) {
                continue;
            }
            let (first_name, patronymic) = match sex {
                Sex::Male => ("Нұрлан", "Серікұлы"),
                Sex::Female => ("Әйгерім", "Серікқызы"),
            };
            return Person {
                id: Uuid::now_v7(),
                kind: PersonKind::Student,
                last_name: "Қасымов".into(),
                first_name: first_name.into(),
                patronymic: Some(patronymic.into()),
                iin: Some(iin),
                birth_date,
                sex,
                position: None,
                subject: None,
            };
        }
    }
}

/// A person as the ten text columns of the plain table.
fn row(p: &Person) -> [Option<String>; 10] {
    [
        Some(p.id.to_string()),
        Some(p.kind.code().into()),
        Some(p.last_name.clone()),
        Some(p.first_name.clone()),
        p.patronymic.clone(),
        p.iin.as_ref().map(|i| i.as_str().into()),
        Some(p.birth_date.to_string()),
        Some(p.sex.code().into()),
        p.position.clone(),
        p.subject.clone(),
    ]
}

const PLAIN_INSERT: &str = "INSERT INTO people (id, kind, last_name, first_name, patronymic, \
     iin, birth_date, sex, position, subject) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/// A SQLCipher database keyed with a raw key and set up as the store sets up its own (WAL,
/// synchronous=NORMAL), with one person-like table filled with the demo's people.
fn plain_sqlcipher(dir: &Path, people: &[Person]) -> Connection {
    let mut conn = Connection::open(dir.join("plain.db")).expect("open the plain database");
    let key: [u8; 32] = StdRng::seed_from_u64(1).r#gen();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", hex::encode(key)))
        .expect("PRAGMA key");
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("WAL");
    assert_eq!(mode, "wal");
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL;
         CREATE TABLE people (
             id TEXT PRIMARY KEY, kind TEXT, last_name TEXT, first_name TEXT, patronymic TEXT,
             iin TEXT, birth_date TEXT, sex TEXT, position TEXT, subject TEXT
         ) STRICT;",
    )
    .expect("the plain table");
    let tx = conn.transaction().expect("a transaction");
    for p in people {
        tx.prepare_cached(PLAIN_INSERT)
            .expect("the insert")
            .execute(params_from(&row(p)))
            .expect("a demo row");
    }
    tx.commit().expect("commit");
    conn
}

fn params_from(row: &[Option<String>; 10]) -> impl rusqlite::Params + '_ {
    rusqlite::params_from_iter(row.iter())
}

/// The per-iteration time of each sample a routine reports through `iter_custom`.
#[derive(Default)]
struct Samples(RefCell<Vec<Duration>>);

impl Samples {
    fn record(&self, total: Duration, iters: u64) -> Duration {
        self.0.borrow_mut().push(total.div_f64(iters.max(1) as f64));
        total
    }

    /// The median of the last `n` samples (criterion's warm-up calls come first), or `None`
    /// when fewer were taken, as under `cargo test --benches`.
    fn median_of_last(&self, n: usize) -> Option<Duration> {
        let all = self.0.borrow();
        if n == 0 || all.len() < n {
            return None;
        }
        let mut last = all[all.len() - n..].to_vec();
        last.sort();
        Some(if n % 2 == 1 {
            last[n / 2]
        } else {
            (last[n / 2 - 1] + last[n / 2]) / 2
        })
    }
}

/// Checkpoints the WAL and empties it, so that the next commit's pages can be counted.
fn empty_wal(conn: &Connection) {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    })
    .expect("a checkpoint");
}

/// The pages in the WAL: after `empty_wal` and one commit, the pages that commit wrote.
fn wal_pages(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get(1))
        .expect("a checkpoint")
}

/// Pages written by one saved student and by one plain insert, on fresh copies: what the
/// ratio of their times mostly comes from, since each page is encrypted and MACed on commit.
fn pages_per_write(template: &Template, students: &mut NewStudents) -> (i64, i64) {
    let dir = template.copy();
    let mut store = template.unlock(dir.path());
    // The first command after unlock loads the people document.
    let command = Command::SavePerson(students.next());
    store.execute(&command, Utc::now()).expect("save a student");
    empty_wal(store.connection());
    let command = Command::SavePerson(students.next());
    store.execute(&command, Utc::now()).expect("save a student");
    let store_pages = wal_pages(store.connection());

    let plain_dir = tempfile::tempdir().expect("a temporary folder");
    let mut conn = plain_sqlcipher(plain_dir.path(), &template.people);
    empty_wal(&conn);
    let values = row(&students.next());
    let tx = conn.transaction().expect("a transaction");
    tx.prepare_cached(PLAIN_INSERT)
        .expect("the insert")
        .execute(params_from(&values))
        .expect("insert");
    tx.commit().expect("commit");
    (store_pages, wal_pages(&conn))
}

fn unlock(c: &mut Criterion, template: &Template) {
    let dir = template.copy();
    let mut group = c.benchmark_group("unlock");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    // The stores are closed after the clock stops: closing is not what a user waits for.
    group.bench_function("default_kdf", |b| {
        b.iter_with_large_drop(|| {
            Store::unlock(dir.path(), &template.login, PASSWORD, Utc::now()).expect("unlock")
        })
    });
    group.finish();
}

fn command(c: &mut Criterion, template: &Template) {
    let mut students = NewStudents::new(template);
    let mut group = c.benchmark_group("command");
    group
        .sample_size(COMMAND_SAMPLES)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));

    let store_samples = Samples::default();
    let mut dir = template.copy();
    let mut store = template.unlock(dir.path());
    let mut added = 0;
    group.bench_function("save_person", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                if added == FRESH_AFTER {
                    let fresh = template.copy();
                    // The grown store is closed first, then its folder removed.
                    store = template.unlock(fresh.path());
                    dir = fresh;
                    added = 0;
                }
                if added == 0 {
                    // Not timed: the first command after unlock loads the people document.
                    let command = Command::SavePerson(students.next());
                    store.execute(&command, Utc::now()).expect("save a student");
                    added += 1;
                }
                let command = Command::SavePerson(students.next());
                let now = Utc::now();
                let start = Instant::now();
                store.execute(&command, now).expect("save a student");
                total += start.elapsed();
                added += 1;
            }
            store_samples.record(total, iters)
        })
    });
    drop(store);

    let plain_samples = Samples::default();
    let plain_dir = tempfile::tempdir().expect("a temporary folder");
    let mut conn = plain_sqlcipher(plain_dir.path(), &template.people);
    group.bench_function("plain_sqlcipher_insert", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let values = row(&students.next());
                let start = Instant::now();
                let tx = conn.transaction().expect("a transaction");
                tx.prepare_cached(PLAIN_INSERT)
                    .expect("the insert")
                    .execute(params_from(&values))
                    .expect("insert");
                tx.commit().expect("commit");
                total += start.elapsed();
            }
            plain_samples.record(total, iters)
        })
    });
    group.finish();

    if let (Some(store), Some(plain)) = (
        store_samples.median_of_last(COMMAND_SAMPLES),
        plain_samples.median_of_last(COMMAND_SAMPLES),
    ) {
        println!(
            "command/save_person ÷ command/plain_sqlcipher_insert (medians of the samples): \
             {store:.2?} / {plain:.2?} = {:.1}×",
            store.as_secs_f64() / plain.as_secs_f64()
        );
        let (store_pages, plain_pages) = pages_per_write(template, &mut students);
        println!(
            "pages written per commit: save_person {store_pages}, plain insert {plain_pages}\n"
        );
    }
}

fn rebuild(c: &mut Criterion, template: &Template) {
    let dir = template.copy();
    let mut store = template.unlock(dir.path());
    let mut group = c.benchmark_group("rebuild");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("demo_school", |b| {
        b.iter(|| store.rebuild_projections().expect("rebuild"))
    });
    group.finish();
}

fn main() {
    let template = Template::build();
    let mut c = Criterion::default().configure_from_args();
    unlock(&mut c, &template);
    command(&mut c, &template);
    rebuild(&mut c, &template);
    c.final_summary();
}
