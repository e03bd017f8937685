//! Crash test of sync between a school (`dala`) and its hub (`dala-hub`), both as real processes.
//!
//! A demo school enrolled at a hub serving plain HTTP on loopback writes new pupils, starts
//! `dala sync now`, and at a random moment the client, the hub or both are killed with SIGKILL.
//! After every kill the school's store must pass `dala check`; a sync that said it was done must
//! never be lost by the hub, however it is killed later; and at the end one more sync must
//! deliver everything, after which the hub counts every pupil the school has enrolled.
//!
//! `DALA_CRASH_ITERATIONS` sets the number of iterations (200 by default). The hub serves plain
//! HTTP on loopback (`--loopback-http`); `DALA_CRASH_TLS=1` makes it serve HTTPS instead, as in
//! the field.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use dala_core::iin::{Iin, Sex};
use serde_json::Value;
use tempfile::TempDir;

const PASSWORD: &str = "demo-password-2026";
const LOGIN: &str = "director";
const ORG_NAME: &str = "Қарабұлақ мектебі (crash test)";
/// The classes of the demo school new pupils join, in turn.
const CLASSES: [&str; 5] = ["5 А", "6 Б", "7 Б", "8 А", "4 А"];
const CLIENT_TIMEOUT: Duration = Duration::from_secs(120);
const HUB_START_TIMEOUT: Duration = Duration::from_secs(60);

/// xorshift64*: deterministic, seeded per iteration, no crate needed.
struct Rng(u64);

