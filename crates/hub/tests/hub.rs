//! The hub with real schools: demo stores (SQLCipher) enrol, sync and carry bundles to a hub on
//! SQLite and on PostgreSQL. Every test runs on both backends; the PostgreSQL one needs the
//! server `scripts/test` starts (`DALA_TEST_POSTGRES`, a role that may create databases).

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use dala_core::DocKey;
use dala_core::org::{OrgKind, Organisation};
use dala_core::working_days::Fixation;
use dala_hub::districts::{self, Area};
use dala_hub::report::for_area;
use dala_hub::{Hub, HubError, bundle};
use dala_store::{KdfParams, Setup, Store};
use dala_sync::{SyncError, Transport};
use rand::SeedableRng;
use sqlx::Row;
use tempfile::TempDir;
use tokio::runtime::Handle;
use uuid::Uuid;

const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 6, 0, 0).unwrap()
}

#[derive(Clone, Copy, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

/// A hub in a folder of its own, on a database of its own.
async fn hub(backend: Backend) -> (Arc<Hub>, TempDir) {
    let dir = TempDir::new().unwrap();
    let database = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(fresh_postgres().await),
    };
    let hub = Hub::open(dir.path(), database.as_deref()).await.unwrap();
    (Arc::new(hub), dir)
}

async fn fresh_postgres() -> String {
    let admin = std::env::var("DALA_TEST_POSTGRES").expect(
        "DALA_TEST_POSTGRES is not set: run scripts/test, which installs and starts PostgreSQL",
    );
    sqlx::any::install_default_drivers();
    let name = format!("dala_hub_{}", Uuid::now_v7().simple());
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap();
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    format!("{base}/{name}")
}

/// The demo school (about 300 pupils and their journals since September), entered command by
/// command on its own store.
fn demo_school(dir: &Path, seed: u64) -> Store {
    let setup = Setup {
        kind: OrgKind::School,
        name: "Ақсу мектебі",
        admin_login: "director",
        password: "correct-horse-1",
        kdf: CHEAP,
    };
    let (mut store, _) = Store::init(dir, &setup, now()).unwrap();
    let org = store.list::<Organisation>().unwrap()[0].id;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let today = now().date_naive();
    let demo = dala_core::demo::school(org, today, &mut rng, &mut Uuid::now_v7);
    store.execute_batch(&demo.commands, now()).unwrap();
    store
}

/// The link as a direct call into the hub, at a time the test chooses.
struct Direct {
    hub: Arc<Hub>,
    handle: Handle,
    now: DateTime<Utc>,
}

impl Transport for Direct {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        self.handle
            .block_on(dala_hub::sync::answer(&self.hub, &request, self.now))
    }
}

fn direct(hub: &Arc<Hub>, now: DateTime<Utc>) -> Direct {
    Direct {
        hub: hub.clone(),
        handle: Handle::current(),
        now,
    }
}

/// Runs store work off the runtime's threads, as the app does.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

