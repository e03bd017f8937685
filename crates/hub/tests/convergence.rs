//! Convergence: the school's main computer, two laptops copied from it and the hub, with random
//! offline edits of every kind of document on every computer, synced in a random order over
//! random links — a laptop with the main computer over the school network, the main computer
//! with the hub over the internet or by a bundle on a USB stick. When everyone has synced, every
//! computer holds the same documents and the same projections, and `check` passes everywhere.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use dala_core::account::Account;
use dala_core::group::Class;
use dala_core::journal::{Acting, CellEdit, Lesson, LessonKind, Mark};
use dala_core::org::{OrgKind, Organisation};
use dala_core::person::Person;
use dala_core::room::Room;
use dala_core::{Command, DocKey, Entity, Grid, Scope};
use dala_hub::{Hub, bundle};
use dala_store::{KdfParams, Setup, Store, StoreError, UPSTREAM};
use dala_sync::{Answer, Ask, Replica, SecretKey, Transport};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sqlx::Row;
use tokio::runtime::Handle;
use uuid::Uuid;

const PASSWORD: &str = "correct-horse-1";
const SEEDS: u64 = 6;
const STEPS: usize = 40;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 6, 0, 0).unwrap()
}

/// The demo school, made once and copied for every seed.
fn template(dir: &Path) {
    let setup = Setup {
        kind: OrgKind::School,
        name: "Ақсу мектебі",
        admin_login: "director",
        password: PASSWORD,
        kdf: KdfParams {
            m_kib: 64,
            t: 1,
            p: 1,
        },
    };
    let (mut store, _) = Store::init(dir, &setup, start()).unwrap();
    let org = store.list::<Organisation>().unwrap()[0].id;
    let mut rng = StdRng::seed_from_u64(11);
    let demo = dala_core::demo::school(org, start().date_naive(), &mut rng, &mut Uuid::now_v7);
    store.execute_batch(&demo.commands, start()).unwrap();
}

fn copy(from: &Path, to: &Path) -> Store {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
    Store::unlock(to, "director", PASSWORD, start()).unwrap()
}

/// The hub's side of the link, called directly.
struct HubLink {
    hub: Arc<Hub>,
    handle: Handle,
    now: DateTime<Utc>,
}

impl Transport for HubLink {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        self.handle
            .block_on(dala_hub::sync::answer(&self.hub, &request, self.now))
    }
}

/// The main computer answering a laptop over the school network, called directly.
struct LanLink<'a> {
    replica: dala_store::StoreReplica<'a>,
    key: SecretKey,
}

impl Transport for LanLink<'_> {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        let failed = |e: StoreError| dala_sync::SyncError::Malformed {
            detail: e.to_string(),
        };
        let (_, request) = dala_sync::open_request(&request)?;
        let answer = match request.ask {
            Ask::Manifest { docs, .. } => Answer::Manifest {
                differ: dala_sync::differ(&self.replica.manifest().map_err(failed)?, &docs),
            },
            Ask::Round { docs } => {
                let names: Vec<String> = docs.iter().map(|d| d.doc.clone()).collect();
                self.replica.receive(docs).map_err(failed)?;
                Answer::Round {
                    docs: self.replica.generate(&names).map_err(failed)?,
                    refused: Vec::new(),
                }
            }
            Ask::Enrol(_) | Ask::Confirm { .. } => Answer::Refused {
                code: "sync.code_invalid".into(),
                detail: String::new(),
            },
        };
        let response = dala_sync::Response {
            answer,
            fixation: None,
        };
        dala_sync::seal_response(&self.key, &response)
    }
}

fn lan_sync(laptop: &mut Store, laptop_name: &str, main: &mut Store, now: DateTime<Utc>) {
    let (client_key, server_key) = (
        laptop.device_key(now).unwrap(),
        main.device_key(now).unwrap(),
    );
    let org = laptop.org_id().unwrap();
    let peer = server_key.public();
    let mut link = dala_sync::Link {
        transport: LanLink {
            replica: main.replica(laptop_name, None, now),
            key: server_key,
        },
        key: &client_key,
        org,
        peer,
        now_ms: now.timestamp_millis(),
        oldest_undelivered_ms: None,
    };
    let mut replica = laptop.replica(UPSTREAM, None, now);
    dala_sync::sync(&mut replica, &mut link, |_, _| {}).unwrap();
}