impl Rng {
    fn for_iteration(iteration: u64) -> Rng {
        let mut seed = (iteration + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xDA1A_5EED_2026;
        if seed == 0 {
            seed = 1;
        }
        let mut rng = Rng(seed);
        for _ in 0..4 {
            rng.next();
        }
        rng
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Victim {
    Client,
    Hub,
    Both,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root")
}

/// `dala-hub` beside `dala`, built (debug, like this test) when it is not there yet.
fn hub_binary() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_dala")).with_file_name("dala-hub");
    if path.is_file() {
        return path;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("{} is missing: building it with {cargo}", path.display());
    let status = Command::new(&cargo)
        .args(["build", "-p", "dala-hub", "--bin", "dala-hub"])
        .current_dir(workspace_root())
        .status()
        .unwrap_or_else(|e| panic!("cannot run {cargo} to build dala-hub: {e}"));
    assert!(
        status.success(),
        "`cargo build -p dala-hub --bin dala-hub` failed ({status}): the crash test needs the hub"
    );
    assert!(
        path.is_file(),
        "`cargo build -p dala-hub` succeeded but {} is still missing (another target dir?)",
        path.display()
    );
    path
}

fn text(output: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The integers of a message, in order (Fluent's isolation marks and separators ignored).
fn numbers(message: &str) -> Vec<u64> {
    message
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// What `dala sync now` printed when it was done: documents, rounds, bytes sent and received,
/// documents refused.
#[derive(Debug, Clone, Copy)]
struct SyncDone {
    docs: u64,
    rounds: u64,
    refused: u64,
}

fn sync_done(output: &Output) -> SyncDone {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("Sync done"))
        .unwrap_or_else(|| panic!("no `Sync done` line:\n{}", text(output)));
    match numbers(line)[..] {
        [docs, rounds, _sent, _received, refused] => SyncDone {
            docs,
            rounds,
            refused,
        },
        _ => panic!("unexpected `Sync done` line: {line}"),
    }
}

/// The school: a demo data folder and the files imported into it.
struct School {
    dir: TempDir,
}

impl School {
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dala"));
        command
            .env("DALA_PASSWORD", PASSWORD)
            .env("DALA_LOGIN", LOGIN)
            .env_remove("DALA_DATA")
            .env_remove("DALA_LANG")
            .arg("--data")
            .arg(self.dir.path().join("data"))
            .args(["--lang", "en"])
            .args(args);
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the dala binary runs")
    }

    fn succeeds(&self, args: &[&str]) -> Output {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "dala {} failed:\n{}",
            args.join(" "),
            text(&output)
        );
        output
    }

    /// Enrolments current today in the school's JSON export: what the hub's report counts.
    fn current_enrolments(&self) -> usize {
        let out = self.dir.path().join("export.json");
        let out_arg = out.to_str().expect("a UTF-8 path");
        self.succeeds(&["export", "--format", "json", "--out", out_arg]);
        let export: Value =
            serde_json::from_str(&std::fs::read_to_string(&out).expect("the export"))
                .expect("valid JSON");
        let today = dala_core::year::school_date(Utc::now());
        let date = |v: &Value| v.as_str().and_then(|s| s.parse::<NaiveDate>().ok());
        export["enrolments"]
            .as_array()
            .expect("an enrolments list")
            .iter()
            .filter(|e| date(&e["from_date"]).is_some_and(|from| from <= today))
            .filter(|e| e["to_date"].is_null() || date(&e["to_date"]).is_some_and(|to| to >= today))
            .count()
    }

    /// Imports `count` new pupils with valid IINs, unique by their birth dates.
    fn add_pupils(&self, iteration: u64, count: u64) {
        let mut csv = String::from("last_name,first_name,iin,birth_date,sex,class\n");
        for j in 0..count {
            let n = iteration * 2 + j;
            let birth = NaiveDate::from_ymd_opt(2013, 1, 1).expect("a date") + Days::new(n);
            let sex = if n.is_multiple_of(2) {
                Sex::Male
            } else {
                Sex::Female
            };
            let iin = (7_000..7_050)
                .find_map(|s| Iin::generate(birth, sex, s))
                .expect("a serial the registry issues");
            let class = CLASSES[(n % CLASSES.len() as u64) as usize];
            let (sex, first) = match sex {
                Sex::Male => ("m", "Ерлан"),
                Sex::Female => ("f", "Аружан"),
            };
            csv.push_str(&format!(
                "Сынақов{iteration}x{j},{first},{},{birth},{sex},{class}\n",
                iin.as_str()
            ));
        }
        let file = self.dir.path().join(format!("pupils-{iteration}.csv"));
        std::fs::write(&file, csv).expect("the CSV is written");
        self.succeeds(&["import", "students", file.to_str().expect("a UTF-8 path")]);
    }
}

/// The hub: its data folder, its port and its current `serve` process, whose output goes to a
/// log file kept across restarts.
struct Hub {
    bin: PathBuf,
    dir: TempDir,
    port: u16,
    child: Option<Child>,
    starts: u32,
    tls: bool,
}

impl Hub {
    fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://127.0.0.1:{}", self.port)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("hub")
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("serve.log")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(&self.bin)
            .env_remove("DALA_HUB_DATABASE")
            .arg("--data")
            .arg(self.data())
            .args(args)
            .output()
            .expect("the dala-hub binary runs")
    }

    fn start(&mut self) {
        assert!(self.child.is_none(), "the hub is already running");
        self.starts += 1;
        let log = File::options()
            .create(true)
            .append(true)
            .open(self.log())
            .expect("the hub's log");
        let err = log.try_clone().expect("the hub's log");
        let port = self.port.to_string();
        let mut args = vec!["serve", "--port", &port];
        if !self.tls {
            args.push("--loopback-http");
        }
        let mut child = Command::new(&self.bin)
            .env_remove("DALA_HUB_DATABASE")
            .arg("--data")
            .arg(self.data())
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(err))
            .spawn()
            .expect("dala-hub serve starts");
        let started = Instant::now();
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                break;
            }
            if let Some(status) = child.try_wait().expect("the hub's status") {
                panic!(
                    "dala-hub serve (start #{}) exited with {status} before accepting connections:\n{}",
                    self.starts,
                    self.log_tail()
                );
            }
            if started.elapsed() > HUB_START_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "dala-hub serve (start #{}) did not accept connections on port {} in {:?}:\n{}",
                    self.starts,
                    self.port,
                    HUB_START_TIMEOUT,
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.child = Some(child);
    }