/// Every document the hub holds, with its heads: what "nothing changed" is measured against.
async fn hub_heads(hub: &Hub) -> Vec<(String, String, Vec<u8>)> {
    sqlx::query("SELECT org, doc_key, heads FROM hub_documents ORDER BY org, doc_key")
        .fetch_all(&hub.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

macro_rules! on_both {
    ($test:ident) => {
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$test(super::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$test(super::Backend::Postgres).await
            }
        }
    };
}

on_both!(a_school_enrols_syncs_and_is_reported);
async fn a_school_enrols_syncs_and_is_reported(backend: Backend) {
    let (hub, _hub_dir) = hub(backend).await;
    let district = almaty_district();
    let code = hub
        .create_org_in("Ақсу мектебі", Some(district), now())
        .await
        .unwrap();
    let dir = TempDir::new().unwrap();
    let h = hub.clone();
    let (store, first, second) = blocking(move || {
        let mut store = demo_school(dir.path(), 1);
        store
            .enrol_over(
                Some("https://hub.example"),
                Some(direct(&h, now())),
                &code,
                now(),
            )
            .unwrap();
        assert!(!store.undelivered().unwrap().is_empty());
        let first = store
            .sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        assert!(store.undelivered().unwrap().is_empty(), "all acknowledged");
        let second = store
            .sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        (store, first, second)
    })
    .await;
    assert!(first.docs > 10, "{first:?}");
    assert!(first.refused.is_empty(), "{first:?}");
    // A week later with nothing new: the manifest finds every document equal.
    assert_eq!((second.docs, second.rounds), (0, 0), "{second:?}");
    let docs = hub_heads(&hub).await;
    assert!(docs.iter().all(|(_, key, _)| DocKey::parse(key).is_some()));
    assert!(
        !docs.iter().any(|(_, key, _)| key == "accounts"),
        "school scope stays"
    );

    let rows = for_area(&hub, &Area::Republic, now())
        .await
        .unwrap()
        .organisations;
    assert_eq!(rows.len(), 1);
    let today = now().date_naive();
    let enrolled = store
        .list::<dala_core::enrolment::Enrolment>()
        .unwrap()
        .iter()
        .filter(|e| e.from <= today && e.to.is_none_or(|t| t >= today))
        .count() as i64;
    assert!(rows[0].pupils > 200, "{:?}", rows[0]);
    assert_eq!(rows[0].pupils, enrolled);
    let rate = rows[0].attendance_rate.expect("journals are marked");
    assert!(rate > 0.5 && rate < 1.0, "{rate}");
    assert!(rows[0].last_sync.is_some());

    let reports = for_area(&hub, &Area::Republic, now()).await.unwrap();
    // Grade 0 is the pre-school class.
    let by_contingent: i64 = reports.contingent.iter().map(|c| c.pupils).sum();
    assert_eq!(by_contingent, enrolled, "{:?}", reports.contingent);
    assert!(
        reports
            .contingent
            .iter()
            .all(|c| c.group_kind == "class" && (0..=11).contains(&c.grade) && c.groups > 0),
        "{:?}",
        reports.contingent
    );
    let (held, absent) = reports
        .attendance
        .iter()
        .fold((0, 0), |(h, a), w| (h + w.held, a + w.absent));
    assert!(
        reports.attendance.len() >= 3,
        "the demo journals' weeks: {:?}",
        reports.attendance
    );
    assert!((1.0 - absent as f64 / held as f64 - rate).abs() < 1e-9);
    assert_eq!(reports.organisations[0].district.as_deref(), Some(district));
    assert_eq!(
        reports.organisations[0].region.as_deref(),
        Some(ALMATY_REGION)
    );
    a_department_reads_its_own_area_only(&hub, district).await;
}

const ALMATY_REGION: &str = "190000000";

fn almaty_district() -> &'static str {
    dala_core::reference::districts_of(ALMATY_REGION)
        .next()
        .expect("the region has districts")
        .code
}

/// `GET /reports` as a district, a region and another district's department, and with no token.
async fn a_department_reads_its_own_area_only(hub: &Arc<Hub>, district: &str) {
    let elsewhere = dala_core::reference::districts_of("710000000")
        .next()
        .expect("Astana has districts")
        .code;
    let mut tokens = Vec::new();
    for (login, level, area) in [
        ("aksu", "district", district),
        ("almaty", "region", ALMATY_REGION),
        ("astana", "district", elsewhere),
    ] {
        let area = Area::new(level, Some(area)).unwrap();
        let token = districts::add_account(hub, login, "Білім бөлімі", &area, now())
            .await
            .unwrap();
        tokens.push(token);
    }
    let taken = Area::new("district", Some(district)).unwrap();
    let again = districts::add_account(hub, "aksu", "Тағы", &taken, now()).await;
    assert!(matches!(again, Err(HubError::Invalid(_))), "{again:?}");

    for (token, seen) in tokens.iter().zip([1, 1, 0]) {
        let (status, body) = get(hub, "/reports", Some(token)).await;
        assert_eq!(status, 200);
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        let orgs = json["organisations"].as_array().unwrap();
        assert_eq!(orgs.len(), seen, "{json}");
        let contingent = json["contingent"].as_array().unwrap();
        assert_eq!(contingent.is_empty(), seen == 0, "{json}");
    }
    let (status, body) = get(
        hub,
        "/reports?report=contingent&format=xlsx",
        Some(&tokens[1]),
    )
    .await;
    assert_eq!(status, 200);
    assert!(body.starts_with(b"PK"), "an xlsx is a zip");
    for token in [None, Some("not-a-token")] {
        let (status, body) = get(hub, "/reports", token).await;
        assert_eq!(status, 401);
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["code"], "hub.unauthenticated");
    }
    let (status, body) = get(hub, "/reports?report=pupils", Some(&tokens[0])).await;
    assert_eq!(status, 400);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["code"], "hub.unknown_report");
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .contains("«pupils» есебі жоқ"),
        "in Kazakh when the request names no language: {json}"
    );
    let russian = axum::http::Request::get("/reports")
        .header("accept-language", "ru-RU,ru;q=0.9")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(dala_hub::router(hub.clone()), russian)
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .starts_with("Для отчётов нужен токен"),
        "{json}"
    );
    assert!(districts::remove_account(hub, "aksu").await.unwrap());
    let (status, _) = get(hub, "/reports", Some(&tokens[0])).await;
    assert_eq!(status, 401, "a removed account's token stops working");
}

