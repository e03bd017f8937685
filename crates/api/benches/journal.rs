//! The journal as a teacher waits for it, through the whole API (JSON in, session, permission,
//! rules, automerge change, projection, audit, commit, JSON out):
//!
//! - **save**: a 30-pupil register's marks for one lesson in one `saveMarks` request, beside 30
//!   plain SQLCipher inserts in one transaction of the same run (the cheapest encrypted write of
//!   the same cells). The ratio of the medians is the figure tracked.
//! - **open**: `getJournal` of a 30 × 60 register (1 800 marks).
//!
//! p50 and p95 over many samples, because a teacher notices the slow ones. Run with
//! `cargo bench -p dala-api --bench journal`.

use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{NaiveDate, Utc};
use dala_api::{ApiState, router};
use dala_core::Command;
use dala_core::account::{Account, Role};
use dala_core::assignment::Assignment;
use dala_core::enrolment::Enrolment;
use dala_core::group::Class;
use dala_core::iin::Sex;
use dala_core::journal::{Acting, CellEdit, Lesson, LessonKind, Mark};
use dala_core::org::{Language, OrgKind};
use dala_core::person::{Person, PersonKind};
use dala_core::year::{self, AcademicYear, Term};
use dala_store::{KdfParams, Setup, Store};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use uuid::Uuid;

const PUPILS: usize = 30;
const LESSONS: usize = 60;
const SAMPLES: usize = 300;
const PASSWORD: &str = "bench-password-1";
const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

struct Register {
    class: Uuid,
    term: Uuid,
    pupils: Vec<Uuid>,
    lessons: Vec<Uuid>,
}

