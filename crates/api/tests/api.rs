//! The API as a client sees it: JSON over HTTP requests to the Router, with demo organisations
//! whose every account has a password. Each test asserts the status, the stable code and, for a
//! refusal, that nothing changed.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::{Datelike, Utc};
use dala_api::permission::Operation;
use dala_api::{ApiDoc, ApiState, router};
use dala_core::account::Role;
use dala_core::org::{OrgKind, Organisation};
use dala_core::totp;
use dala_store::{KdfParams, Setup, Store};
use data_encoding::BASE32_NOPAD;
use http_body_util::BodyExt;
use rand::SeedableRng;
use serde_json::{Value, json};
use tower::ServiceExt;
use utoipa::OpenApi;
use uuid::Uuid;

const PASSWORD: &str = "demo-password-1";
const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

/// A demo organisation in a temporary folder, served by a fresh (locked) API.
struct Demo {
    _dir: tempfile::TempDir,
    app: Router,
    /// Second-factor secrets of the accounts that set one up, and the step each used last.
    secrets: std::sync::Mutex<std::collections::HashMap<String, (Vec<u8>, i64)>>,
}

impl Demo {
    fn new(kind: OrgKind) -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let admin = Role::administrator(kind).code();
        let setup = Setup {
            kind,
            name: "Демо",
            admin_login: admin,
            password: PASSWORD,
            kdf: CHEAP,
        };
        let (mut store, _) = Store::init(dir.path(), &setup, Utc::now()).unwrap();
        let org = store.list::<Organisation>().unwrap()[0].id;
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let today = dala_core::year::school_date(Utc::now());
        let demo = match kind {
            OrgKind::School => dala_core::demo::school(org, today, &mut rng, &mut Uuid::now_v7),
            OrgKind::Kindergarten => {
                dala_core::demo::kindergarten(org, today, &mut rng, &mut Uuid::now_v7)
            }
        };
        store.execute_batch(&demo.commands, Utc::now()).unwrap();
        for account in demo.accounts.iter().filter(|a| a.login != admin) {
            store
                .create_account(account, PASSWORD, CHEAP, Utc::now())
                .unwrap();
        }
        drop(store);
        let app = router(ApiState::with_kdf(dir.path().to_path_buf(), CHEAP));
        Demo {
            _dir: dir,
            app,
            secrets: Default::default(),
        }
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.call_in("kk", method, path, token, body).await
    }

    async fn call_in(
        &self,
        lang: &str,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header("accept-language", lang)
            .header("user-agent", "api-test");
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
        let response = self
            .app
            .clone()
            .oneshot(request.body(body).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, json)
    }

    /// A request with a body of bytes, answered with its headers and bytes: files and bundles.
    async fn call_bytes(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Vec<u8>,
    ) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let request = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header("accept-language", "en")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/octet-stream")
            .body(Body::from(body))
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let (status, headers) = (response.status(), response.headers().clone());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// A JSON request whose answer is a file.
    async fn post_for_file(&self, path: &str, token: &str, body: Value) -> (StatusCode, Vec<u8>) {
        let request = Request::builder()
            .method(Method::POST)
            .uri(format!("/api/v1{path}"))
            .header("accept-language", "en")
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, bytes.to_vec())
    }

    /// The store itself, for what no endpoint does; only before the API has unlocked it.
    fn store(&self) -> Store {
        Store::unlock(self._dir.path(), "director", PASSWORD, Utc::now()).unwrap()
    }

    /// The next code of an account's authenticator: each login needs a step not used before.
    fn next_code(&self, login: &str) -> Option<String> {
        let mut secrets = self.secrets.lock().unwrap();
        let (secret, last) = secrets.get_mut(login)?;
        let step = (totp::step_of(Utc::now().timestamp()) - 1).max(*last + 1);
        *last = step;
        Some(totp::code_at(secret, step))
    }

    /// Logs in as a person would, setting up the second factor when the role asks for one.
    async fn login(&self, login: &str) -> String {
        let request = json!({"login": login, "password": PASSWORD, "totp": self.next_code(login)});
        let (status, body) = self
            .call(Method::POST, "/session", None, Some(request))
            .await;
        assert_eq!(status, StatusCode::OK, "{login}: {body}");
        let token = body["token"].as_str().unwrap().to_string();
        if body["must_setup_second_factor"] == true {
            let (_, new) = self
                .call(Method::POST, "/me/second-factor", Some(&token), None)
                .await;
            let secret = BASE32_NOPAD
                .decode(new["secret"].as_str().unwrap().as_bytes())
                .unwrap();
            let step = totp::step_of(Utc::now().timestamp());
            let code = json!({"code": totp::code_at(&secret, step)});
            let path = "/me/second-factor/confirm";
            let (status, body) = self
                .call(Method::POST, path, Some(&token), Some(code))
                .await;
            assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
            self.secrets
                .lock()
                .unwrap()
                .insert(login.to_string(), (secret, step - 2));
        }
        token
    }
}

#[tokio::test]
async fn me_without_a_token_is_401_in_the_callers_language() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let (status, body) = demo.call(Method::GET, "/me", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "auth.unauthenticated");
    assert_eq!(body["message"], "Жүйеге кіріңіз.");
    let (_, body) = demo
        .call_in(
            "ru-RU,ru;q=0.9",
            Method::GET,
            "/me",
            Some("not-a-token"),
            None,
        )
        .await;
    assert_eq!(body["message"], "Войдите в систему.");
    let token = demo.login("head").await;
    let (status, me) = demo.call(Method::GET, "/me", Some(&token), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (me["login"].as_str(), me["role"].as_str()),
        (Some("head"), Some("head"))
    );
    assert_eq!(me["organisation"]["kind"], "kindergarten");
}