async fn get(hub: &Arc<Hub>, uri: &str, token: Option<&str>) -> (u16, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let mut request = axum::http::Request::get(uri);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let request = request.body(axum::body::Body::empty()).unwrap();
    let response = dala_hub::router(hub.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, body.to_vec())
}

on_both!(a_device_of_school_a_is_refused_a_document_of_school_b);
async fn a_device_of_school_a_is_refused_a_document_of_school_b(backend: Backend) {
    let (hub, _hub_dir) = hub(backend).await;
    let code_a = hub.create_org("A", now()).await.unwrap();
    let code_b = hub.create_org("B", now()).await.unwrap();
    let (dir_a, dir_b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let h = hub.clone();
    let (journal, org_b) = blocking(move || {
        let mut b = demo_school(dir_b.path(), 2);
        b.enrol_over(None, Some(direct(&h, now())), &code_b, now())
            .unwrap();
        b.sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        let journal = b
            .document_keys()
            .unwrap()
            .into_iter()
            .find(|k| matches!(k, DocKey::Journal { .. }))
            .unwrap();
        let bytes = b.document_bytes(journal).unwrap().unwrap();
        (journal, (b.org_id().unwrap(), bytes))
    })
    .await;
    let before = hub_heads(&hub).await;
    let h = hub.clone();
    let (report, claimed) = blocking(move || {
        let setup = Setup {
            kind: OrgKind::School,
            name: "A",
            admin_login: "director",
            password: "correct-horse-1",
            kdf: CHEAP,
        };
        let (mut a, _) = Store::init(dir_a.path(), &setup, now()).unwrap();
        a.enrol_over(None, Some(direct(&h, now())), &code_a, now())
            .unwrap();
        // School B's journal, copied onto a device of school A.
        a.merge(journal, &org_b.1, now()).unwrap();
        let report = a
            .sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        // A device of A claiming to be B.
        let key = a.device_key(now()).unwrap();
        let mut link = dala_sync::Link {
            transport: direct(&h, now()),
            key: &key,
            org: org_b.0,
            peer: h.key.public(),
            now_ms: now().timestamp_millis(),
            oldest_undelivered_ms: None,
        };
        let mut replica = a.replica(
            dala_store::UPSTREAM,
            Some(dala_core::Scope::Upstream),
            now(),
        );
        let claimed = dala_sync::sync(&mut replica, &mut link, |_, _| {}).unwrap_err();
        (report, claimed)
    })
    .await;
    assert!(
        report
            .refused
            .iter()
            .any(|r| r.doc == journal.name() && r.code == "sync.out_of_scope"),
        "{report:?}"
    );
    assert_eq!(claimed.code(), "sync.wrong_org");
    let after = hub_heads(&hub).await;
    let b_journal = |docs: &[(String, String, Vec<u8>)]| {
        docs.iter()
            .filter(|(_, k, _)| *k == journal.name())
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        b_journal(&before),
        b_journal(&after),
        "B's journal untouched"
    );
    assert_eq!(b_journal(&after).len(), 1, "held by B only");
}

on_both!(a_bundle_completes_a_paper_enrolment_and_twice_changes_nothing);
async fn a_bundle_completes_a_paper_enrolment_and_twice_changes_nothing(backend: Backend) {
    let (hub, _hub_dir) = hub(backend).await;
    let (other_hub, _other_dir) = self::hub(Backend::Sqlite).await;
    let code = hub.create_org("Ақсу мектебі", now()).await.unwrap();
    let other_code = other_hub.create_org("Ақсу мектебі", now()).await.unwrap();
    let dir = TempDir::new().unwrap();
    let other_dir = TempDir::new().unwrap();
    let (mut store, bytes, for_other) = blocking(move || {
        let mut store = demo_school(dir.path(), 3);
        store
            .enrol_over::<Direct>(None, None, &code, now())
            .unwrap();
        let bytes = store.export_bundle(now(), None).unwrap();
        let mut other = demo_school(other_dir.path(), 4);
        other
            .enrol_over::<Direct>(None, None, &other_code, now())
            .unwrap();
        let for_other = other.export_bundle(now(), None).unwrap();
        (store, bytes, for_other)
    })
    .await;

    // Altered on the way, or made for another hub: refused, nothing changed.
    let mut altered = bytes.clone();
    let middle = altered.len() / 2;
    altered[middle] ^= 0x20;
    let refused = bundle::import(&hub, &altered, now()).await.unwrap_err();
    assert_eq!(refused.code(), "sync.signature");
    let refused = bundle::import(&hub, &for_other, now()).await.unwrap_err();
    assert_eq!(refused.code(), "sync.wrong_hub");
    let refused = bundle::import(&hub, b"DALA garbage", now())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "sync.malformed");
    assert!(hub_heads(&hub).await.is_empty());

    let first = bundle::import(&hub, &bytes, now()).await.unwrap();
    assert!(
        first.applied_docs > 10 && first.refused.is_empty(),
        "{first:?}"
    );
    assert!(!first.already_imported);
    let held = hub_heads(&hub).await;
    let again = bundle::import(&hub, &bytes, now()).await.unwrap();
    assert!(again.already_imported);
    assert_eq!(again.applied_docs, 0);
    assert_eq!(hub_heads(&hub).await, held);

    let answer = first.answer.clone();
    let (imported, twice, waiting) = blocking(move || {
        let imported = store.import_answer(&answer, now()).unwrap();
        let confirmed = store.upstream().unwrap().unwrap();
        assert!(confirmed.confirmed_at.is_some() && confirmed.peer_key.is_some());
        let twice = store.import_answer(&answer, now()).unwrap();
        let waiting = store.undelivered().unwrap();
        // Nothing waits: a new bundle has nothing to carry.
        let nothing = store.export_bundle(now(), None).unwrap_err();
        assert_eq!(nothing.code(), "sync.nothing_to_send");
        (imported, twice, waiting)
    })
    .await;
    assert!(imported.acknowledged > 10, "{imported:?}");
    assert_eq!(twice.applied_docs, 0);
    assert!(waiting.is_empty(), "{waiting:?}");
}