/// One random edit as a person would make it; a refusal by the rules changes nothing and
/// counts as no edit.
fn edit(store: &mut Store, rng: &mut StdRng, now: DateTime<Utc>) -> Option<&'static str> {
    let today = start().date_naive();
    let (kind, command) = match rng.gen_range(0..7) {
        0 => {
            let lessons: Vec<Lesson> = store.list::<Lesson>().unwrap();
            let lesson = lessons
                .iter()
                .filter(|l| l.date < today && l.kind == LessonKind::Ordinary)
                .collect::<Vec<_>>()
                .choose(rng)
                .copied()?
                .clone();
            let pupils = store
                .find::<dala_core::enrolment::Enrolment>("group_id", &lesson.class_id.to_string())
                .unwrap();
            let pupil = pupils.choose(rng)?.person_id;
            let mark = Mark {
                attendance: None,
                score: Some(rng.gen_range(1..=10)),
            };
            let command = Command::SaveMarks {
                class_id: lesson.class_id,
                term_id: lesson.term_id,
                subject: lesson.subject.clone(),
                cells: vec![CellEdit {
                    lesson_id: lesson.id,
                    student_id: pupil,
                    mark,
                    comment: None,
                }],
                taken: Vec::new(),
                by: Acting::Supervisor,
            };
            ("journal mark", command)
        }
        1 => {
            let mut lesson = store.list::<Lesson>().unwrap().choose(rng)?.clone();
            lesson.topic = Some(format!("Тақырып {}", rng.gen_range(1..1000)));
            (
                "journal topic",
                Command::SaveLesson {
                    lesson,
                    by: Acting::Supervisor,
                },
            )
        }
        2 => {
            let mut person = store.list::<Person>().unwrap().choose(rng)?.clone();
            person.first_name = ["Әлия", "Дана", "Нұрлан", "Ерлан"].choose(rng)?.to_string();
            ("people", Command::SavePerson(person))
        }
        3 => {
            let mut org = store.list::<Organisation>().unwrap()[0].clone();
            org.name = format!("Ақсу мектебі № {}", rng.gen_range(1..100));
            ("org", Command::SetOrganisation(org))
        }
        4 => {
            let mut class = store.list::<Class>().unwrap().choose(rng)?.clone();
            class.id = Uuid::now_v7();
            class.letter = ["Ж", "З", "И", "К"].choose(rng)?.to_string();
            ("roster", Command::AddClass(class))
        }
        5 => {
            let mut room = store.list::<Room>().unwrap().choose(rng)?.clone();
            room.capacity = rng.gen_range(10..40);
            ("timetable", Command::SaveRoom(room))
        }
        _ => {
            let mut account = store.list::<Account>().unwrap().choose(rng)?.clone();
            account.lang = ["kk", "ru", "en"].choose(rng)?.to_string();
            ("accounts", Command::UpdateAccount(account))
        }
    };
    store.execute(&command, now).ok().map(|_| kind)
}

/// A document as its content, in an order that does not depend on the computer.
fn content(key: DocKey, bytes: &[u8]) -> (Vec<String>, Vec<String>) {
    let doc = automerge::AutoCommit::load(bytes).unwrap();
    let contents = dala_store::contents(key, doc).unwrap();
    let mut entities: Vec<String> = contents.entities.iter().map(|e| format!("{e:?}")).collect();
    let mut cells: Vec<String> = contents.cells.iter().map(|c| format!("{c:?}")).collect();
    entities.sort();
    cells.sort();
    (entities, cells)
}

/// A collection as the store's projection lists it, in an order of its own.
fn listed<E: Entity + std::fmt::Debug>(store: &Store) -> Vec<String> {
    let mut items: Vec<String> = store
        .list::<E>()
        .unwrap()
        .iter()
        .map(|e| format!("{e:?}"))
        .collect();
    items.sort();
    items
}