#[tokio::test]
async fn a_teacher_may_not_create_an_account_and_nothing_changes() {
    let demo = Demo::new(OrgKind::School);
    let director = demo.login("director").await;
    let (_, before) = demo
        .call(Method::GET, "/accounts", Some(&director), None)
        .await;
    let teacher = demo.login("teacher").await;
    let new = json!({"login": "newbie", "role": "teacher", "initial_password": "first-pass-1", "person_id": null});
    let (status, body) = demo
        .call(Method::POST, "/accounts", Some(&teacher), Some(new.clone()))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "auth.forbidden");
    let (_, after) = demo
        .call(Method::GET, "/accounts", Some(&director), None)
        .await;
    assert_eq!(after, before);

    let (status, created) = demo
        .call(Method::POST, "/accounts", Some(&director), Some(new))
        .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["must_change_password"], true);
    let (status, login) = demo
        .call(
            Method::POST,
            "/session",
            None,
            Some(json!({"login": "newbie", "password": "first-pass-1"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(login["must_change_password"], true);
    let token = login["token"].as_str().unwrap();
    let change = json!({"current": "first-pass-1", "new": "my-own-pass-2"});
    let (status, _) = demo
        .call(Method::POST, "/me/password", Some(token), Some(change))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, me) = demo.call(Method::GET, "/me", Some(token), None).await;
    assert_eq!(me["must_change_password"], false);
    let old = json!({"login": "newbie", "password": "first-pass-1"});
    assert_eq!(
        demo.call(Method::POST, "/session", None, Some(old)).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_failed_login_is_listed_without_the_password() {
    let demo = Demo::new(OrgKind::School);
    let tried = "guessed-Secret-77";
    let (status, body) = demo
        .call(
            Method::POST,
            "/session",
            None,
            Some(json!({"login": "teacher", "password": tried})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("auth.invalid_credentials"))
    );
    let director = demo.login("director").await;
    let (status, attempts) = demo
        .call(Method::GET, "/login-attempts", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let list = attempts.as_array().unwrap();
    assert_eq!(list.len(), 1, "{attempts}");
    assert_eq!(list[0]["login"], "teacher");
    assert_eq!(list[0]["device"], "api-test");
    assert!(!attempts.to_string().contains(tried));
    let (_, audit) = demo
        .call(Method::GET, "/audit", Some(&director), None)
        .await;
    assert!(!audit.to_string().contains(tried));
    let teacher = demo.login("teacher").await;
    assert_eq!(
        demo.call(Method::GET, "/login-attempts", Some(&teacher), None)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_audit_log_shows_logins_and_account_changes_to_the_director_only() {
    let demo = Demo::new(OrgKind::School);
    let director = demo.login("director").await;
    let accounts = demo
        .call(Method::GET, "/accounts", Some(&director), None)
        .await
        .1;
    let tutor = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["login"] == "tutor")
        .unwrap()
        .clone();
    let path = format!("/accounts/{}", tutor["id"].as_str().unwrap());
    let (status, changed) = demo
        .call(
            Method::PATCH,
            &path,
            Some(&director),
            Some(json!({"role": "methodist"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["role"], "methodist");

    let (status, audit) = demo
        .call(Method::GET, "/audit?login=director", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let entries = audit.as_array().unwrap();
    assert!(entries.iter().any(|e| e["action"] == "session.login"));
    let role_change = entries
        .iter()
        .find(|e| e["action"] == "account.update")
        .expect("the role change");
    assert!(
        role_change["before"]
            .as_str()
            .unwrap()
            .contains("\"tutor\"")
    );
    assert!(
        role_change["after"]
            .as_str()
            .unwrap()
            .contains("\"methodist\"")
    );
    assert!(entries.iter().all(|e| e["login"] == "director"));
    let today = Utc::now().date_naive();
    let tomorrow = today.succ_opt().unwrap();
    let (_, none) = demo
        .call(
            Method::GET,
            &format!("/audit?from={tomorrow}"),
            Some(&director),
            None,
        )
        .await;
    assert_eq!(none.as_array().unwrap().len(), 0);

    let teacher = demo.login("teacher").await;
    let (status, body) = demo.call(Method::GET, "/audit", Some(&teacher), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("auth.forbidden"))
    );
}

#[tokio::test]
async fn repeated_failures_lock_the_login_even_for_the_right_password() {
    let demo = Demo::new(OrgKind::Kindergarten);
    for _ in 0..5 {
        let wrong = json!({"login": "educator", "password": "wrong-password"});
        assert_eq!(
            demo.call(Method::POST, "/session", None, Some(wrong))
                .await
                .0,
            StatusCode::UNAUTHORIZED
        );
    }
    let right = json!({"login": "educator", "password": PASSWORD});
    let (status, body) = demo.call(Method::POST, "/session", None, Some(right)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "auth.locked");
    assert!(
        body["retry_after_seconds"].as_u64().unwrap() >= 20,
        "{body}"
    );
    demo.login("head").await;
}

#[tokio::test]
async fn the_last_director_cannot_be_removed_or_demoted() {
    let demo = Demo::new(OrgKind::School);
    let director = demo.login("director").await;
    let accounts = demo
        .call(Method::GET, "/accounts", Some(&director), None)
        .await
        .1;
    let id = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["login"] == "director")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, body) = demo
        .call(
            Method::DELETE,
            &format!("/accounts/{id}"),
            Some(&director),
            None,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("account.last_administrator")
        )
    );
    let demote = json!({"role": "teacher"});
    let (_, body) = demo
        .call(
            Method::PATCH,
            &format!("/accounts/{id}"),
            Some(&director),
            Some(demote),
        )
        .await;
    assert_eq!(body["code"], "account.last_administrator");
    let after = demo
        .call(Method::GET, "/accounts", Some(&director), None)
        .await
        .1;
    assert_eq!(after, accounts);

    let parent = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["login"] == "parent")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = demo
        .call(
            Method::DELETE,
            &format!("/accounts/{parent}"),
            Some(&director),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let gone = json!({"login": "parent", "password": PASSWORD});
    assert_eq!(
        demo.call(Method::POST, "/session", None, Some(gone))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
}

/// The teacher's first class and subject, and a term that has begun.
async fn teachers_register(demo: &Demo, token: &str) -> (String, String, Value) {
    let (status, list) = demo
        .call(Method::GET, "/journal/classes", Some(token), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let class = list["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["graded"] == true)
        .expect("the demo teacher has a graded class")
        .clone();
    let subject = class["subjects"][0]["subject"]
        .as_str()
        .unwrap()
        .to_string();
    let term_id = list["current_term_id"].as_str().unwrap().to_string();
    let term = list["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == term_id.as_str())
        .unwrap()
        .clone();
    (
        class["class_id"].as_str().unwrap().to_string(),
        subject,
        term,
    )
}

/// A lesson the test adds on the last day of the term so far, in a period the demo leaves free.
async fn add_lesson(
    demo: &Demo,
    token: &str,
    class: &str,
    subject: &str,
    term: &Value,
    period: i64,
    kind: &str,
) -> Value {
    let today = dala_core::year::school_date(Utc::now()).to_string();
    let ends = term["ends"].as_str().unwrap().to_string();
    let date = if today < ends { today } else { ends };
    let lesson = json!({"class_id": class, "subject": subject, "term_id": term["id"],
        "date": date, "period": period, "topic": "Бөлшектер", "homework": "№ 12",
        "kind": kind, "max_score": if kind == "ordinary" { Value::Null } else { json!(20) }});
    let (status, body) = demo
        .call(Method::POST, "/journal/lessons", Some(token), Some(lesson))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn a_teacher_marks_a_whole_register_in_one_request_and_sees_the_grades() {
    let demo = Demo::new(OrgKind::School);
    let teacher = demo.login("teacher").await;
    let (class, subject, term) = teachers_register(&demo, &teacher).await;
    let ordinary = add_lesson(&demo, &teacher, &class, &subject, &term, 10, "ordinary").await;
    let sor = add_lesson(&demo, &teacher, &class, &subject, &term, 11, "sor").await;
    let path = format!(
        "/journal?class_id={class}&subject={subject}&term_id={}",
        term["id"].as_str().unwrap()
    );
    let (status, journal) = demo.call(Method::GET, &path, Some(&teacher), None).await;
    assert_eq!(status, StatusCode::OK, "{journal}");
    let students: Vec<String> = journal["students"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert!(students.len() >= 10);

    // Every pupil: the first absent, the rest a formative mark and a СОр score.
    let mut marks = vec![
        json!({"lesson_id": ordinary["id"], "student_id": students[0],
        "attendance": "absent", "score": null, "comment": null}),
    ];
    for s in &students[1..] {
        marks.push(json!({"lesson_id": ordinary["id"], "student_id": s, "attendance": null, "score": 9, "comment": null}));
        marks.push(json!({"lesson_id": sor["id"], "student_id": s, "attendance": null, "score": 15, "comment": null}));
    }
    let body =
        json!({"class_id": class, "subject": subject, "term_id": term["id"], "marks": marks});
    let (status, saved) = demo
        .call(Method::POST, "/journal/marks", Some(&teacher), Some(body))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(
        saved["marks"].as_array().unwrap().len(),
        2 * students.len() - 1
    );
    assert_eq!(saved["marks"][0]["attendance"], "absent");
    assert!(
        saved["lessons"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["taken"] == true)
    );
    let grade = saved["grades"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["student_id"] == students[1].as_str())
        .unwrap()
        .clone();
    // The СОр counts beside the formative marks; without a СОч the two share the total.
    let sor_percent = grade["sor_percent"].as_f64().unwrap();
    assert!(sor_percent > 0.0 && sor_percent <= 100.0, "{grade}");
    assert!(grade["total_percent"].as_f64().unwrap() > 0.0);
    assert!(grade["grade"].as_i64().is_some());
    assert_eq!(grade["soch_percent"], Value::Null);

    let grades_path = format!(
        "/journal/grades?class_id={class}&subject={subject}&term_id={}",
        term["id"].as_str().unwrap()
    );
    let (status, grades) = demo
        .call(Method::GET, &grades_path, Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(grades, saved["grades"]);
    let year_path = format!("/journal/year-grades?class_id={class}&subject={subject}");
    let (status, year) = demo
        .call(Method::GET, &year_path, Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{year}");
    assert_eq!(year[0]["terms"].as_array().unwrap().len(), 4);

    // A lesson with marks stays; the deputy reads the same register.
    let lesson_path = format!("/journal/lessons/{}", ordinary["id"].as_str().unwrap());
    let (status, body) = demo
        .call(Method::DELETE, &lesson_path, Some(&teacher), None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("journal.lesson_has_marks")
        )
    );
    let deputy = demo.login("deputy").await;
    let (status, seen) = demo.call(Method::GET, &path, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::OK);
    // The save answered from the register it kept open; a fresh read agrees with it cell by cell.
    assert_eq!(seen["grades"], saved["grades"]);
    for mark in saved["marks"].as_array().unwrap() {
        assert!(seen["marks"].as_array().unwrap().contains(mark), "{mark}");
    }
}

#[tokio::test]
async fn a_refused_register_names_the_cell_and_changes_nothing() {
    let demo = Demo::new(OrgKind::School);
    let teacher = demo.login("teacher").await;
    let (class, subject, term) = teachers_register(&demo, &teacher).await;
    let lesson = add_lesson(&demo, &teacher, &class, &subject, &term, 10, "ordinary").await;
    let path = format!(
        "/journal?class_id={class}&subject={subject}&term_id={}",
        term["id"].as_str().unwrap()
    );
    let (_, before) = demo.call(Method::GET, &path, Some(&teacher), None).await;
    let student = before["students"][0]["id"].clone();
    let cell = |score: Value, attendance: Value| json!({"lesson_id": lesson["id"], "student_id": student, "attendance": attendance, "score": score, "comment": null});
    let cases = [
        (
            vec![cell(json!(8), Value::Null), cell(json!(11), Value::Null)],
            "journal.score_out_of_range",
            1,
        ),
        (
            vec![cell(json!(5), json!("absent"))],
            "journal.absent_with_score",
            0,
        ),
        (
            vec![cell(Value::Null, json!("asleep"))],
            "store.document_corrupt",
            0,
        ),
    ];
    for (marks, code, index) in cases {
        let body =
            json!({"class_id": class, "subject": subject, "term_id": term["id"], "marks": marks});
        let (status, refused) = demo
            .call_in(
                "ru",
                Method::POST,
                "/journal/marks",
                Some(&teacher),
                Some(body),
            )
            .await;
        assert!(status.is_client_error(), "{refused}");
        assert_eq!(refused["code"], code);
        assert_eq!(refused["index"], index, "{refused}");
        assert!(!refused["message"].as_str().unwrap().is_empty());
        let (_, after) = demo.call(Method::GET, &path, Some(&teacher), None).await;
        assert_eq!(after, before, "{code} changed the register");
    }
    // Another teacher's class is not theirs to mark, nor to read.
    let other = demo.login("teacher2").await;
    let body = json!({"class_id": class, "subject": subject, "term_id": term["id"], "marks": [cell(json!(8), Value::Null)]});
    let (status, refused) = demo
        .call(Method::POST, "/journal/marks", Some(&other), Some(body))
        .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("journal.not_your_class"))
    );
    let (status, _) = demo.call(Method::GET, &path, Some(&other), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Malformed JSON is a clear error with a code, not a bare text.
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/journal/marks")
        .header("authorization", format!("Bearer {teacher}"))
        .header("content-type", "application/json")
        .body(Body::from("{\"class_id\": 12"))
        .unwrap();
    let response = demo.app.clone().oneshot(request).await.unwrap();
    assert!(response.status().is_client_error());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(body["code"], "api.bad_request");
    let (_, after) = demo.call(Method::GET, &path, Some(&teacher), None).await;
    assert_eq!(after, before);
}

/// The request that exercises an operation: harmless, and telling 403 from everything else.
fn request_for(operation: Operation) -> (Method, String, Option<Value>) {
    let nobody = Uuid::now_v7();
    match operation {
        Operation::Me => (Method::GET, "/me".into(), None),
        Operation::Logout => (Method::DELETE, "/session".into(), None),
        Operation::ChangePassword => (
            Method::POST,
            "/me/password".into(),
            Some(json!({"current": "not-it", "new": "x"})),
        ),
        Operation::SetLanguage => (Method::PUT, "/me/lang".into(), Some(json!({"lang": "ru"}))),
        Operation::Home => (Method::GET, "/home".into(), None),
        Operation::Status => (Method::GET, "/status".into(), None),
        Operation::ListAccounts => (Method::GET, "/accounts".into(), None),
        Operation::CreateAccount => (
            Method::POST,
            "/accounts".into(),
            Some(
                json!({"login": "x", "role": "parent", "initial_password": "p", "person_id": null}),
            ),
        ),
        Operation::UpdateAccount => (
            Method::PATCH,
            format!("/accounts/{nobody}"),
            Some(json!({})),
        ),
        Operation::DeleteAccount => (Method::DELETE, format!("/accounts/{nobody}"), None),
        Operation::AuditLog => (Method::GET, "/audit".into(), None),
        Operation::StartSecondFactor => (Method::POST, "/me/second-factor".into(), None),
        Operation::ConfirmSecondFactor => (
            Method::POST,
            "/me/second-factor/confirm".into(),
            Some(json!({"code": "not-a-code"})),
        ),
        Operation::ListLoginAttempts => (Method::GET, "/login-attempts".into(), None),
        Operation::ListClasses => (Method::GET, "/journal/classes".into(), None),
        Operation::GetJournal => (
            Method::GET,
            format!("/journal?class_id={nobody}&subject=mathematics&term_id={nobody}"),
            None,
        ),
        Operation::SaveMarks => (
            Method::POST,
            "/journal/marks".into(),
            Some(
                json!({"class_id": nobody, "subject": "mathematics", "term_id": nobody, "marks": []}),
            ),
        ),
        Operation::TermGrades => (
            Method::GET,
            format!("/journal/grades?class_id={nobody}&subject=mathematics&term_id={nobody}"),
            None,
        ),
        Operation::YearGrades => (
            Method::GET,
            format!("/journal/year-grades?class_id={nobody}&subject=mathematics"),
            None,
        ),
        Operation::AddLesson => (
            Method::POST,
            "/journal/lessons".into(),
            Some(
                json!({"class_id": nobody, "subject": "mathematics", "term_id": nobody,
                "date": "2026-11-23", "period": 1, "topic": null, "homework": null,
                "kind": "ordinary", "max_score": null}),
            ),
        ),
        Operation::UpdateLesson => (
            Method::PATCH,
            format!("/journal/lessons/{nobody}"),
            Some(json!({"topic": "x"})),
        ),
        Operation::DeleteLesson => (Method::DELETE, format!("/journal/lessons/{nobody}"), None),
        Operation::ListGroups => (Method::GET, "/attendance/groups".into(), None),
        Operation::GroupAttendance => (
            Method::GET,
            format!("/attendance?group_id={nobody}&month=2026-11"),
            None,
        ),
        Operation::SaveGroupAttendance => (
            Method::POST,
            "/attendance".into(),
            Some(json!({"group_id": nobody, "month": "2026-11", "cells": [], "taken": []})),
        ),
        Operation::AttendanceSheet => (
            Method::GET,
            format!("/attendance/sheet?group_id={nobody}&month=2026-11&format=xlsx"),
            None,
        ),
        Operation::Oversight => (
            Method::GET,
            "/oversight?from=2026-11-01&to=2026-11-23".into(),
            None,
        ),
        Operation::AttendanceReport => (
            Method::GET,
            format!(
                "/reports/attendance?class_id={nobody}&from=2026-11-01&to=2026-11-23&format=json"
            ),
            None,
        ),
        Operation::GradesReport => (
            Method::GET,
            format!("/reports/grades?class_id={nobody}&term_id={nobody}&format=json"),
            None,
        ),
        Operation::MyJournal => (Method::GET, "/me/journal".into(), None),
        Operation::LoadReport => (Method::GET, "/load?format=json".into(), None),
        Operation::GetTimetable => (Method::GET, "/timetable".into(), None),
        Operation::CheckTimetableMove => (
            Method::POST,
            "/timetable/check".into(),
            Some(json!({"lesson_id": nobody, "day": 1, "period": 1})),
        ),
        Operation::MoveTimetableLesson => (
            Method::POST,
            "/timetable/move".into(),
            Some(json!({"lesson_id": nobody, "day": 1, "period": 1})),
        ),
        Operation::PinTimetableLesson => (
            Method::POST,
            "/timetable/pin".into(),
            Some(json!({"lesson_id": nobody, "pinned": true})),
        ),
        Operation::GenerateTimetable => (
            Method::POST,
            "/timetable/generate".into(),
            Some(json!({"seconds": 1})),
        ),
        Operation::GenerateStatus => (Method::GET, "/timetable/generate".into(), None),
        Operation::StopGenerate => (Method::DELETE, "/timetable/generate".into(), None),
        Operation::ExportTimetable => (Method::GET, "/timetable/export?format=xlsx".into(), None),
        Operation::SaveAssignment => (
            Method::POST,
            "/load/assignments".into(),
            Some(
                json!({"teacher_id": nobody, "class_id": nobody, "subject": "mathematics",
                "subgroup": null, "hours": null}),
            ),
        ),
        Operation::RemoveAssignment => {
            (Method::DELETE, format!("/load/assignments/{nobody}"), None)
        }
        Operation::GetCurriculum => (Method::GET, "/curriculum".into(), None),
        Operation::SetPlanHours => (
            Method::POST,
            "/curriculum/hours".into(),
            Some(
                json!({"language": "kk", "grade": 99, "subject": "mathematics", "hours": 1.0,
                "part": "invariant", "split": null}),
            ),
        ),
        // The standard options: the same as no record.
        Operation::SetPlanSettings => (
            Method::POST,
            "/curriculum/settings".into(),
            Some(json!({"small_school": false, "local_splits": false})),
        ),
        Operation::SetDuty => (
            Method::POST,
            "/load/duties".into(),
            Some(json!({"teacher_id": nobody, "duty": "cabinet", "class_id": null, "on": true})),
        ),
        Operation::SetDayOff => (
            Method::POST,
            "/timetable/day-off".into(),
            Some(json!({"teacher_id": nobody, "day": 1, "off": true})),
        ),
        Operation::GetActivities => (Method::GET, "/activities".into(), None),
        Operation::SaveActivity => (
            Method::POST,
            "/activities".into(),
            Some(
                json!({"group_id": nobody, "day": 1, "starts": "09:00", "minutes": 20,
                "activity": "music", "educator_id": null, "room_id": null}),
            ),
        ),
        Operation::DeleteActivity => (Method::DELETE, format!("/activities/{nobody}"), None),
        Operation::CopyActivities => (
            Method::POST,
            "/activities/copy".into(),
            Some(json!({"from_group_id": nobody, "to_group_ids": [nobody]})),
        ),
        Operation::ApplyActivityTemplate => (
            Method::POST,
            "/activities/template".into(),
            Some(json!({"age_from": 40})),
        ),
        Operation::GetSync => (Method::GET, "/sync".into(), None),
        Operation::EnrolSync => (
            Method::POST,
            "/sync/enroll".into(),
            Some(json!({"hub_url": null, "code": "not-a-code"})),
        ),
        Operation::StartSync => (Method::POST, "/sync/now".into(), None),
        Operation::ExportBundle => (Method::GET, "/sync/bundle".into(), None),
        Operation::ExportSignedBundle => (
            Method::POST,
            "/sync/bundle/signed".into(),
            Some(json!({"confirm_password": "wrong"})),
        ),
        Operation::ImportBundle => (Method::POST, "/sync/bundle".into(), None),
        Operation::IssueLanCode => (Method::POST, "/sync/lan/code".into(), None),
        Operation::RemoveLanDevice => (Method::DELETE, "/sync/lan/devices/AB12".into(), None),
        Operation::ListConflicts => (Method::GET, "/sync/conflicts".into(), None),
    }
}

#[tokio::test]
async fn every_operation_by_every_role_is_allowed_or_403() {
    for kind in [OrgKind::School, OrgKind::Kindergarten] {
        let demo = Demo::new(kind);
        for &role in Role::of(kind) {
            let token = demo.login(role.code()).await;
            // Logout last: it ends the session the others use.
            for operation in Operation::ALL
                .into_iter()
                .filter(|o| *o != Operation::Logout)
                .chain([Operation::Logout])
            {
                let (method, path, body) = request_for(operation);
                let (status, reply) = demo.call(method, &path, Some(&token), body).await;
                let label = format!("{} by {}", operation.id(), role.code());
                if operation.allowed(role) {
                    assert_ne!(status, StatusCode::FORBIDDEN, "{label}: {reply}");
                    assert_ne!(reply["code"], "auth.unauthenticated", "{label}");
                    assert!(
                        status.is_success() || status.is_client_error(),
                        "{label}: {status} {reply}"
                    );
                } else {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{label}: {reply}");
                    assert_eq!(reply["code"], "auth.forbidden", "{label}");
                }
            }
        }
    }
}

#[tokio::test]
async fn the_openapi_document_names_every_operation() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let (status, doc) = demo.call(Method::GET, "/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str().map(str::to_string))
        .collect();
    let contract = [
        "login",
        "me",
        "logout",
        "changePassword",
        "listAccounts",
        "createAccount",
        "updateAccount",
        "deleteAccount",
        "auditLog",
        "listLoginAttempts",
        "setupStatus",
        "setup",
    ];
    for id in contract
        .into_iter()
        .chain(Operation::ALL.iter().map(|o| o.id()))
    {
        assert!(ids.iter().any(|i| i == id), "{id} is missing from {ids:?}");
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "operationIds are unique");
    assert_eq!(ApiDoc::openapi().info.title, "Dala API");
}

#[tokio::test]
async fn the_first_run_wizard_sets_up_an_empty_folder_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = Demo {
        app: router(ApiState::with_kdf(dir.path().to_path_buf(), CHEAP)),
        _dir: dir,
        secrets: Default::default(),
    };
    let (_, status) = app.call(Method::GET, "/setup", None, None).await;
    assert_eq!(status["initialised"], false);
    let request = json!({"kind": "school", "name": "Ақсу мектебі", "admin_login": "aigul",
        "password": "first-pass-1", "lang": "ru"});
    let (code, body) = app
        .call(Method::POST, "/setup", None, Some(request.clone()))
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    assert_eq!(
        body["recovery_key"].as_str().unwrap().split('-').count(),
        13
    );
    let (code, body) = app.call(Method::POST, "/setup", None, Some(request)).await;
    assert_eq!(
        (code, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("auth.setup_done"))
    );
    let (_, login) = app
        .call(
            Method::POST,
            "/session",
            None,
            Some(json!({"login": "aigul", "password": "first-pass-1"})),
        )
        .await;
    let (_, me) = app
        .call(Method::GET, "/me", login["token"].as_str(), None)
        .await;
    assert_eq!(
        (me["role"].as_str(), me["lang"].as_str()),
        (Some("director"), Some("ru"))
    );
}

#[tokio::test]
async fn a_director_sets_up_a_second_factor_first_and_then_logs_in_with_codes() {
    let demo = Demo::new(OrgKind::School);
    let first = json!({"login": "director", "password": PASSWORD});
    let (status, body) = demo.call(Method::POST, "/session", None, Some(first)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["must_setup_second_factor"], true);
    let token = body["token"].as_str().unwrap();
    let (status, refused) = demo.call(Method::GET, "/accounts", Some(token), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused["code"], "auth.second_factor_setup_required");
    let (_, new) = demo
        .call(Method::POST, "/me/second-factor", Some(token), None)
        .await;
    assert!(
        new["otpauth_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/")
    );
    let secret = BASE32_NOPAD
        .decode(new["secret"].as_str().unwrap().as_bytes())
        .unwrap();
    let now = totp::step_of(Utc::now().timestamp());
    let wrong = (0..1_000_000)
        .map(|n| format!("{n:06}"))
        .find(|c| (now - 1..=now + 2).all(|s| totp::code_at(&secret, s) != *c))
        .unwrap();
    let confirm = "/me/second-factor/confirm";
    let (status, body) = demo
        .call(
            Method::POST,
            confirm,
            Some(token),
            Some(json!({"code": wrong})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("auth.totp_invalid"))
    );
    let code = json!({"code": totp::code_at(&secret, now)});
    let (status, _) = demo
        .call(Method::POST, confirm, Some(token), Some(code))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        demo.call(Method::GET, "/accounts", Some(token), None)
            .await
            .0,
        StatusCode::OK
    );

    let without = json!({"login": "director", "password": PASSWORD});
    let (status, body) = demo
        .call(Method::POST, "/session", None, Some(without))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("auth.totp_required"))
    );
    let bad = json!({"login": "director", "password": PASSWORD, "totp": wrong});
    let (status, body) = demo.call(Method::POST, "/session", None, Some(bad)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("auth.totp_invalid"))
    );
    let with =
        json!({"login": "director", "password": PASSWORD, "totp": totp::code_at(&secret, now + 1)});
    assert_eq!(
        demo.call(Method::POST, "/session", None, Some(with.clone()))
            .await
            .0,
        StatusCode::OK
    );
    let (status, body) = demo.call(Method::POST, "/session", None, Some(with)).await;
    assert_eq!(body["code"], "auth.totp_invalid", "a code works once");
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (_, audit) = demo.call(Method::GET, "/audit", Some(token), None).await;
    let shown = new["secret"].as_str().unwrap();
    assert!(
        !audit.to_string().contains(shown),
        "the audit log never holds the secret"
    );
    let (_, attempts) = demo
        .call(Method::GET, "/login-attempts", Some(token), None)
        .await;
    assert!(
        attempts
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["reason"] == "totp_invalid")
    );
    let (_, me) = demo.call(Method::GET, "/me", Some(token), None).await;
    assert_eq!(me["totp_enabled"], true);
    assert_eq!(me["must_setup_second_factor"], false);
}

impl Demo {
    /// A file the API hands out: its status, type, disposition and bytes.
    async fn download(&self, path: &str, token: &str) -> (StatusCode, String, String, Vec<u8>) {
        let request = Request::builder()
            .uri(format!("/api/v1{path}"))
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        };
        let (kind, disposition) = (header("content-type"), header("content-disposition"));
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, kind, disposition, bytes.to_vec())
    }
}

fn today() -> chrono::NaiveDate {
    dala_core::year::school_date(Utc::now())
}

fn month_text(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

#[tokio::test]
async fn an_educator_keeps_their_own_groups_register_and_no_other() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let educator = demo.login("educator").await;
    let (status, groups) = demo
        .call(Method::GET, "/attendance/groups", Some(&educator), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{groups}");
    let groups = groups.as_array().unwrap();
    let own: Vec<&Value> = groups.iter().filter(|g| g["editable"] == true).collect();
    assert_eq!(own.len(), 1, "{groups:?}");
    let (own, other) = (
        own[0],
        groups.iter().find(|g| g["editable"] == false).unwrap(),
    );
    assert!(own["free_places"].as_i64().unwrap() >= 1, "{own}");
    let today = today();
    let month = month_text(today);
    let path = |g: &Value| {
        format!(
            "/attendance?group_id={}&month={month}",
            g["id"].as_str().unwrap()
        )
    };

    let (status, before) = demo
        .call(Method::GET, &path(own), Some(&educator), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(before["editable"], true);
    let child = before["children"][0]["id"].clone();
    let save = json!({"group_id": own["id"], "month": month,
        "cells": [{"date": today, "child_id": child, "code": "ill"}], "taken": [today]});
    let (status, saved) = demo
        .call(Method::POST, "/attendance", Some(&educator), Some(save))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let cell = json!({"date": today, "child_id": child, "code": "ill", "conflicts": []});
    assert!(
        saved["cells"].as_array().unwrap().contains(&cell),
        "{saved}"
    );
    assert!(saved["taken"].as_array().unwrap().contains(&json!(today)));
    let (_, again) = demo
        .call(Method::GET, &path(own), Some(&educator), None)
        .await;
    assert_eq!(again, saved);

    let (_, other_before) = demo
        .call(Method::GET, &path(other), Some(&educator), None)
        .await;
    assert_eq!(other_before["editable"], false);
    let stranger = other_before["children"][0]["id"].clone();
    let save = json!({"group_id": other["id"], "month": month,
        "cells": [{"date": today, "child_id": stranger, "code": "absent"}], "taken": [today]});
    let (status, body) = demo
        .call(Method::POST, "/attendance", Some(&educator), Some(save))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("journal.not_your_class"))
    );
    let (_, other_after) = demo
        .call(Method::GET, &path(other), Some(&educator), None)
        .await;
    assert_eq!(other_after, other_before);
}

#[tokio::test]
async fn a_day_still_to_come_is_refused_with_its_index_and_nothing_is_saved() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let head = demo.login("head").await;
    let (_, groups) = demo
        .call(Method::GET, "/attendance/groups", Some(&head), None)
        .await;
    assert!(
        groups
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["editable"] == true)
    );
    let group = groups[0]["id"].as_str().unwrap().to_string();
    let (today, tomorrow) = (today(), today().succ_opt().unwrap());
    let month = month_text(tomorrow);
    let path = format!("/attendance?group_id={group}&month={month}");
    let (_, before) = demo.call(Method::GET, &path, Some(&head), None).await;
    let child = before["children"][0]["id"].clone();
    // A good cell first when today lies in the same month: the whole batch is refused.
    let mut cells = Vec::new();
    if month_text(today) == month {
        cells.push(json!({"date": today, "child_id": child, "code": "excused"}));
    }
    cells.push(json!({"date": tomorrow, "child_id": child, "code": "ill"}));
    let refused_at = cells.len() - 1;
    let save = json!({"group_id": group, "month": month, "cells": cells, "taken": []});
    let (status, body) = demo
        .call(Method::POST, "/attendance", Some(&head), Some(save))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["code"], "register.day_in_future");
    assert_eq!(body["index"], refused_at);
    let (_, after) = demo.call(Method::GET, &path, Some(&head), None).await;
    assert_eq!(after, before);
}

#[tokio::test]
async fn the_attendance_sheet_comes_as_xlsx_and_pdf() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let methodist = demo.login("methodist").await;
    let (_, groups) = demo
        .call(Method::GET, "/attendance/groups", Some(&methodist), None)
        .await;
    let group = groups[0]["id"].as_str().unwrap();
    let month = month_text(today());
    let path = |format| format!("/attendance/sheet?group_id={group}&month={month}&format={format}");
    let (status, kind, disposition, xlsx) = demo.download(&path("xlsx"), &methodist).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        kind,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        disposition,
        format!("attachment; filename=\"attendance-{month}.xlsx\"")
    );
    assert!(xlsx.starts_with(b"PK"), "an xlsx is a zip");
    let (status, kind, disposition, pdf) = demo.download(&path("pdf"), &methodist).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/pdf"));
    assert!(disposition.ends_with(".pdf\""), "{disposition}");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000);

    let (status, body) = demo
        .call(Method::GET, &path("json"), Some(&methodist), None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("api.bad_request"))
    );
    let nobody = format!(
        "/attendance/sheet?group_id={}&month={month}&format=pdf",
        Uuid::now_v7()
    );
    let (status, body) = demo
        .call(Method::GET, &nobody, Some(&methodist), None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("store.not_found"))
    );
}