on_both!(during_the_freeze_administrative_data_waits_and_ships_after);
async fn during_the_freeze_administrative_data_waits_and_ships_after(backend: Backend) {
    let (hub, _hub_dir) = hub(backend).await;
    let code = hub.create_org("Ақсу мектебі", now()).await.unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let fixation = Fixation::new(date, 10).unwrap();
    hub.announce(&fixation, now()).await.unwrap();
    let after = Utc
        .from_local_datetime(
            &fixation
                .freeze_ends()
                .succ_opt()
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap(),
        )
        .unwrap()
        + Duration::days(1);
    let dir = TempDir::new().unwrap();
    let h = hub.clone();
    let (frozen, waiting, later, left) = blocking(move || {
        let mut store = demo_school(dir.path(), 5);
        store
            .enrol_over(None, Some(direct(&h, now())), &code, now())
            .unwrap();
        let frozen = store
            .sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        let waiting = store.undelivered().unwrap();
        let later = store
            .sync_upstream_over(direct(&h, after), after, |_, _| {})
            .unwrap();
        let left = store.undelivered().unwrap();
        assert!(
            store.fixation().unwrap().is_some(),
            "the app shows the fixation"
        );
        (frozen, waiting, later, left)
    })
    .await;
    let refused: Vec<&str> = frozen.refused.iter().map(|r| r.doc.as_str()).collect();
    assert!(
        refused.contains(&"people") && refused.contains(&"org"),
        "{refused:?}"
    );
    assert!(frozen.refused.iter().all(|r| r.code == "sync.frozen"));
    assert!(
        frozen.refused.iter().all(|r| {
            dala_core::working_days::is_administrative(&DocKey::parse(&r.doc).unwrap())
        })
    );
    // The journals went; the administrative documents wait in the queue.
    let waiting: Vec<String> = waiting.iter().map(|u| u.doc.name()).collect();
    assert!(waiting.contains(&"people".to_string()), "{waiting:?}");
    assert!(
        waiting.iter().all(|d| !d.starts_with("journal/")),
        "{waiting:?}"
    );
    assert!(later.refused.is_empty(), "{later:?}");
    assert!(left.is_empty(), "{left:?}");
    // The archive of the fixation date was taken before the frozen sync: the journals only.
    let archive = dala_hub::archive_json(&hub, date).await.unwrap();
    let docs = archive["documents"].as_array().unwrap();
    assert!(!docs.is_empty());
}