/// A school with one class of 30 pupils and a term journal of 60 past lessons, every cell marked.
fn school(dir: &std::path::Path) -> Register {
    let setup = Setup {
        kind: OrgKind::School,
        name: "Bench",
        admin_login: "director",
        password: PASSWORD,
        kdf: CHEAP,
    };
    let now = Utc::now();
    let today = year::school_date(now);
    let (mut store, _) = Store::init(dir, &setup, now).unwrap();
    let start = year::start_year_of(today);
    let year = AcademicYear {
        id: Uuid::now_v7(),
        start_year: start,
        starts: NaiveDate::from_ymd_opt(start, 9, 1).unwrap(),
        ends: NaiveDate::from_ymd_opt(start + 1, 5, 25).unwrap(),
    };
    let term = Term {
        id: Uuid::now_v7(),
        year_id: year.id,
        number: 1,
        starts: year.starts,
        ends: year.ends,
    };
    let class = Class {
        id: Uuid::now_v7(),
        year_id: year.id,
        grade: 7,
        letter: "А".into(),
        language: Language::Kazakh,
    };
    let person = |kind, i: usize| Person {
        id: Uuid::now_v7(),
        kind,
        last_name: format!("Оқушы{i:02}"),
        first_name: "Әлия".into(),
        patronymic: None,
        iin: None,
        birth_date: NaiveDate::from_ymd_opt(start - 13, 3, 1).unwrap(),
        sex: Sex::Female,
        position: None,
        subject: None,
    };
    let teacher = person(PersonKind::Staff, 99);
    let pupils: Vec<Person> = (0..PUPILS)
        .map(|i| person(PersonKind::Student, i))
        .collect();
    let mut commands = vec![
        Command::AddYear {
            year: year.clone(),
            terms: vec![term.clone()],
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
    // Sixty lessons on the days up to today, up to ten a day.
    let mut lessons = Vec::new();
    for i in 0..LESSONS {
        let date = today - chrono::Days::new((i / 10) as u64);
        assert!(
            date >= term.starts,
            "the bench needs ten days of the school year behind it"
        );
        let lesson = Lesson {
            id: Uuid::now_v7(),
            class_id: class.id,
            term_id: term.id,
            subject: "mathematics".into(),
            date,
            period: (i % 10) as i64 + 1,
            topic: Some(format!("§{i}")),
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
        let cells = pupils
            .iter()
            .enumerate()
            .map(|(n, p)| CellEdit {
                lesson_id: lesson.id,
                student_id: p.id,
                mark: Mark {
                    attendance: None,
                    score: Some(((n + i) % 10) as i64 + 1),
                },
                comment: None,
            })
            .collect();
        commands.push(Command::SaveMarks {
            class_id: class.id,
            term_id: term.id,
            subject: "mathematics".into(),
            cells,
            taken: vec![],
            by: Acting::Supervisor,
        });
        lessons.push(lesson.id);
    }
    store
        .execute_batch(&commands, now)
        .map_err(|e| format!("{e:?}"))
        .unwrap();
    let account = Account {
        id: Uuid::now_v7(),
        login: "teacher".into(),
        role: Role::Teacher,
        person_id: Some(teacher.id),
        lang: "kk".into(),
        must_change_password: false,
        totp_secret: None,
    };
    store
        .create_account(&account, PASSWORD, CHEAP, now)
        .unwrap();
    Register {
        class: class.id,
        term: term.id,
        pupils: pupils.iter().map(|p| p.id).collect(),
        lessons,
    }
}

async fn call(
    app: &Router,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let body = match body {
        Some(json) => {
            request = request.header("content-type", "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    let response = app
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

struct Figures {
    p50: Duration,
    p95: Duration,
}

fn figures(mut samples: Vec<Duration>) -> Figures {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Figures {
        p50: at(0.5),
        p95: at(0.95),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Thirty rows written the cheapest encrypted way: one transaction into a plain SQLCipher table,
/// keyed raw, WAL, `synchronous = NORMAL`, as the store's own connection is.
fn plain_inserts(dir: &std::path::Path, register: &Register, round: usize) -> Duration {
    thread_local! {
        static CONN: std::cell::RefCell<Option<rusqlite::Connection>> = const { std::cell::RefCell::new(None) };
    }
    CONN.with(|cell| {
        let mut slot = cell.borrow_mut();
        let conn = slot.get_or_insert_with(|| {
            let conn = rusqlite::Connection::open(dir.join("plain.db")).unwrap();
            conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "ab".repeat(32))).unwrap();
            let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
            conn.execute_batch("PRAGMA synchronous = NORMAL;
                CREATE TABLE marks (lesson TEXT, student TEXT, value TEXT, PRIMARY KEY (lesson, student)) STRICT;").unwrap();
            conn
        });
        let start = Instant::now();
        let tx = conn.transaction().unwrap();
        {
            let mut stmt = tx.prepare_cached("INSERT OR REPLACE INTO marks (lesson, student, value) VALUES (?1, ?2, ?3)").unwrap();
            for pupil in &register.pupils {
                stmt.execute((register.lessons[0].to_string(), pupil.to_string(), (round % 10 + 1).to_string())).unwrap();
            }
        }
        tx.commit().unwrap();
        start.elapsed()
    })
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let register = school(dir.path());
    let app = router(ApiState::with_kdf(dir.path().to_path_buf(), CHEAP));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (status, session) = call(&app, "POST", "/api/v1/session", None, Some(&json!({"login": "teacher", "password": PASSWORD}))).await;
        assert_eq!(status, StatusCode::OK, "{session}");
        let token = session["token"].as_str().unwrap().to_string();
        let open_uri = format!("/api/v1/journal?class_id={}&subject=mathematics&term_id={}", register.class, register.term);

        let mut open = Vec::new();
        for _ in 0..SAMPLES / 3 {
            let start = Instant::now();
            let (status, journal) = call(&app, "GET", &open_uri, Some(&token), None).await;
            open.push(start.elapsed());
            assert_eq!(status, StatusCode::OK);
            assert_eq!(journal["marks"].as_array().map(Vec::len), Some(PUPILS * LESSONS));
        }

        let mut save = Vec::new();
        let mut plain = Vec::new();
        for round in 0..SAMPLES {
            let marks: Vec<Value> = register.pupils.iter().enumerate().map(|(n, p)| json!({
                "lesson_id": register.lessons[0], "student_id": p, "attendance": null,
                "score": (n + round) % 10 + 1, "comment": null,
            })).collect();
            let body = json!({"class_id": register.class, "subject": "mathematics", "term_id": register.term, "marks": marks});
            let start = Instant::now();
            let (status, saved) = call(&app, "POST", "/api/v1/journal/marks", Some(&token), Some(&body)).await;
            save.push(start.elapsed());
            assert_eq!(status, StatusCode::OK, "{saved}");
            plain.push(plain_inserts(dir.path(), &register, round));
        }

        let (open, save, plain) = (figures(open), figures(save), figures(plain));
        println!("journal/open 30x60 (getJournal)      p50 {}  p95 {}", ms(open.p50), ms(open.p95));
        println!("journal/save 30 marks (saveMarks)    p50 {}  p95 {}", ms(save.p50), ms(save.p95));
        println!("plain SQLCipher, 30 inserts, 1 tx    p50 {}  p95 {}", ms(plain.p50), ms(plain.p95));
        println!(
            "ratio save / plain (medians)         {:.2}x",
            save.p50.as_secs_f64() / plain.p50.as_secs_f64()
        );
    });
}