/// Three days in a row before today inside one term of the demo's year, and that term.
fn three_past_days(classes: &Value) -> (String, [chrono::NaiveDate; 3]) {
    let today = today();
    let day = |v: &Value| v.as_str().unwrap().parse::<chrono::NaiveDate>().unwrap();
    classes["terms"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find_map(|term| {
            let last = today.pred_opt()?.min(day(&term["ends"]));
            let first = last.checked_sub_days(chrono::Days::new(2))?;
            (day(&term["starts"]) <= first).then(|| {
                let days = [first, first.succ_opt().unwrap(), last];
                (term["id"].as_str().unwrap().to_string(), days)
            })
        })
        .expect("the demo's year has a term with three days before today")
}

#[tokio::test]
async fn oversight_shows_missing_topics_late_marks_and_pupils_away_three_days() {
    let demo = Demo::new(OrgKind::School);
    let deputy = demo.login("deputy").await;
    let director = demo.login("director").await;
    let (_, classes) = demo
        .call(Method::GET, "/journal/classes", Some(&director), None)
        .await;
    let (term, days) = three_past_days(&classes);
    // A primary class: the demo keeps no journal there, so these are its only lessons.
    let class = classes["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["grade"] == 3)
        .unwrap()["class_id"]
        .as_str()
        .unwrap()
        .to_string();
    let journal = format!("/journal?class_id={class}&subject=mathematics&term_id={term}");
    let (_, register) = demo
        .call(Method::GET, &journal, Some(&director), None)
        .await;
    let away = register["students"][0]["id"].as_str().unwrap().to_string();
    let marked = register["students"][1]["id"].as_str().unwrap().to_string();
    let mut lessons = Vec::new();
    for (i, (day, period)) in days
        .iter()
        .map(|d| (d, 1))
        .chain([(&days[2], 2)])
        .enumerate()
    {
        let topic = (i < 2).then_some("§ 12");
        let new = json!({"class_id": class, "subject": "mathematics", "term_id": term,
            "date": day, "period": period, "topic": topic, "homework": null,
            "kind": "ordinary", "max_score": null});
        let (status, lesson) = demo
            .call(Method::POST, "/journal/lessons", Some(&director), Some(new))
            .await;
        assert_eq!(status, StatusCode::OK, "{lesson}");
        lessons.push(lesson["id"].as_str().unwrap().to_string());
    }
    // The pupil misses the first period on each of the three days; the second period of the last
    // day was never taken, so it neither counts as present nor breaks the streak.
    let marks: Vec<Value> = ["absent", "ill", "absent"]
        .iter()
        .zip(&lessons)
        .map(|(code, lesson)| {
            json!({"lesson_id": lesson, "student_id": away, "attendance": code,
                "score": null, "comment": null})
        })
        .chain([
            json!({"lesson_id": lessons[0], "student_id": marked, "attendance": null,
            "score": 8, "comment": null}),
        ])
        .collect();
    let save = json!({"class_id": class, "subject": "mathematics", "term_id": term,
        "marks": marks, "taken": []});
    let (status, saved) = demo
        .call(Method::POST, "/journal/marks", Some(&director), Some(save))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let today = today();
    let path = format!("/oversight?from={}&to={today}", days[0]);
    let (status, over) = demo.call(Method::GET, &path, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::OK, "{over}");
    let ids = |list: &str| -> Vec<String> {
        over[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["lesson_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids("without_topic").contains(&lessons[2]));
    assert!(ids("without_topic").contains(&lessons[3]));
    assert!(!ids("without_topic").contains(&lessons[0]));
    assert!(ids("unfilled").contains(&lessons[3]));
    assert!(!ids("unfilled").contains(&lessons[0]));
    let late = over["late_changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["lesson_id"] == lessons[0].as_str())
        .expect("the marks saved today on an earlier lesson");
    assert_eq!(late["login"], "director");
    assert_eq!(late["date"], days[0].to_string());
    assert!(late["changed_at"].as_str().unwrap().starts_with("20"));
    assert!(!ids("late_changes").contains(&lessons[3]), "no marks there");
    let streak = over["absent_streaks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["student_id"] == away.as_str())
        .expect("three school days away");
    assert_eq!(streak["dates"], json!(days));
    assert_eq!(streak["class_name"], register["class_name"]);
    assert!(
        !over["absent_streaks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["student_id"] == marked.as_str())
    );

    // The same lessons in the class's reports.
    let report = format!(
        "/reports/attendance?class_id={class}&from={}&to={today}",
        days[0]
    );
    let (status, attendance) = demo.call(Method::GET, &report, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::OK, "{attendance}");
    let row = attendance["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["student_id"] == away.as_str())
        .unwrap();
    assert_eq!(
        (
            &row["lessons"],
            &row["absent"],
            &row["ill"],
            &row["percent_present"]
        ),
        (&json!(4), &json!(2), &json!(1), &json!(25.0))
    );
    assert!(!attendance["by_week"].as_array().unwrap().is_empty());
    let grades = format!("/reports/grades?class_id={class}&term_id={term}");
    let (status, grades) = demo.call(Method::GET, &grades, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::OK, "{grades}");
    assert_eq!(grades["subjects"][0]["subject"], "mathematics");
    // 8 of 10 → 80 % → «4».
    assert_eq!(grades["distribution"][0]["fours"], 1);
    let row = grades["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["student_id"] == marked.as_str())
        .unwrap();
    assert_eq!(row["grades"], json!([4]));
    for (path, kind, magic) in [
        (format!("{report}&format=xlsx"), "spreadsheetml", &b"PK"[..]),
        (format!("{report}&format=pdf"), "pdf", b"%PDF"),
        (
            format!("/reports/grades?class_id={class}&term_id={term}&format=pdf"),
            "pdf",
            b"%PDF",
        ),
        (
            format!("/reports/grades?class_id={class}&term_id={term}&format=xlsx"),
            "spreadsheetml",
            b"PK",
        ),
    ] {
        let (status, got, disposition, body) = demo.download(&path, &deputy).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(got.contains(kind), "{path}: {got}");
        assert!(
            disposition.starts_with("attachment; filename=\""),
            "{disposition}"
        );
        assert!(body.starts_with(magic), "{path}");
    }
    let teacher = demo.login("teacher").await;
    assert_eq!(
        demo.call(Method::GET, &path, Some(&teacher), None).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn my_journal_shows_a_student_their_marks_and_a_parent_exactly_their_children() {
    let demo = Demo::new(OrgKind::School);
    let student = demo.login("student").await;
    let (status, mine) = demo
        .call(Method::GET, "/me/journal", Some(&student), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["children"].as_array().unwrap().len(), 1, "{mine}");
    let me = mine["children"][0]["student_id"]
        .as_str()
        .unwrap()
        .to_string();
    let class_name = mine["children"][0]["class_name"].clone();

    // The director gives the student's class a lesson today (or on its term's last day).
    let director = demo.login("director").await;
    let (_, classes) = demo
        .call(Method::GET, "/journal/classes", Some(&director), None)
        .await;
    let class = classes["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == class_name)
        .unwrap()["class_id"]
        .clone();
    let term_id = classes["current_term_id"].as_str().unwrap();
    let term = classes["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == term_id)
        .unwrap();
    let ends: chrono::NaiveDate = term["ends"].as_str().unwrap().parse().unwrap();
    let day = today().min(ends);
    let new = json!({"class_id": class, "subject": "mathematics", "term_id": term_id,
        "date": day, "period": 7, "topic": "Бөлшектер", "homework": "№ 5",
        "kind": "ordinary", "max_score": null});
    let (status, lesson) = demo
        .call(Method::POST, "/journal/lessons", Some(&director), Some(new))
        .await;
    assert_eq!(status, StatusCode::OK, "{lesson}");
    let journal = format!(
        "/journal?class_id={}&subject=mathematics&term_id={term_id}",
        class.as_str().unwrap()
    );
    let (_, register) = demo
        .call(Method::GET, &journal, Some(&director), None)
        .await;
    let classmate = register["students"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] != me.as_str())
        .unwrap()["id"]
        .clone();
    let save = json!({"class_id": class, "subject": "mathematics", "term_id": term_id,
        "marks": [
            {"lesson_id": lesson["id"], "student_id": me, "attendance": "late", "score": null, "comment": null},
            {"lesson_id": lesson["id"], "student_id": classmate, "attendance": "absent", "score": null, "comment": null}
        ], "taken": []});
    let (status, saved) = demo
        .call(Method::POST, "/journal/marks", Some(&director), Some(save))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (_, mine) = demo
        .call(Method::GET, "/me/journal", Some(&student), None)
        .await;
    assert_eq!(mine["term_id"], term_id);
    let own = &mine["children"][0];
    let maths = own["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["subject"] == "mathematics")
        .expect("mathematics has a lesson");
    let on_day: Vec<&Value> = maths["marks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["date"] == day.to_string())
        .collect();
    assert_eq!(on_day.len(), 1, "only the student's own cell: {maths}");
    assert_eq!(on_day[0]["attendance"], "late");
    assert_eq!(on_day[0]["topic"], "Бөлшектер");
    assert_eq!(maths["grade"]["student_id"], me.as_str());
    assert!(own["attendance"]["late"].as_u64().unwrap() >= 1);
    assert!(
        own["homework"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["homework"] == "№ 5" && h["date"] == day.to_string())
    );

    let parent = demo.login("parent").await;
    let (status, theirs) = demo
        .call(Method::GET, "/me/journal", Some(&parent), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{theirs}");
    let children: Vec<&str> = theirs["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["student_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        children.len(),
        2,
        "the demo parent has two children: {children:?}"
    );
    assert!(children.contains(&me.as_str()));
    let other = demo.login("student2").await;
    let (_, not_theirs) = demo
        .call(Method::GET, "/me/journal", Some(&other), None)
        .await;
    let stranger = not_theirs["children"][0]["student_id"].as_str().unwrap();
    assert!(!children.contains(&stranger));
    assert!(!theirs.to_string().contains(stranger));
    assert_eq!(
        demo.call(Method::GET, "/me/journal", Some(&director), None)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_methodist_reads_the_teaching_load_and_a_teacher_may_not() {
    let demo = Demo::new(OrgKind::School);
    let methodist = demo.login("methodist").await;
    let (status, load) = demo
        .call(Method::GET, "/load", Some(&methodist), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{load}");
    assert_eq!(load["norm_hours_per_rate"], 16.0);
    let teachers = load["teachers"].as_array().unwrap();
    assert!(!teachers.is_empty());
    for t in teachers {
        let (weekly, rates) = (
            t["weekly_hours"].as_f64().unwrap(),
            t["rates"].as_f64().unwrap(),
        );
        assert!((rates - weekly / 16.0).abs() <= 0.005 + 1e-9, "{t}");
        assert!(
            t["name"].as_str().is_some_and(|n| !n.trim().is_empty()),
            "{t}"
        );
        assert!(t["teacher_id"].as_str().unwrap().parse::<Uuid>().is_ok());
    }
    assert!(
        teachers
            .iter()
            .any(|t| t["weekly_hours"].as_f64() > Some(0.0))
    );
    let listed: f64 = load["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["hours"].as_f64().unwrap())
        .sum();
    let total = load["uncovered_hours"].as_f64().unwrap();
    assert!(
        total >= 0.0 && (total - listed).abs() < 1e-6,
        "{total} ≠ {listed}"
    );

    let teacher = demo.login("teacher").await;
    let (status, body) = demo.call(Method::GET, "/load", Some(&teacher), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("auth.forbidden"))
    );
}

#[tokio::test]
async fn the_tariff_list_comes_as_xlsx_and_pdf() {
    let demo = Demo::new(OrgKind::School);
    let deputy = demo.login("deputy").await;
    let (status, kind, disposition, xlsx) = demo.download("/load?format=xlsx", &deputy).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        kind,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(
        disposition.starts_with("attachment; filename=\"load-"),
        "{disposition}"
    );
    assert!(disposition.ends_with(".xlsx\""), "{disposition}");
    assert!(xlsx.starts_with(b"PK"), "an xlsx is a zip");
    let (status, kind, _, pdf) = demo.download("/load?format=pdf", &deputy).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/pdf"));
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000);
    let (status, body) = demo
        .call(Method::GET, "/load?format=docx", Some(&deputy), None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("api.bad_request"))
    );
}

/// Starts the generator for `seconds` and waits for its end: the run's last status.
async fn generated(demo: &Demo, token: &str, seconds: u64) -> Value {
    let (status, started) = demo
        .call(
            Method::POST,
            "/timetable/generate",
            Some(token),
            Some(json!({ "seconds": seconds })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{started}");
    assert_eq!(started["running"], true);
    for _ in 0..600 {
        let (_, run) = demo
            .call(Method::GET, "/timetable/generate", Some(token), None)
            .await;
        if run["running"] == false {
            return run;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the generator did not end within a minute");
}

/// The lessons of the timetable's view by id.
fn lessons_of(view: &Value) -> Vec<Value> {
    view["lessons"].as_array().unwrap().clone()
}

/// A day and period where neither the lesson's class nor its teacher has a lesson, on a day the
/// class has fewer lessons than any grade's limit (5), no later than any grade's day ends.
fn free_slot(view: &Value, lesson: &Value) -> (u64, u64) {
    let lessons = lessons_of(view);
    let busy = |day: u64, period: u64| {
        lessons.iter().any(|l| {
            l["day"] == day
                && l["period"] == period
                && (l["class_id"] == lesson["class_id"] || l["teacher_id"] == lesson["teacher_id"])
        })
    };
    for day in 1..=5u64 {
        let on_day = lessons
            .iter()
            .filter(|l| l["class_id"] == lesson["class_id"] && l["day"] == day)
            .count();
        if on_day >= 5 || day == lesson["day"].as_u64().unwrap() {
            continue;
        }
        // Right after the day's last lesson keeps the class without a gap.
        let last = lessons
            .iter()
            .filter(|l| l["class_id"] == lesson["class_id"] && l["day"] == day)
            .filter_map(|l| l["period"].as_u64())
            .max()
            .unwrap_or(0);
        // Sixth at the latest: a first-former's day ends there.
        if last < 6 && !busy(day, last + 1) {
            return (day, last + 1);
        }
    }
    panic!("no free slot for {lesson}");
}

#[tokio::test]
async fn the_deputy_moves_a_lesson_and_a_clash_is_refused_naming_the_rule() {
    let demo = Demo::new(OrgKind::School);
    let deputy = demo.login("deputy").await;
    let (status, view) = demo
        .call(Method::GET, "/timetable", Some(&deputy), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["can_edit"], true);
    let lessons = lessons_of(&view);
    assert!(lessons.len() > 500, "the demo school's week is generated");
    assert_eq!(view["unplaced"].as_array().unwrap().len(), 0);
    assert!(
        view["violations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["hard"] == false)
    );

    // A clash: the lesson onto a period where its teacher teaches another class.
    let lesson = lessons
        .iter()
        .find(|l| {
            l["subgroup"].is_null()
                && lessons.iter().any(|o| {
                    o["teacher_id"] == l["teacher_id"]
                        && o["class_id"] != l["class_id"]
                        && o["day"] != l["day"]
                })
        })
        .unwrap()
        .clone();
    let other = lessons
        .iter()
        .find(|o| {
            o["teacher_id"] == lesson["teacher_id"]
                && o["class_id"] != lesson["class_id"]
                && o["day"] != lesson["day"]
        })
        .unwrap();
    let clash = json!({"lesson_id": lesson["id"], "day": other["day"], "period": other["period"]});
    let (status, checked) = demo
        .call(
            Method::POST,
            "/timetable/check",
            Some(&deputy),
            Some(clash.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{checked}");
    assert!(
        checked["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "timetable.teacher_busy" && v["hard"] == true),
        "{checked}"
    );
    let (status, refused) = demo
        .call_in(
            "ru",
            Method::POST,
            "/timetable/move",
            Some(&deputy),
            Some(clash),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["code"], "timetable.teacher_busy");
    let message = refused["message"].as_str().unwrap();
    assert!(message.contains("уже есть урок"), "{message}");
    let (_, unchanged) = demo
        .call(Method::GET, "/timetable", Some(&deputy), None)
        .await;
    assert_eq!(
        lessons_of(&unchanged),
        lessons,
        "a refused move changes nothing"
    );

    // A free period: the lesson moves there and is pinned.
    let (day, period) = free_slot(&view, &lesson);
    let (status, moved) = demo
        .call(
            Method::POST,
            "/timetable/move",
            Some(&deputy),
            Some(json!({"lesson_id": lesson["id"], "day": day, "period": period})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let now = lessons_of(&moved)
        .into_iter()
        .find(|l| l["id"] == lesson["id"])
        .unwrap();
    assert_eq!(
        (now["day"].as_u64(), now["period"].as_u64()),
        (Some(day), Some(period))
    );
    assert_eq!(now["pinned"], true);

    // The class's journal follows: its lessons still to come are at the new period, none at the
    // old one; the past stays as it was.
    let (_, list) = demo
        .call(Method::GET, "/journal/classes", Some(&deputy), None)
        .await;
    let term = list["current_term_id"].as_str().unwrap().to_string();
    let path = format!(
        "/journal?class_id={}&subject={}&term_id={term}",
        lesson["class_id"].as_str().unwrap(),
        lesson["subject"].as_str().unwrap()
    );
    let (status, journal) = demo.call(Method::GET, &path, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::OK, "{journal}");
    let at = |l: &Value| {
        let date =
            chrono::NaiveDate::parse_from_str(l["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        (
            date,
            u64::from(date.weekday().number_from_monday()),
            l["period"].as_u64().unwrap(),
        )
    };
    let coming: Vec<_> = journal["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .map(at)
        .filter(|(date, ..)| *date >= today())
        .collect();
    let old = (
        lesson["day"].as_u64().unwrap(),
        lesson["period"].as_u64().unwrap(),
    );
    assert!(
        !coming.iter().any(|(_, d, p)| (*d, *p) == old),
        "{coming:?}"
    );
    let ends =
        chrono::NaiveDate::parse_from_str(journal["term"]["ends"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap();
    let next = (0..7)
        .map(|n| today() + chrono::Days::new(n))
        .find(|d| u64::from(d.weekday().number_from_monday()) == day)
        .unwrap();
    if next <= ends && !dala_core::journal_plan::holidays().contains(next) {
        assert!(coming.contains(&(next, day, period)), "{coming:?}");
    }

    // The generator keeps the pinned lesson and leaves no hard rule broken.
    let finished = generated(&demo, &deputy, 3).await;
    assert_eq!(finished["finished"]["hard_left"], 0, "{finished}");
    let (_, after) = demo
        .call(Method::GET, "/timetable", Some(&deputy), None)
        .await;
    let kept = lessons_of(&after)
        .into_iter()
        .find(|l| l["id"] == lesson["id"])
        .unwrap();
    assert_eq!(
        (kept["day"].as_u64(), kept["period"].as_u64()),
        (Some(day), Some(period))
    );

    // The timetable as files.
    for (format, kind) in [("xlsx", "spreadsheetml"), ("pdf", "application/pdf")] {
        for by in ["class", "teacher", "room"] {
            let path = format!("/timetable/export?format={format}&by={by}");
            let (status, content_type, _, bytes) = demo.download(&path, &deputy).await;
            assert_eq!(status, StatusCode::OK);
            assert!(content_type.contains(kind), "{content_type}");
            assert!(bytes.len() > 1000);
        }
    }
}

#[tokio::test]
async fn a_teacher_reads_the_timetable_and_may_not_change_it() {
    let demo = Demo::new(OrgKind::School);
    let teacher = demo.login("teacher").await;
    let (status, view) = demo
        .call(Method::GET, "/timetable", Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["can_edit"], false);
    let lesson = &lessons_of(&view)[0];
    let (status, refused) = demo
        .call(
            Method::POST,
            "/timetable/move",
            Some(&teacher),
            Some(json!({"lesson_id": lesson["id"], "day": 1, "period": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    let (_, again) = demo
        .call(Method::GET, "/timetable", Some(&teacher), None)
        .await;
    assert_eq!(lessons_of(&again), lessons_of(&view));
}

#[tokio::test]
async fn the_methodist_plans_activities_and_sees_the_norm_a_plan_breaks() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let methodist = demo.login("methodist").await;
    let (status, view) = demo
        .call(Method::GET, "/activities", Some(&methodist), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["can_edit"], true);
    assert_eq!(
        view["violations"].as_array().unwrap().len(),
        0,
        "{}",
        view["violations"]
    );
    let groups = view["groups"].as_array().unwrap().clone();
    let youngest = &groups[0];
    assert_eq!(youngest["age_from"], 1);
    let count = |v: &Value, group: &Value| {
        v["activities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["group_id"] == group["group_id"])
            .count()
    };
    let first = view["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["group_id"] == youngest["group_id"])
        .unwrap()
        .clone();

    // The same time as an existing activity: refused, nothing changed.
    let overlap = json!({"group_id": youngest["group_id"], "day": first["day"], "starts": first["starts"],
        "minutes": 10, "activity": "music", "educator_id": null, "room_id": null});
    let (status, refused) = demo
        .call(Method::POST, "/activities", Some(&methodist), Some(overlap))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["code"], "schedule.activity_overlap");
    let (_, same) = demo
        .call(Method::GET, "/activities", Some(&methodist), None)
        .await;
    assert_eq!(same["activities"], view["activities"]);

    // Half an hour of drawing for one-year-olds: kept, with a warning naming the norm.
    let long = json!({"group_id": youngest["group_id"], "day": 5, "starts": "15:00",
        "minutes": 30, "activity": "drawing", "educator_id": null, "room_id": null});
    let (status, saved) = demo
        .call_in(
            "ru",
            Method::POST,
            "/activities",
            Some(&methodist),
            Some(long),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let warning = saved["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "duration_out_of_range")
        .expect("the age's duration norm is named");
    let message = warning["message"].as_str().unwrap();
    assert!(
        message.contains("30 мин") && message.contains("норма"),
        "{message}"
    );

    // The second group's week copied onto the youngest, then the standard week back.
    let second = &groups[1];
    let (status, copied) = demo
        .call(
            Method::POST,
            "/activities/copy",
            Some(&methodist),
            Some(json!({"from_group_id": second["group_id"], "to_group_ids": [youngest["group_id"]]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{copied}");
    assert_eq!(count(&copied, youngest), count(&copied, second));
    let (status, restored) = demo
        .call(
            Method::POST,
            "/activities/template",
            Some(&methodist),
            Some(json!({"age_from": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{restored}");
    assert_eq!(count(&restored, youngest), count(&view, youngest));

    // An educator reads the plan and may not change it.
    let educator = demo.login("educator").await;
    let (status, read) = demo
        .call(Method::GET, "/activities", Some(&educator), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["can_edit"], false);
    let (status, _) = demo
        .call(
            Method::DELETE,
            &format!("/activities/{}", first["id"].as_str().unwrap()),
            Some(&educator),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_teachers_day_off_is_a_hard_rule_the_generator_keeps() {
    let demo = Demo::new(OrgKind::School);
    let deputy = demo.login("deputy").await;
    let (_, view) = demo
        .call(Method::GET, "/timetable", Some(&deputy), None)
        .await;
    let lesson = lessons_of(&view)[0].clone();
    let day_off = json!({"teacher_id": lesson["teacher_id"], "day": lesson["day"], "off": true});
    let (status, off) = demo
        .call(
            Method::POST,
            "/timetable/day-off",
            Some(&deputy),
            Some(day_off),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{off}");
    assert_eq!(
        off["days_off"],
        json!([{"teacher_id": lesson["teacher_id"], "day": lesson["day"]}])
    );
    let broken = off["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "timetable.not_available")
        .expect("the lessons on the day off break a hard rule");
    assert_eq!(broken["hard"], true);
    assert!(
        broken["lesson_ids"]
            .as_array()
            .unwrap()
            .contains(&lesson["id"])
    );

    let finished = generated(&demo, &deputy, 3).await;
    assert_eq!(finished["finished"]["hard_left"], 0, "{finished}");
    let (_, after) = demo
        .call(Method::GET, "/timetable", Some(&deputy), None)
        .await;
    assert!(
        !lessons_of(&after)
            .iter()
            .any(|l| l["teacher_id"] == lesson["teacher_id"] && l["day"] == lesson["day"])
    );
    assert!(
        after["violations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["hard"] == false)
    );

    let back = json!({"teacher_id": lesson["teacher_id"], "day": lesson["day"], "off": false});
    let (status, back) = demo
        .call(
            Method::POST,
            "/timetable/day-off",
            Some(&deputy),
            Some(back),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(back["days_off"], json!([]));
}

#[tokio::test]
async fn the_deputy_gives_a_teacher_class_supervision_and_the_load_pays_it() {
    let demo = Demo::new(OrgKind::School);
    let deputy = demo.login("deputy").await;
    let (_, load) = demo.call(Method::GET, "/load", Some(&deputy), None).await;
    assert_eq!(load["can_edit"], true);
    let kinds: Vec<&str> = load["duty_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["code"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"class_supervision"), "{kinds:?}");
    let teacher = load["teachers"][0]["teacher_id"].clone();
    let (_, classes) = demo
        .call(Method::GET, "/journal/classes", Some(&deputy), None)
        .await;
    let class = classes["classes"][3]["class_id"].clone();

    // A per-class duty without its class is refused and changes nothing.
    let (status, refused) = demo
        .call_in(
            "ru",
            Method::POST,
            "/load/duties",
            Some(&deputy),
            Some(json!({"teacher_id": teacher, "duty": "class_supervision", "class_id": null, "on": true})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["code"], "load.duty_unknown");
    assert!(refused["message"].as_str().unwrap().contains("класс"));

    let give =
        json!({"teacher_id": teacher, "duty": "class_supervision", "class_id": class, "on": true});
    let (status, given) = demo
        .call(Method::POST, "/load/duties", Some(&deputy), Some(give))
        .await;
    assert_eq!(status, StatusCode::OK, "{given}");
    let row = given["teachers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["teacher_id"] == teacher)
        .unwrap();
    let duty = &row["duties"][0];
    assert_eq!(duty["duty"], "class_supervision");
    assert_eq!(duty["class_id"], class);
    // The demo's classes have fewer than 18 pupils: half of the norm's 50 %.
    assert_eq!(duty["pay_percent"], 25.0);

    let take =
        json!({"teacher_id": teacher, "duty": "class_supervision", "class_id": class, "on": false});
    let (_, taken) = demo
        .call(Method::POST, "/load/duties", Some(&deputy), Some(take))
        .await;
    let row = taken["teachers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["teacher_id"] == teacher)
        .unwrap();
    assert_eq!(row["duties"], json!([]));

    let teacher_token = demo.login("teacher").await;
    let (status, _) = demo
        .call(
            Method::POST,
            "/load/duties",
            Some(&teacher_token),
            Some(json!({"teacher_id": teacher, "duty": "cabinet", "class_id": null, "on": true})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_sync_screen_shows_what_waits_for_the_hub_under_the_five_day_rule() {
    use dala_core::working_days::{delivery, working_days_between};
    let demo = Demo::new(OrgKind::School);
    // A change of the organisation three weeks ago, never delivered: overdue by any calendar.
    let mut store = demo.store();
    let mut org = store.list::<Organisation>().unwrap().remove(0);
    org.name = "Демо мектебі".into();
    let then = Utc::now() - chrono::Duration::days(21);
    store
        .execute(&dala_core::Command::SetOrganisation(org), then)
        .unwrap();
    drop(store);

    let director = demo.login("director").await;
    let (status, sync) = demo
        .call_in("ru", Method::GET, "/sync", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{sync}");
    assert_eq!(sync["enrolled"], false);
    assert_eq!(sync["hub"], Value::Null);
    assert_eq!(sync["can_sync"], true);
    assert_eq!(sync["last_sync"], Value::Null);
    assert_eq!(sync["running"], Value::Null);
    assert_eq!(sync["fixation"], Value::Null);
    assert_eq!(sync["conflicts"], 0);
    assert_eq!(sync["lan"], json!({"serving": false, "peers": []}));
    let queue = sync["queue"].as_array().unwrap();
    assert!(queue.len() > 1, "{sync}");
    let today = dala_core::year::school_date(Utc::now());
    let mut total = 0;
    for row in queue {
        let oldest: chrono::NaiveDate = row["oldest_at"].as_str().unwrap().parse().unwrap();
        let expected = serde_json::to_value(delivery(oldest, today)).unwrap();
        assert_eq!(row["delivery"], expected, "{row}");
        assert_eq!(row["age_working_days"], working_days_between(oldest, today));
        assert!(row["changes"].as_u64().unwrap() > 0);
        let label = row["label"].as_str().unwrap();
        assert!(!label.is_empty() && !label.starts_with("sync-doc"), "{row}");
        total += row["changes"].as_i64().unwrap();
    }
    assert_eq!(queue[0]["doc"], "org", "oldest first: {sync}");
    assert_eq!(queue[0]["label"], "Организация и учебный календарь");
    assert_eq!(queue[0]["delivery"], "overdue");
    assert!(
        queue[1..].iter().all(|r| r["delivery"] == "on_time"),
        "{sync}"
    );
    if let Some(journal) = queue
        .iter()
        .find(|r| r["doc"].as_str().unwrap().starts_with("journal/"))
    {
        assert!(
            journal["label"].as_str().unwrap().starts_with("Журнал "),
            "{journal}"
        );
    }

    let (_, status) = demo
        .call(Method::GET, "/status", Some(&director), None)
        .await;
    assert_eq!(status["pending_changes"], total);
    assert_eq!(status["last_sync"], Value::Null);
}

#[tokio::test]
async fn a_teacher_reads_the_sync_screen_and_may_not_sync() {
    let demo = Demo::new(OrgKind::School);
    let teacher = demo.login("teacher").await;
    let (status, sync) = demo.call(Method::GET, "/sync", Some(&teacher), None).await;
    assert_eq!(status, StatusCode::OK, "{sync}");
    assert_eq!(sync["can_sync"], false);
    assert!(!sync["queue"].as_array().unwrap().is_empty());
    for (method, path) in [
        (Method::POST, "/sync/now"),
        (Method::GET, "/sync/bundle"),
        (Method::POST, "/sync/bundle"),
    ] {
        let (status, body) = demo.call(method, path, Some(&teacher), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {body}");
        assert_eq!(body["code"], "auth.forbidden");
    }
    let enrol = json!({"hub_url": null, "code": "x"});
    let (status, _) = demo
        .call(Method::POST, "/sync/enroll", Some(&teacher), Some(enrol))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_mistyped_enrolment_code_is_refused_in_the_callers_language() {
    let demo = Demo::new(OrgKind::School);
    let director = demo.login("director").await;
    let enrol = json!({"hub_url": null, "code": "ABCD-EFGH-IJKL"});
    let (status, body) = demo
        .call_in(
            "ru",
            Method::POST,
            "/sync/enroll",
            Some(&director),
            Some(enrol),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "sync.code_invalid");
    assert_eq!(
        body["message"],
        "Код регистрации недействителен, уже использован или просрочен (код для ноутбука действует сутки). Сверьте его с листом регистрации или попросите новый."
    );
    let (_, sync) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(sync["enrolled"], false);
}

#[tokio::test]
async fn the_director_signs_the_weeks_bundle_with_their_own_password() {
    let demo = Demo::new(OrgKind::School);
    let director = demo.login("director").await;
    let deputy = demo.login("deputy").await;
    let hub = dala_sync::SecretKey::generate().unwrap().public();
    let code = dala_sync::EnrolmentCode::new(&hub).unwrap().to_text();
    let enrol = json!({"hub_url": null, "code": code});
    let (status, _) = demo
        .call(Method::POST, "/sync/enroll", Some(&director), Some(enrol))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = demo
        .post_for_file(
            "/sync/bundle/signed",
            &deputy,
            json!({"confirm_password": PASSWORD}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, reply) = demo
        .post_for_file(
            "/sync/bundle/signed",
            &director,
            json!({"confirm_password": "wrong-one-1"}),
        )
        .await;
    let reply: Value = serde_json::from_slice(&reply).unwrap();
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    assert_eq!(reply["code"], "auth.invalid_credentials");
    let (_, after_wrong) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(after_wrong["last_sync"], Value::Null, "nothing exported");

    let (status, bytes) = demo
        .post_for_file(
            "/sync/bundle/signed",
            &director,
            json!({"confirm_password": PASSWORD}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let (_, bundle) =
        dala_sync::open::<dala_sync::SchoolBundle>(dala_sync::Kind::Bundle, &bytes).unwrap();
    let confirmation = bundle.confirmation.clone().expect("signed by the director");
    assert_eq!(confirmation.login, "director");
    let digest = bundle.submission.digest().unwrap();
    confirmation
        .director
        .verify(&digest, &confirmation.signature)
        .unwrap();
    // The same director signs with the same key the next week: the hub knows it.
    let (_, again) = demo
        .post_for_file(
            "/sync/bundle/signed",
            &director,
            json!({"confirm_password": PASSWORD}),
        )
        .await;
    let (_, again) =
        dala_sync::open::<dala_sync::SchoolBundle>(dala_sync::Kind::Bundle, &again).unwrap();
    assert_eq!(again.confirmation.unwrap().director, confirmation.director);
}

#[tokio::test]
async fn an_enrolment_from_paper_exports_a_signed_bundle_and_garbage_is_not_imported() {
    let demo = Demo::new(OrgKind::School);
    let director = demo.login("director").await;
    let hub = dala_sync::SecretKey::generate().unwrap().public();
    let code = dala_sync::EnrolmentCode::new(&hub).unwrap().to_text();
    let enrol = json!({"hub_url": null, "code": code});
    let (status, sync) = demo
        .call(Method::POST, "/sync/enroll", Some(&director), Some(enrol))
        .await;
    assert_eq!(status, StatusCode::OK, "{sync}");
    assert_eq!(sync["enrolled"], true);
    assert_eq!(sync["hub"]["url"], Value::Null);
    assert_eq!(sync["hub"]["fingerprint"], hub.fingerprint());
    let (status, body) = demo
        .call(Method::POST, "/sync/now", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "sync.no_link");

    let (status, headers, bytes) = demo
        .call_bytes(Method::GET, "/sync/bundle", &director, Vec::new())
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(headers["content-type"], "application/octet-stream");
    let today = dala_core::year::school_date(Utc::now());
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"dala-{today}.dalabundle\"").as_str()
    );
    let (_, bundle) =
        dala_sync::open::<dala_sync::SchoolBundle>(dala_sync::Kind::Bundle, &bytes).unwrap();
    assert_eq!(bundle.submission.hub, hub.short_hash());
    assert!(
        bundle.submission.enrol.is_some(),
        "the paper enrolment rides along"
    );
    assert_eq!(
        bundle.submission.docs.len(),
        sync["queue"].as_array().unwrap().len()
    );

    let (_, before) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(before["last_sync"]["via"], "bundle");
    assert_eq!(before["last_sync"]["ok"], true);
    let (status, _, reply) = demo
        .call_bytes(
            Method::POST,
            "/sync/bundle",
            &director,
            b"not a bundle".to_vec(),
        )
        .await;
    let reply: Value = serde_json::from_slice(&reply).unwrap();
    assert_eq!(status, StatusCode::BAD_REQUEST, "{reply}");
    assert_eq!(reply["code"], "sync.malformed");
    let (_, after) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(after, before, "nothing changed");

    let (_, audit) = demo
        .call(Method::GET, "/audit", Some(&director), None)
        .await;
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"sync.enrol"), "{actions:?}");
    assert!(actions.contains(&"sync.bundle_export"), "{actions:?}");
    assert!(!actions.contains(&"sync.bundle_import"), "{actions:?}");
}

#[tokio::test]
async fn an_enrolment_with_an_unreachable_hub_is_502_and_gives_the_store_back() {
    let demo = Demo::new(OrgKind::Kindergarten);
    let head = demo.login("head").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let hub = dala_sync::SecretKey::generate().unwrap().public();
    let code = dala_sync::EnrolmentCode::new(&hub).unwrap().to_text();
    let enrol = json!({"hub_url": format!("http://127.0.0.1:{port}"), "code": code});
    let (status, body) = demo
        .call(Method::POST, "/sync/enroll", Some(&head), Some(enrol))
        .await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert_eq!(body["code"], "sync.offline");
    let (status, sync) = demo.call(Method::GET, "/sync", Some(&head), None).await;
    assert_eq!(status, StatusCode::OK, "{sync}");
    assert_eq!(sync["enrolled"], false);
    let (status, _) = demo.call(Method::GET, "/home", Some(&head), None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_sync_runs_in_the_background_once_at_a_time_and_logs_its_failure() {
    let demo = Demo::new(OrgKind::School);
    // A hub that takes the request and answers nothing until told to hang up.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (hang_up, told) = std::sync::mpsc::channel::<()>();
    let hub_thread = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let _ = told.recv();
        drop(stream);
    });
    let hub = dala_sync::SecretKey::generate().unwrap().public();
    let mut store = demo.store();
    store
        .set_upstream(&dala_store::Upstream {
            url: Some(format!("http://127.0.0.1:{port}")),
            peer_hash: hub.short_hash(),
            peer_key: Some(hub),
            tls_hash: None,
            secret: None,
            enrolled_at: Utc::now().to_rfc3339(),
            confirmed_at: Some(Utc::now().to_rfc3339()),
            lan: false,
        })
        .unwrap();
    drop(store);

    let director = demo.login("director").await;
    let (_, before) = demo
        .call(Method::GET, "/status", Some(&director), None)
        .await;
    let (status, body) = demo
        .call(Method::POST, "/sync/now", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body, json!({}));
    let (status, body) = demo
        .call(Method::POST, "/sync/now", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "sync.running");
    let (status, sync) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(status, StatusCode::OK, "{sync}");
    let phase = sync["running"]["phase"].as_str().unwrap();
    assert!(["connecting", "manifest"].contains(&phase), "{sync}");
    assert_eq!(sync["hub"]["lan"], false, "the hub, not a main computer");
    assert!(!sync["queue"].as_array().unwrap().is_empty());
    let (status, during) = demo
        .call(Method::GET, "/status", Some(&director), None)
        .await;
    assert_eq!((status, &during), (StatusCode::OK, &before));
    let (status, body) = demo.call(Method::GET, "/home", Some(&director), None).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["code"], "sync.running");

    hang_up.send(()).unwrap();
    // Waited for off the runtime's one thread: the sync is a task on it and may not have
    // reached the hub yet, and a blocking join would keep it from ever doing so.
    tokio::task::spawn_blocking(move || hub_thread.join().unwrap())
        .await
        .unwrap();
    let mut sync = Value::Null;
    for _ in 0..200 {
        sync = demo
            .call_in("ru", Method::GET, "/sync", Some(&director), None)
            .await
            .1;
        if sync["running"].is_null() {
            break;
        }
        tokio::task::spawn_blocking(|| std::thread::sleep(std::time::Duration::from_millis(50)))
            .await
            .unwrap();
    }
    assert_eq!(sync["running"], Value::Null, "{sync}");
    let last = &sync["last_sync"];
    assert_eq!(
        (last["via"].as_str(), last["ok"].as_bool()),
        (Some("hub"), Some(false))
    );
    assert_eq!(last["code"], "sync.offline");
    let message = last["message"].as_str().unwrap();
    assert!(
        message.starts_with("Не удаётся связаться с хабом"),
        "{message}"
    );
    assert!(!message.contains('{'), "{message}");
    let (status, _) = demo.call(Method::GET, "/home", Some(&director), None).await;
    assert_eq!(status, StatusCode::OK, "the store is back");
    let (_, after) = demo
        .call(Method::GET, "/status", Some(&director), None)
        .await;
    assert_eq!(after["last_sync"], last["at"]);
}

/// The methodist's plan reaches the load: an hour more in a grade is an hour no one teaches
/// until someone is assigned, and giving the cell back to the standard takes it away again.
#[tokio::test]
async fn the_methodist_changes_the_plan_and_the_load_follows_it() {
    let demo = Demo::new(OrgKind::School);
    let methodist = demo.login("methodist").await;
    let (status, plan) = demo
        .call(Method::GET, "/curriculum", Some(&methodist), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["can_edit"], true);
    assert!(plan["source"].as_str().unwrap().contains("№ 500"));
    let (_, load) = demo
        .call(Method::GET, "/load", Some(&methodist), None)
        .await;
    // Every hour of the plan: taught by someone, or no one.
    let hours_in = |load: &Value| {
        load["uncovered_hours"].as_f64().unwrap()
            + load["teachers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["weekly_hours"].as_f64().unwrap())
                .sum::<f64>()
    };
    let hours_before = hours_in(&load);
    // A class of the demo, and its plan's mathematics cell.
    let class = &load["teachers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["assignments"].as_array().unwrap().iter())
        .find(|a| a["subject"] == "mathematics")
        .expect("someone teaches mathematics")
        .clone();
    let (_, classes) = demo
        .call(Method::GET, "/journal/classes", Some(&methodist), None)
        .await;
    let listed = classes["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["class_id"] == class["class_id"])
        .unwrap()
        .clone();
    let grade = listed["grade"].as_i64().unwrap();
    let language = listed["language"].as_str().unwrap().to_string();
    let cell = |view: &Value| {
        let plan = view["plans"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["language"] == language.as_str())
            .unwrap()
            .clone();
        let row = plan["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["subject"] == "mathematics")
            .unwrap()
            .clone();
        row["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["grade"] == grade)
            .unwrap()
            .clone()
    };
    let standard = cell(&plan)["standard_hours"].as_f64().unwrap();
    assert_eq!(cell(&plan)["hours"], standard);
    assert_eq!(cell(&plan)["changed"], false);

    let more = json!({"language": language, "grade": grade, "subject": "mathematics",
        "hours": standard + 1.0, "part": "invariant", "split": null});
    let (status, changed) = demo
        .call(
            Method::POST,
            "/curriculum/hours",
            Some(&methodist),
            Some(more),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(cell(&changed)["hours"], standard + 1.0);
    assert_eq!(cell(&changed)["changed"], true);
    let (_, load) = demo
        .call(Method::GET, "/load", Some(&methodist), None)
        .await;
    let classes_of_grade = classes["classes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["grade"] == grade && c["language"] == language.as_str())
        .count() as f64;
    // An assignment without hours of its own follows the plan: its teacher teaches the hour.
    assert_eq!(
        hours_in(&load),
        hours_before + classes_of_grade,
        "an hour more for each class of the grade"
    );

    // A quarter of a lesson is refused in the caller's language, and nothing changes.
    let odd = json!({"language": language, "grade": grade, "subject": "mathematics",
        "hours": 1.25, "part": "invariant", "split": null});
    let (status, refused) = demo
        .call_in(
            "ru",
            Method::POST,
            "/curriculum/hours",
            Some(&methodist),
            Some(odd),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["code"], "curriculum.hours_invalid");
    assert!(refused["message"].as_str().unwrap().contains("урок"));
    let (_, unchanged) = demo
        .call(Method::GET, "/curriculum", Some(&methodist), None)
        .await;
    assert_eq!(cell(&unchanged)["hours"], standard + 1.0);

    let back = json!({"language": language, "grade": grade, "subject": "mathematics",
        "hours": 0.0, "part": "invariant", "split": null, "reset": true});
    let (_, reset) = demo
        .call(
            Method::POST,
            "/curriculum/hours",
            Some(&methodist),
            Some(back),
        )
        .await;
    assert_eq!(cell(&reset)["hours"], standard);
    assert_eq!(cell(&reset)["changed"], false);
    let (_, load) = demo
        .call(Method::GET, "/load", Some(&methodist), None)
        .await;
    assert_eq!(hours_in(&load), hours_before);

    // The split options are the year's.
    let (status, small) = demo
        .call(
            Method::POST,
            "/curriculum/settings",
            Some(&methodist),
            Some(json!({"small_school": true, "local_splits": false})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{small}");
    assert_eq!(small["small_school"], true);

    // A teacher reads the plan and may change nothing.
    let teacher = demo.login("teacher").await;
    let (status, read) = demo
        .call(Method::GET, "/curriculum", Some(&teacher), None)
        .await;
    assert_eq!(
        (status, read["can_edit"].as_bool()),
        (StatusCode::OK, Some(false))
    );
    let (status, _) = demo
        .call(
            Method::POST,
            "/curriculum/hours",
            Some(&teacher),
            Some(
                json!({"language": language, "grade": grade, "subject": "mathematics",
                "hours": 9.0, "part": "invariant", "split": null}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// The deputy changes who teaches what in the load table: an assignment's own hours load its
/// teacher, a removed one leaves its hours uncovered, a new one covers them again.
#[tokio::test]
async fn the_deputy_assigns_teachers_with_their_hours() {
    let demo = Demo::new(OrgKind::School);
    let deputy = demo.login("deputy").await;
    let (_, load) = demo.call(Method::GET, "/load", Some(&deputy), None).await;
    assert!(!load["staff"].as_array().unwrap().is_empty());
    let before = load["uncovered_hours"].as_f64().unwrap();
    let teacher = load["teachers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| !t["assignments"].as_array().unwrap().is_empty())
        .unwrap()
        .clone();
    let id = teacher["teacher_id"].clone();
    let a = teacher["assignments"][0].clone();
    let plan_hours = a["plan_hours"].as_f64().unwrap();
    let weekly = |view: &Value| {
        view["teachers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["teacher_id"] == id)
            .map_or(0.0, |t| t["weekly_hours"].as_f64().unwrap())
    };
    let hours_before = weekly(&load);

    let own = json!({"id": a["id"], "teacher_id": id, "class_id": a["class_id"],
        "subject": a["subject"], "subgroup": null, "hours": plan_hours + 1.0});
    let (status, changed) = demo
        .call(Method::POST, "/load/assignments", Some(&deputy), Some(own))
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(weekly(&changed), hours_before + 1.0);
    assert!(
        changed["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "over_assigned" && p["class_id"] == a["class_id"]),
        "{}",
        changed["problems"]
    );

    // A third subgroup, or half-and-a-bit hours, are refused and change nothing.
    for (bad, code) in [
        (
            json!({"subgroup": 3, "hours": null}),
            "assignment.subgroup_invalid",
        ),
        (
            json!({"subgroup": null, "hours": 0.3}),
            "curriculum.hours_invalid",
        ),
    ] {
        let body = json!({"id": a["id"], "teacher_id": id, "class_id": a["class_id"],
            "subject": a["subject"], "subgroup": bad["subgroup"], "hours": bad["hours"]});
        let (status, refused) = demo
            .call_in(
                "kk",
                Method::POST,
                "/load/assignments",
                Some(&deputy),
                Some(body),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["code"], code);
    }
    let (_, same) = demo.call(Method::GET, "/load", Some(&deputy), None).await;
    assert_eq!(weekly(&same), hours_before + 1.0);

    let path = format!("/load/assignments/{}", a["id"].as_str().unwrap());
    let (status, removed) = demo.call(Method::DELETE, &path, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    assert_eq!(weekly(&removed), hours_before - plan_hours);
    assert!(removed["uncovered_hours"].as_f64().unwrap() >= before + plan_hours);
    let (status, _) = demo.call(Method::DELETE, &path, Some(&deputy), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let again = json!({"teacher_id": id, "class_id": a["class_id"], "subject": a["subject"],
        "subgroup": null, "hours": null});
    let (status, assigned) = demo
        .call(
            Method::POST,
            "/load/assignments",
            Some(&deputy),
            Some(again),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{assigned}");
    assert_eq!(weekly(&assigned), hours_before);
    assert_eq!(assigned["uncovered_hours"].as_f64().unwrap(), before);

    let teacher_token = demo.login("teacher").await;
    let (status, _) = demo
        .call(Method::DELETE, &path, Some(&teacher_token), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// The main computer's answer to a laptop at the sync path of the same Router, called from a
/// blocking thread as the store's transport.
#[derive(Clone)]
struct LanLink {
    app: Router,
    handle: tokio::runtime::Handle,
}

impl dala_sync::Transport for LanLink {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        let app = self.app.clone();
        self.handle.block_on(async move {
            let request = Request::builder()
                .method(Method::POST)
                .uri(dala_sync::SYNC_PATH)
                .header("content-type", "application/octet-stream")
                .body(Body::from(request))
                .unwrap();
            let response = app.oneshot(request).await.unwrap();
            let status = response.status();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            if !status.is_success() {
                return Err(dala_sync::SyncError::Refused {
                    status: status.as_u16(),
                    detail: String::from_utf8_lossy(&body).into_owned(),
                });
            }
            Ok(body.to_vec())
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_director_issues_a_laptop_code_and_the_sync_screen_lists_the_laptop_after_its_sync() {
    let demo = Demo::new(OrgKind::School);
    // The laptop is a copy of the main computer's folder, made before anyone logs in there.
    let laptop_dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(demo._dir.path()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), laptop_dir.path().join(entry.file_name())).unwrap();
    }
    let link = LanLink {
        app: demo.app.clone(),
        handle: tokio::runtime::Handle::current(),
    };
    let path = laptop_dir.path().to_path_buf();
    let locked = tokio::task::spawn_blocking({
        let link = link.clone();
        let path = path.clone();
        move || {
            let mut laptop = Store::unlock(&path, "director", PASSWORD, Utc::now()).unwrap();
            let code =
                dala_sync::EnrolmentCode::new_lan(&laptop.device_key(Utc::now()).unwrap().public())
                    .unwrap()
                    .to_text();
            laptop
                .enrol_over(Some("https://main"), Some(link), &code, Utc::now())
                .unwrap_err()
        }
    })
    .await
    .unwrap();
    assert!(locked.to_string().contains("sync.main_locked"), "{locked}");

    let teacher = demo.login("teacher").await;
    let (status, body) = demo
        .call(Method::POST, "/sync/lan/code", Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let director = demo.login("director").await;
    let (status, issued) = demo
        .call(Method::POST, "/sync/lan/code", Some(&director), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{issued}");
    let code = issued["code"].as_str().unwrap().to_string();
    assert!(dala_sync::EnrolmentCode::parse(&code).unwrap().lan);
    assert_eq!(
        issued["tls_fingerprint"]
            .as_str()
            .unwrap()
            .split(':')
            .count(),
        32
    );
    let (_, before) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(before["lan"], json!({"serving": false, "peers": []}));

    let synced = tokio::task::spawn_blocking({
        let (path, link) = (path.clone(), link.clone());
        move || {
            let mut laptop = Store::unlock(&path, "director", PASSWORD, Utc::now()).unwrap();
            let up = laptop
                .enrol_over(Some("https://main"), Some(link.clone()), &code, Utc::now())
                .unwrap();
            let report = laptop.sync_upstream_over(link.clone(), Utc::now(), |_, _| {});
            let again = laptop.enrol_over(Some("https://main"), Some(link), &code, Utc::now());
            (up, report, again.unwrap_err().code())
        }
    })
    .await
    .unwrap();
    let (up, report, again) = synced;
    assert!(up.lan);
    report.unwrap();
    assert_eq!(again, "sync.code_invalid");

    let (status, after) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(status, StatusCode::OK);
    let peers = after["lan"]["peers"].as_array().unwrap();
    assert_eq!(peers.len(), 1, "{after}");
    assert!(peers[0]["last_sync"].is_string(), "{after}");
    assert!(!peers[0]["name"].as_str().unwrap().is_empty());

    // The laptop is lost: the director removes it, and its next sync is refused.
    let device = peers[0]["device"].as_str().unwrap().replace(' ', "%20");
    let uri = format!("/sync/lan/devices/{device}");
    let (status, _) = demo.call(Method::DELETE, &uri, Some(&teacher), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = demo.call(Method::DELETE, &uri, Some(&director), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, gone) = demo.call(Method::GET, "/sync", Some(&director), None).await;
    assert_eq!(gone["lan"]["peers"], json!([]), "{gone}");
    let (status, body) = demo.call(Method::DELETE, &uri, Some(&director), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("store.not_found"))
    );
    let refused = tokio::task::spawn_blocking(move || {
        let mut laptop = Store::unlock(&path, "director", PASSWORD, Utc::now()).unwrap();
        let sync = laptop.sync_upstream_over(link, Utc::now(), |_, _| {});
        sync.unwrap_err().code()
    })
    .await
    .unwrap();
    assert_eq!(refused, "sync.unknown_device");
}

/// Two devices mark the same pupil's lesson differently while apart: a copy of the school's data
/// (with a device identity of its own) gives 6, the school's computer 8, and they merge.
fn conflicting_marks(demo: &Demo) -> (dala_core::journal::Lesson, Uuid) {
    use dala_core::Command;
    use dala_core::assignment::Assignment;
    use dala_core::enrolment::Enrolment;
    use dala_core::journal::{Acting, CellEdit, Lesson, LessonKind, Mark};
    let mut pc = demo.store();
    let today = dala_core::year::school_date(Utc::now());
    let teacher = pc
        .list::<dala_core::account::Account>()
        .unwrap()
        .into_iter()
        .find(|a| a.login == "teacher")
        .and_then(|a| a.person_id)
        .unwrap();
    let taught: Vec<Assignment> = pc
        .list::<Assignment>()
        .unwrap()
        .into_iter()
        .filter(|a| a.teacher_id == teacher && a.subject.is_some())
        .collect();
    let lesson = pc
        .list::<Lesson>()
        .unwrap()
        .into_iter()
        .find(|l| {
            l.date < today
                && l.kind == LessonKind::Ordinary
                && taught
                    .iter()
                    .any(|a| a.group_id == l.class_id && a.subject.as_ref() == Some(&l.subject))
        })
        .expect("the demo teacher has past lessons");
    let pupil = pc
        .find::<Enrolment>("group_id", &lesson.class_id.to_string())
        .unwrap()
        .into_iter()
        .find(|e| e.covers(lesson.date))
        .unwrap()
        .person_id;
    let laptop_dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(demo._dir.path()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), laptop_dir.path().join(entry.file_name())).unwrap();
        }
    }
    let mut laptop = Store::unlock(laptop_dir.path(), "director", PASSWORD, Utc::now()).unwrap();
    let mark = |score| Command::SaveMarks {
        class_id: lesson.class_id,
        term_id: lesson.term_id,
        subject: lesson.subject.clone(),
        cells: vec![CellEdit {
            lesson_id: lesson.id,
            student_id: pupil,
            mark: Mark {
                attendance: None,
                score: Some(score),
            },
            comment: None,
        }],
        taken: Vec::new(),
        by: Acting::Supervisor,
    };
    pc.execute(&mark(8), Utc::now()).unwrap();
    laptop.execute(&mark(6), Utc::now()).unwrap();
    let doc = lesson.doc_key();
    let from_laptop = laptop.document_bytes(doc).unwrap().unwrap();
    pc.merge(doc, &from_laptop, Utc::now()).unwrap();
    (lesson, pupil)
}

#[tokio::test]
async fn a_conflict_is_listed_to_its_teacher_and_the_deputy_and_settled_by_a_save() {
    let demo = Demo::new(OrgKind::School);
    let (lesson, pupil) = conflicting_marks(&demo);
    let teacher = demo.login("teacher").await;
    let (status, list) = demo
        .call(Method::GET, "/sync/conflicts", Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let conflicts = list["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{list}");
    let conflict = &conflicts[0];
    assert_eq!(conflict["kind"], "mark");
    assert_eq!(conflict["lesson_id"], lesson.id.to_string());
    assert_eq!(conflict["person_id"], pupil.to_string());
    assert_eq!(conflict["subject"], lesson.subject.as_str());
    assert!(!conflict["person_name"].as_str().unwrap().is_empty());
    let mut scores: Vec<i64> = conflict["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["score"].as_i64().unwrap())
        .collect();
    scores.sort();
    assert_eq!(scores, [6, 8], "neither device's mark is dropped: {list}");

    // The deputy sees it too; a class teacher with no journal to keep (a tutor) may not.
    let deputy = demo.login("deputy").await;
    let (status, list) = demo
        .call(Method::GET, "/sync/conflicts", Some(&deputy), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["conflicts"].as_array().unwrap().len(), 1);
    let tutor = demo.login("tutor").await;
    let (status, body) = demo
        .call(Method::GET, "/sync/conflicts", Some(&tutor), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "auth.forbidden");

    // The teacher chooses 6: an ordinary save of the register settles the cell.
    let save = json!({"class_id": lesson.class_id, "subject": lesson.subject, "term_id": lesson.term_id,
        "marks": [{"lesson_id": lesson.id, "student_id": pupil, "attendance": null, "score": 6, "comment": null}],
        "taken": []});
    let (status, saved) = demo
        .call(Method::POST, "/journal/marks", Some(&teacher), Some(save))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, list) = demo
        .call(Method::GET, "/sync/conflicts", Some(&teacher), None)
        .await;
    assert_eq!(list["conflicts"], json!([]));
    let (_, sync) = demo.call(Method::GET, "/sync", Some(&teacher), None).await;
    assert_eq!(sync["conflicts"], 0);
    assert_eq!(sync["can_settle"], true);
    // A school's methodist reads the journals and keeps none: nothing to settle.
    let methodist = demo.login("methodist").await;
    let (_, sync) = demo
        .call(Method::GET, "/sync", Some(&methodist), None)
        .await;
    assert_eq!(sync["can_settle"], false, "{sync}");
    let (_, register) = demo
        .call(
            Method::GET,
            &format!(
                "/journal?class_id={}&subject={}&term_id={}",
                lesson.class_id, lesson.subject, lesson.term_id
            ),
            Some(&teacher),
            None,
        )
        .await;
    let mark = register["marks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["lesson_id"] == lesson.id.to_string() && m["student_id"] == pupil.to_string())
        .unwrap()
        .clone();
    assert_eq!(
        (mark["score"].clone(), mark["conflicts"].clone()),
        (json!(6), json!([]))
    );
}

#[tokio::test]
async fn a_new_computer_starts_from_the_hubs_snapshot_and_a_wrong_code_leaves_it_empty() {
    use dala_sync::{DocChanges, EnrolmentCode, SecretKey, Snapshot};
    // The school as its hub holds it: the documents of upstream scope, signed by the hub's key.
    let school = Demo::new(OrgKind::School);
    let mut store = school.store();
    let hub = SecretKey::generate().unwrap();
    let code = EnrolmentCode::new(&hub.public()).unwrap();
    let mut docs = Vec::new();
    for key in store.document_keys().unwrap() {
        if key.scope() != dala_core::Scope::Upstream {
            continue;
        }
        let changes = store.document_bytes(key).unwrap().unwrap();
        let heads = automerge::AutoCommit::load(&changes)
            .unwrap()
            .get_heads()
            .into_iter()
            .map(|h| h.0)
            .collect();
        docs.push(DocChanges {
            doc: key.name(),
            heads,
            changes,
        });
    }
    let org = store.list::<Organisation>().unwrap().remove(0);
    let snapshot = Snapshot {
        org: org.id,
        org_name: org.name.clone(),
        code: code.secret_hash(),
        made_at_ms: Utc::now().timestamp_millis(),
        docs,
        fixation: None,
    }
    .seal(&hub)
    .unwrap();
    drop(store);

    let dir = tempfile::tempdir().unwrap();
    let app = Demo {
        app: router(ApiState::with_kdf(dir.path().to_path_buf(), CHEAP)),
        _dir: dir,
        secrets: Default::default(),
    };
    let request = |code: &str| {
        json!({"snapshot": data_encoding::BASE64.encode(&snapshot), "code": code, "hub_url": null,
            "admin_login": "aigul", "password": PASSWORD, "lang": "ru"})
    };
    let other = EnrolmentCode::new(&hub.public()).unwrap().to_text();
    let (status, body) = app
        .call_in(
            "ru",
            Method::POST,
            "/setup/snapshot",
            None,
            Some(request(&other)),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "sync.snapshot_code");
    assert!(
        body["message"].as_str().unwrap().contains("снимка"),
        "{body}"
    );
    let (status, body) = app
        .call(
            Method::POST,
            "/setup/snapshot",
            None,
            Some(
                json!({"snapshot": "not base64!", "code": code.to_text(), "hub_url": null,
                "admin_login": "aigul", "password": "first-pass-1"}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(std::fs::read_dir(app._dir.path()).unwrap().count(), 0);
    let (_, status) = app.call(Method::GET, "/setup", None, None).await;
    assert_eq!(status["initialised"], false);

    let (status, body) = app
        .call(
            Method::POST,
            "/setup/snapshot",
            None,
            Some(request(&code.to_text())),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["organisation"], org.name.as_str());
    let (status, body) = app
        .call(
            Method::POST,
            "/setup/snapshot",
            None,
            Some(request(&code.to_text())),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("auth.setup_done"))
    );
    let token = app.login("aigul").await;
    let token = token.as_str();
    let (_, me) = app.call(Method::GET, "/me", Some(token), None).await;
    assert_eq!(
        (me["role"].as_str(), me["lang"].as_str()),
        (Some("director"), Some("ru"))
    );
    let (_, sync) = app.call(Method::GET, "/sync", Some(token), None).await;
    assert_eq!(sync["enrolled"], true, "{sync}");
    assert_eq!(
        sync["hub"]["url"],
        Value::Null,
        "enrolled from the paper code"
    );
    let queue: Vec<&str> = sync["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["doc"].as_str().unwrap())
        .collect();
    assert!(
        queue.is_empty(),
        "what the hub sent waits for no delivery: {queue:?}"
    );
    let (_, classes) = app
        .call(Method::GET, "/journal/classes", Some(token), None)
        .await;
    assert!(
        classes["classes"].as_array().unwrap().len() > 5,
        "the school's classes arrived: {classes}"
    );
}