#[tokio::test]
async fn a_used_or_unknown_code_enrols_nothing() {
    let (hub, _dir) = hub(Backend::Sqlite).await;
    let code = hub.create_org("A", now()).await.unwrap();
    let (d1, d2) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let h = hub.clone();
    let (second, fake) = blocking(move || {
        let setup = |name| Setup {
            kind: OrgKind::School,
            name,
            admin_login: "director",
            password: "correct-horse-1",
            kdf: CHEAP,
        };
        let (mut a, _) = Store::init(d1.path(), &setup("A"), now()).unwrap();
        a.enrol_over(None, Some(direct(&h, now())), &code, now())
            .unwrap();
        let (mut b, _) = Store::init(d2.path(), &setup("B"), now()).unwrap();
        let second = b
            .enrol_over(None, Some(direct(&h, now())), &code, now())
            .unwrap_err();
        let fake = dala_sync::EnrolmentCode::new(&h.key.public())
            .unwrap()
            .to_text();
        let fake = b
            .enrol_over(None, Some(direct(&h, now())), &fake, now())
            .unwrap_err();
        assert!(b.upstream().unwrap().is_none(), "nothing kept");
        (second, fake)
    })
    .await;
    assert_eq!(second.code(), SyncError::CodeInvalid.code());
    assert_eq!(fake.code(), "sync.code_invalid");
}