    /// SIGKILL, as `kill -9`.
    fn kill(&mut self) {
        let mut child = self.child.take().expect("the hub is running");
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "the hub had died on its own ({status}) before it was killed:\n{}",
                self.log_tail()
            );
        }
        child.kill().expect("the hub is killed");
        child.wait().expect("the killed hub is reaped");
    }

    fn log_tail(&self) -> String {
        let Ok(mut file) = File::open(self.log()) else {
            return "(no log)".into();
        };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let _ = file.seek(SeekFrom::Start(len.saturating_sub(6_000)));
        let mut tail = Vec::new();
        let _ = file.read_to_end(&mut tail);
        String::from_utf8_lossy(&tail).into_owned()
    }

    /// The organisation's row of `dala-hub report --format json`.
    fn report(&self) -> Value {
        let output = self.run(&["report", "--format", "json"]);
        assert!(
            output.status.success(),
            "dala-hub report failed:\n{}",
            text(&output)
        );
        let report: Value = serde_json::from_slice(&output.stdout).expect("the report is JSON");
        report["organisations"]
            .as_array()
            .and_then(|orgs| orgs.iter().find(|o| o["name"] == ORG_NAME))
            .cloned()
            .unwrap_or_else(|| panic!("no {ORG_NAME} in the hub's report: {report}"))
    }

    fn pupils(&self) -> u64 {
        let row = self.report();
        row["pupils"]
            .as_u64()
            .unwrap_or_else(|| panic!("no pupils figure: {row}"))
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// Waits for a process with a deadline; a hang is a failure, not a stall of the test.
fn wait_output(mut child: Child, what: &str) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().expect("the process's status").is_some() {
            return child.wait_with_output().expect("its output");
        }
        if started.elapsed() > CLIENT_TIMEOUT {
            let _ = child.kill();
            let output = child.wait_with_output().expect("its output");
            panic!("{what} hung for {CLIENT_TIMEOUT:?}:\n{}", text(&output));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[derive(Default)]
struct Tally {
    kills_client: u32,
    kills_hub: u32,
    kills_both: u32,
    /// Client processes that had already exited when their kill came.
    exited_before_kill: u32,
    syncs_done: u32,
    syncs_failed: u32,
    /// Cut clients by the last phase they had printed: none yet (unlocking, connecting or at
    /// the manifest), rounds, done.
    cut_silent: u32,
    cut_in_rounds: u32,
    cut_done: u32,
    hub_checks: u32,
    time_import: Duration,
    time_sync: Duration,
    time_hub_start: Duration,
    time_check: Duration,
    time_report: Duration,
}

#[test]
fn killing_client_and_hub_at_random_moments_loses_no_acknowledged_change() {
    let began = Instant::now();
    let iterations: u64 = std::env::var("DALA_CRASH_ITERATIONS")
        .ok()
        .map(|v| v.parse().expect("DALA_CRASH_ITERATIONS is a number"))
        .unwrap_or(200);

    let mut hub = Hub {
        bin: hub_binary(),
        dir: tempfile::tempdir().expect("a temporary folder"),
        port: free_port(),
        child: None,
        starts: 0,
        tls: std::env::var("DALA_CRASH_TLS").is_ok_and(|v| v == "1"),
    };
    let enrolled = hub.run(&["enroll", "--org-name", ORG_NAME]);
    assert!(enrolled.status.success(), "{}", text(&enrolled));
    let code = String::from_utf8_lossy(&enrolled.stdout)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .expect("the code on the last line")
        .trim()
        .to_string();

    let school = School {
        dir: tempfile::tempdir().expect("a temporary folder"),
    };
    school.succeeds(&["demo", "--kind", "school"]);
    let mut written = school.current_enrolments() as u64;
    hub.start();
    let url = hub.url();
    school.succeeds(&["sync", "enroll", "--hub", &url, "--code", &code]);
    eprintln!(
        "setup: demo school with {written} current enrolments, hub on {url}, {:.1?}",
        began.elapsed()
    );

    let mut tally = Tally::default();
    // Pupils the school had written when its last completed sync began: the hub said it has them.
    let mut acknowledged = 0u64;
    let mut sync_times = Vec::new();
    let loop_began = Instant::now();
    for iteration in 0..iterations {
        let mut rng = Rng::for_iteration(iteration);
        let new = 1 + rng.below(2);
        let step = Instant::now();
        school.add_pupils(iteration, new);
        let import_time = step.elapsed();
        tally.time_import += import_time;
        written += new;

        let delay = Duration::from_millis(rng.below(401));
        let victim = match rng.below(3) {
            0 => Victim::Client,
            1 => Victim::Hub,
            _ => Victim::Both,
        };
        let started = Instant::now();
        let mut client = school
            .command(&["sync", "now"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dala sync now starts");
        std::thread::sleep(delay);
        let exited_early = client.try_wait().expect("the client's status").is_some();
        if exited_early {
            tally.exited_before_kill += 1;
        }
        match victim {
            Victim::Client => tally.kills_client += 1,
            Victim::Hub => tally.kills_hub += 1,
            Victim::Both => tally.kills_both += 1,
        }
        if matches!(victim, Victim::Client | Victim::Both) && !exited_early {
            client.kill().expect("the client is killed");
        }
        if matches!(victim, Victim::Hub | Victim::Both) {
            hub.kill();
        }
        let output = wait_output(client, "dala sync now");
        tally.time_sync += started.elapsed();
        let describe = |hub: &Hub| {
            format!(
                "iteration {iteration}: {victim:?} killed after {delay:?} (client exited before: \
                 {exited_early}); dala sync now:\n{}\n--- hub log (tail) ---\n{}",
                text(&output),
                hub.log_tail()
            )
        };
        let completed = output.status.success();
        if completed {
            let done = sync_done(&output);
            assert_eq!(
                done.refused,
                0,
                "the hub refused documents: {}",
                describe(&hub)
            );
            sync_times.push(started.elapsed());
            tally.syncs_done += 1;
            acknowledged = written;
        } else {
            tally.syncs_failed += 1;
            let stderr = String::from_utf8_lossy(&output.stderr);
            if stderr.contains("done ") {
                tally.cut_done += 1;
            } else if stderr.contains("rounds ") {
                tally.cut_in_rounds += 1;
            } else {
                tally.cut_silent += 1;
            }
        }
        if hub.child.is_none() {
            let step = Instant::now();
            hub.start();
            tally.time_hub_start += step.elapsed();
        }

        let step = Instant::now();
        let check = school.run(&["check"]);
        let check_time = step.elapsed();
        tally.time_check += check_time;
        assert!(
            check.status.success(),
            "dala check failed after the kill:\n{}\n--- dala check ---\n{}",
            describe(&hub),
            text(&check)
        );

        if iteration.is_multiple_of(25) {
            eprintln!(
                "iteration {iteration}: {victim:?} killed after {delay:?}, sync {}; import took \
                 {import_time:.1?}, check {check_time:.1?}; {:.1?} so far",
                if completed { "completed" } else { "cut" },
                loop_began.elapsed()
            );
        }

        // Regularly, and after every sync that completed (whatever was killed after it).
        if iteration % 10 == 9 || completed {
            tally.hub_checks += 1;
            let step = Instant::now();
            let pupils = hub.pupils();
            tally.time_report += step.elapsed();
            assert!(
                (acknowledged..=written).contains(&pupils),
                "iteration {iteration}: the hub counts {pupils} pupils; acknowledged by a \
                 completed sync: {acknowledged}, written by the school: {written}\n{}",
                describe(&hub)
            );
        }
    }
    let loop_time = loop_began.elapsed();

    // One sync with nothing killed delivers everything; a second one finds nothing to do.
    let output = school.succeeds(&["sync", "now"]);
    let first = sync_done(&output);
    assert_eq!(first.refused, 0, "{}", text(&output));
    let output = school.succeeds(&["sync", "now"]);
    let second = sync_done(&output);
    assert!(
        second.docs == 0 && second.rounds == 0 && second.refused == 0,
        "a sync right after a completed one still had work: {second:?}\n{}",
        text(&output)
    );
    school.succeeds(&["check"]);
    let row = hub.report();
    let current = school.current_enrolments() as u64;
    assert_eq!(
        current, written,
        "the school's own count of current enrolments"
    );
    assert_eq!(
        row["pupils"].as_u64(),
        Some(current),
        "the hub must count every pupil the school enrolled: {row}"
    );
    assert!(
        row["oldest_undelivered"].is_null(),
        "nothing may be left undelivered: {row}"
    );

    let median = {
        sync_times.sort();
        sync_times.get(sync_times.len() / 2).copied()
    };
    let t = &tally;
    eprintln!(
        "sync crash test: {iterations} iterations in {loop_time:.1?} (total {:.1?})\n\
         kills: client {}, hub {}, both {}; client already exited at its kill: {}\n\
         syncs completed before the kill: {} (median {median:?}); failed or cut: {} (last phase \
         printed: none {}, rounds {}, done {})\n\
         hub restarts: {}; hub checks in the loop: {}; final sync: {} docs in {} rounds; the hub \
         counts {current} pupils\n\
         time in import {:.1?}, sync {:.1?}, hub start {:.1?}, check {:.1?}, hub report {:.1?}",
        began.elapsed(),
        t.kills_client,
        t.kills_hub,
        t.kills_both,
        t.exited_before_kill,
        t.syncs_done,
        t.syncs_failed,
        t.cut_silent,
        t.cut_in_rounds,
        t.cut_done,
        hub.starts - 1,
        t.hub_checks,
        first.docs,
        first.rounds,
        t.time_import,
        t.time_sync,
        t.time_hub_start,
        t.time_check,
        t.time_report,
    );
}