/// What a store's projections show: the lists the screens read and every journal's cells.
fn projections(store: &Store) -> Vec<String> {
    let mut shown = listed::<Person>(store);
    shown.extend(listed::<Class>(store));
    shown.extend(listed::<Lesson>(store));
    shown.extend(listed::<Room>(store));
    shown.extend(listed::<Organisation>(store));
    shown.extend(listed::<Account>(store));
    let mut sorted = |mut items: Vec<String>| {
        items.sort();
        shown.extend(items);
    };
    for key in store.document_keys().unwrap() {
        if matches!(key, DocKey::Journal { .. }) {
            let cells = store.cells(key, Grid::Marks).unwrap();
            sorted(cells.iter().map(|c| format!("{key:?} {c:?}")).collect());
        }
    }
    shown
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_computer_ends_with_the_same_documents_and_projections() {
    let template_dir = tempfile::tempdir().unwrap();
    let path = template_dir.path().to_path_buf();
    tokio::task::spawn_blocking(move || template(&path))
        .await
        .unwrap();
    for seed in 0..SEEDS {
        let hub_dir = tempfile::tempdir().unwrap();
        let hub = Arc::new(Hub::open(hub_dir.path(), None).await.unwrap());
        let code = hub.create_org("Ақсу мектебі", start()).await.unwrap();
        let from = template_dir.path().to_path_buf();
        let handle = Handle::current();
        let h = hub.clone();
        let edits = tokio::task::spawn_blocking(move || run(seed, &from, h, handle, &code))
            .await
            .unwrap();
        assert!(
            edits >= STEPS / 4,
            "seed {seed}: only {edits} edits were made"
        );
    }
}

/// One seed's story; answers how many edits were made.
fn run(seed: u64, template: &Path, hub: Arc<Hub>, handle: Handle, code: &str) -> usize {
    let mut rng = StdRng::seed_from_u64(seed);
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut stores: Vec<Store> = dirs.iter().map(|d| copy(template, d.path())).collect();
    let link = |now| HubLink {
        hub: hub.clone(),
        handle: handle.clone(),
        now,
    };
    stores[0]
        .enrol_over(
            Some("https://hub.example"),
            Some(link(start())),
            code,
            start(),
        )
        .unwrap();
    let mut now = start();
    let mut edits = 0;
    for _ in 0..STEPS {
        now += Duration::minutes(rng.gen_range(1..240));
        match rng.gen_range(0..10) {
            0..=5 => {
                let who = rng.gen_range(0..3);
                edits += usize::from(edit(&mut stores[who], &mut rng, now).is_some());
            }
            6 | 7 => {
                let laptop = rng.gen_range(1..3);
                let (main, rest) = stores.split_at_mut(1);
                lan_sync(
                    &mut rest[laptop - 1],
                    &format!("laptop-{laptop}"),
                    &mut main[0],
                    now,
                );
            }
            8 => {
                stores[0]
                    .sync_upstream_over(link(now), now, |_, _| {})
                    .unwrap();
            }
            _ => match stores[0].export_bundle(now, None) {
                Ok(bytes) => {
                    let imported = handle.block_on(bundle::import(&hub, &bytes, now)).unwrap();
                    assert!(imported.refused.is_empty(), "{:?}", imported.refused);
                    stores[0].import_answer(&imported.answer, now).unwrap();
                }
                Err(e) => assert_eq!(e.code(), "sync.nothing_to_send"),
            },
        }
    }
    // Everyone syncs until nothing is left to say.
    for _ in 0..2 {
        for laptop in 1..3 {
            let (main, rest) = stores.split_at_mut(1);
            lan_sync(
                &mut rest[laptop - 1],
                &format!("laptop-{laptop}"),
                &mut main[0],
                now,
            );
        }
        stores[0]
            .sync_upstream_over(link(now), now, |_, _| {})
            .unwrap();
    }
    assert!(stores[0].undelivered().unwrap().is_empty(), "seed {seed}");

    let keys = stores[0].document_keys().unwrap();
    for key in &keys {
        let ours = stores[0].document_bytes(*key).unwrap().unwrap();
        let expected = content(*key, &ours);
        for (i, store) in stores.iter_mut().enumerate().skip(1) {
            let theirs = store.document_bytes(*key).unwrap().unwrap();
            assert_eq!(
                content(*key, &theirs),
                expected,
                "seed {seed}: {key:?} on laptop {i}"
            );
        }
        if key.scope() == Scope::Upstream {
            let held: Vec<u8> = handle
                .block_on(
                    sqlx::query("SELECT bytes FROM hub_documents WHERE doc_key = $1")
                        .bind(key.name())
                        .fetch_one(&hub.pool),
                )
                .unwrap()
                .get(0);
            assert_eq!(
                content(*key, &held),
                expected,
                "seed {seed}: {key:?} at the hub"
            );
        }
    }
    let shown = projections(&stores[0]);
    for (i, store) in stores.iter().enumerate() {
        assert_eq!(
            projections(store),
            shown,
            "seed {seed}: projections of computer {i}"
        );
        assert!(
            store.check().unwrap().passed(),
            "seed {seed}: check on computer {i}"
        );
    }
    edits
}