on_both!(the_directors_confirmation_is_recorded_and_another_key_refused);
async fn the_directors_confirmation_is_recorded_and_another_key_refused(backend: Backend) {
    use dala_store::Confirm;
    let (hub, _hub_dir) = hub(backend).await;
    let district = almaty_district();
    let code = hub
        .create_org_in("Ақсу мектебі", Some(district), now())
        .await
        .unwrap();
    let dir = TempDir::new().unwrap();
    let path = dir.path().to_path_buf();
    let h = hub.clone();
    let director = Confirm {
        login: "director",
        password: "correct-horse-1",
    };
    let (mut store, signed) = blocking(move || {
        let mut store = demo_school(&path, 6);
        store
            .enrol_over(None, Some(direct(&h, now())), &code, now())
            .unwrap();
        let signed = store.export_bundle(now(), Some(director)).unwrap();
        (store, signed)
    })
    .await;
    let imported = bundle::import(&hub, &signed, now()).await.unwrap();
    assert!(
        imported
            .confirmed_by
            .as_deref()
            .unwrap()
            .contains("director")
    );
    let rows = for_area(&hub, &Area::Republic, now())
        .await
        .unwrap()
        .organisations;
    assert!(rows[0].confirmed_by.is_some() && rows[0].confirmed_at.is_some());

    // The director's password reset by someone else: the old key is gone, a new one signs.
    let later = now() + Duration::days(7);
    let h = hub.clone();
    let store = blocking(move || {
        store
            .set_password("director", "another-pass-2", CHEAP, later)
            .unwrap();
        store.import_answer(&imported.answer, later).unwrap();
        let sync = store.sync_upstream_over(direct(&h, later), later, |_, _| {});
        assert!(sync.is_ok(), "{sync:?}");
        let other = Confirm {
            login: "director",
            password: "another-pass-2",
        };
        let refused = store
            .confirm_upstream_over(direct(&h, later), other, later)
            .unwrap_err();
        assert_eq!(refused.code(), "sync.director_unknown");
        // Not the director: refused before anything is signed.
        let wrong = Confirm {
            login: "director",
            password: "not-the-password",
        };
        let refused = store
            .confirm_upstream_over(direct(&h, later), wrong, later)
            .unwrap_err();
        assert_eq!(refused.code(), "auth.invalid_credentials");
        store
    })
    .await;
    let before = sqlx::query("SELECT count(*) FROM hub_confirmations")
        .fetch_one(&hub.pool)
        .await
        .unwrap()
        .get::<i64, _>(0);
    assert_eq!(before, 1, "the refused confirmation left nothing");

    // The district registers the new director: the next confirmation binds the new key.
    assert_eq!(hub.forget_director("Ақсу мектебі").await.unwrap(), 1);
    let h = hub.clone();
    let mut store = store;
    blocking(move || {
        let other = Confirm {
            login: "director",
            password: "another-pass-2",
        };
        store
            .confirm_upstream_over(direct(&h, later), other, later)
            .unwrap();
    })
    .await;
    let rows = for_area(&hub, &Area::Republic, later)
        .await
        .unwrap()
        .organisations;
    assert!(
        rows[0]
            .confirmed_at
            .as_deref()
            .unwrap()
            .starts_with("2026-11-30")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_enrols_and_syncs_over_https_pinned_to_the_hubs_certificate() {
    let dir = TempDir::new().unwrap();
    let hub = Hub::open(dir.path(), None).await.unwrap();
    let code = hub.create_org("Ақсу мектебі", now()).await.unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    tokio::spawn(dala_hub::serve_tls(hub, port, |_, _| {}));
    let url = format!("https://127.0.0.1:{port}");
    let school = TempDir::new().unwrap();
    let (up, report, again) = blocking(move || {
        let mut store = demo_school(school.path(), 7);
        // The server needs a moment to listen.
        let mut tries = 0;
        let up = loop {
            match store.enrol(Some(&url), &code, Utc::now()) {
                Ok(up) => break up,
                Err(e) if e.code() == "sync.offline" && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(e) => panic!("{e}"),
            }
        };
        let report = store.sync_upstream(Utc::now(), |_, _| {}).unwrap();
        // Another certificate at the same address is refused before anything is sent.
        let mut forged = store.upstream().unwrap().unwrap();
        forged.tls_hash = Some([7; 32]);
        store.set_upstream(&forged).unwrap();
        let again = store.sync_upstream(Utc::now(), |_, _| {}).unwrap_err();
        (up, report, again)
    })
    .await;
    assert!(up.tls_hash.is_some(), "the certificate is pinned");
    assert!(up.peer_key.is_some() && up.confirmed_at.is_some());
    assert!(report.docs > 10 && report.bytes_sent > 0, "{report:?}");
    assert_eq!(again.code(), "sync.offline");
    assert!(again.to_string().contains("certificate"), "{again}");
}

/// A snapshot as `dala-hub snapshot` makes it: the file's bytes and its code.
async fn snapshot_of(hub: &Hub, org_name: &str) -> dala_hub::Result<(Vec<u8>, String)> {
    let mut file = Vec::new();
    let code = dala_hub::snapshot::make(hub, org_name, now(), |bytes| {
        file = bytes.to_vec();
        Ok(())
    })
    .await?;
    Ok((file, code))
}

on_both!(a_new_computer_starts_from_the_hubs_snapshot_and_its_first_sync_sends_nothing);
async fn a_new_computer_starts_from_the_hubs_snapshot_and_its_first_sync_sends_nothing(
    backend: Backend,
) {
    use dala_store::{Provision, StoreError};
    let (hub, _hub_dir) = hub(backend).await;
    let code = hub.create_org("Ақсу мектебі", now()).await.unwrap();
    let (dir, h) = (TempDir::new().unwrap(), hub.clone());
    let (school, dir) = blocking(move || {
        let mut school = demo_school(dir.path(), 3);
        school
            .enrol_over(None, Some(direct(&h, now())), &code, now())
            .unwrap();
        school
            .sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        (school, dir)
    })
    .await;
    let _ = dir;
    let held = hub_heads(&hub).await;

    // Unknown names, and a school that never synced, have no snapshot.
    let unknown = snapshot_of(&hub, "Жоқ мектеп").await;
    assert!(matches!(unknown, Err(HubError::Invalid(_))));
    hub.create_org("Жаңа мектеп", now()).await.unwrap();
    let unsynced = snapshot_of(&hub, "Жаңа мектеп").await;
    assert!(matches!(unsynced, Err(HubError::Invalid(_))));

    let (first, first_code) = snapshot_of(&hub, "Ақсу мектебі").await.unwrap();
    // A second snapshot's code replaces the first's at the hub, which enrols nothing any more;
    // a snapshot that could not be written out replaces nothing.
    let (snapshot, code) = snapshot_of(&hub, "Ақсу мектебі").await.unwrap();
    let unwritten = dala_hub::snapshot::make(&hub, "Ақсу мектебі", now(), |_| {
        Err(HubError::Invalid("the USB stick is full".into()))
    })
    .await;
    assert!(unwritten.is_err());
    let (h, stale_code) = (hub.clone(), first_code.clone());
    let (school, stale) = blocking(move || {
        let mut school = school;
        let stale = school.enrol_over(None, Some(direct(&h, now())), &stale_code, now());
        (school, stale.err().map(|e| e.code()))
    })
    .await;
    assert_eq!(stale, Some("sync.code_invalid"));
    let provision = |snapshot: &[u8], code: &str| {
        let (snapshot, code) = (snapshot.to_vec(), code.to_string());
        move |dir: &Path| {
            Store::provision(
                dir,
                &Provision {
                    snapshot: &snapshot,
                    code: &code,
                    hub_url: None,
                    admin_login: "aigul",
                    password: "correct-horse-2",
                    kdf: CHEAP,
                },
                now(),
            )
        }
    };
    let refused_dir = TempDir::new().unwrap();
    let wrong = provision(&first, &code)(refused_dir.path());
    assert!(
        matches!(wrong, Err(StoreError::Sync(SyncError::SnapshotCode))),
        "{:?}",
        wrong.err()
    );
    let mut altered = first.clone();
    let at = altered.len() / 2;
    altered[at] ^= 0x40;
    assert!(provision(&altered, &first_code)(refused_dir.path()).is_err());
    // A hub that cannot be reached fails the enrolment after the documents went in: the
    // folder is emptied again, and the code is still unused.
    let (offline_dir, offline_snapshot, offline_code) =
        (TempDir::new().unwrap(), snapshot.clone(), code.clone());
    let (offline, offline_dir) = blocking(move || {
        let made = Store::provision(
            offline_dir.path(),
            &Provision {
                snapshot: &offline_snapshot,
                code: &offline_code,
                hub_url: Some("https://127.0.0.1:9"),
                admin_login: "aigul",
                password: "correct-horse-2",
                kdf: CHEAP,
            },
            now(),
        );
        (made.err(), offline_dir)
    })
    .await;
    assert!(
        matches!(offline, Some(StoreError::Sync(SyncError::Offline { .. }))),
        "{offline:?}"
    );
    for folder in [refused_dir.path(), offline_dir.path()] {
        assert_eq!(
            std::fs::read_dir(folder).unwrap().count(),
            0,
            "a refused snapshot leaves the folder empty"
        );
    }

    let (new_dir, h, code_online) = (TempDir::new().unwrap(), hub.clone(), code.clone());
    let (new_pc, report) = blocking(move || {
        let (mut new_pc, _) = provision(&snapshot, &code)(new_dir.path()).unwrap();
        assert!(new_pc.check().unwrap().passed());
        assert!(
            new_pc.undelivered().unwrap().is_empty(),
            "what the hub sent needs no delivery"
        );
        // The link comes later: the same code enrols it online and the first sync finds every
        // document equal.
        new_pc
            .enrol_over(None, Some(direct(&h, now())), &code_online, now())
            .unwrap();
        let report = new_pc
            .sync_upstream_over(direct(&h, now()), now(), |_, _| {})
            .unwrap();
        (new_pc, (report, new_dir))
    })
    .await;
    let (report, _new_dir) = report;
    assert_eq!((report.docs, report.rounds), (0, 0), "{report:?}");
    assert_eq!(hub_heads(&hub).await, held, "the hub got nothing back");
    assert_eq!(new_pc.org_id().unwrap(), school.org_id().unwrap());
    let names = |store: &Store| {
        let mut names: Vec<String> = store.names().unwrap().into_values().collect();
        names.sort();
        names
    };
    assert_eq!(names(&new_pc), names(&school), "every person arrived");
    let logins: Vec<String> = new_pc
        .list::<dala_core::account::Account>()
        .unwrap()
        .into_iter()
        .map(|a| format!("{}:{}", a.login, a.role.code()))
        .collect();
    assert_eq!(
        logins,
        ["aigul:director"],
        "accounts never leave the school"
    );
}
