//! The store as a whole: unlocking, the write path, refusals that change nothing, what lies on
//! disk, `check`, compaction and data made by the first schema version.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dala_core::account::{Account, Role};
use dala_core::enrolment::Enrolment;
use dala_core::group::{AgeGroup, Class};
use dala_core::iin::{Iin, Sex};
use dala_core::journal::{Acting, Attendance, CellEdit, Lesson, LessonKind, Mark};
use dala_core::org::{Language, OrgKind, Organisation};
use dala_core::person::{Person, PersonKind};
use dala_core::year::AcademicYear;
use dala_core::{Command, DocKey, Grid};
use dala_store::{KdfParams, KeySlots, RecoveryKey, Setup, Store, StoreError, raw_connection};
use rand::SeedableRng;
use uuid::Uuid;

const PASSWORD: &str = "correct-horse-1";
const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 6, 0, 0).unwrap()
}

fn setup(dir: &Path, kind: OrgKind) -> (Store, RecoveryKey) {
    let setup = Setup {
        kind,
        name: "Ақсу мектебі",
        admin_login: "director",
        password: PASSWORD,
        kdf: CHEAP,
    };
    Store::init(dir, &setup, now()).unwrap()
}

/// The demo school's commands applied one by one, as a person would enter them.
fn demo_school(dir: &Path) -> Store {
    let (mut store, _) = setup(dir, OrgKind::School);
    let org = store.list::<Organisation>().unwrap()[0].id;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let demo = dala_core::demo::school(org, today, &mut rng, &mut Uuid::now_v7);
    for command in &demo.commands {
        store.execute(command, now()).unwrap();
    }
    store
}

/// Every row of every table: what "nothing changed" is measured against.
fn rows(store: &Store) -> BTreeMap<String, i64> {
    table_rows(store.connection())
}

fn table_rows(conn: &rusqlite::Connection) -> BTreeMap<String, i64> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn student(id: Uuid, last: &str, birth: NaiveDate, serial: u16) -> Person {
    Person {
        id,
        kind: PersonKind::Student,
        last_name: last.into(),
        first_name: "Әлихан".into(),
        patronymic: None,
        iin: (serial..serial + 50).find_map(|s| Iin::generate(birth, Sex::Male, s)),
        birth_date: birth,
        sex: Sex::Male,
        position: None,
        subject: None,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "мектеп").unwrap();
    let before = files(dir.path());
    let setup = Setup {
        kind: OrgKind::School,
        name: "X",
        admin_login: "director",
        password: PASSWORD,
        kdf: CHEAP,
    };
    let err = Store::init(dir.path(), &setup, now()).err().unwrap();
    assert_eq!(err.code(), "store.already_initialised");
    assert_eq!(files(dir.path()), before);
}

#[test]
fn a_wrong_password_or_login_opens_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    drop(setup(dir.path(), OrgKind::School));
    let before = files(dir.path());
    for (login, password) in [
        ("director", "wrong-password"),
        ("nobody", PASSWORD),
        ("director", ""),
    ] {
        let err = Store::unlock(dir.path(), login, password, now())
            .err()
            .unwrap();
        assert_eq!(err.code(), "auth.invalid_credentials");
    }
    assert_eq!(files(dir.path()), before);
    let store = Store::unlock(dir.path(), "DIRECTOR", PASSWORD, now()).unwrap();
    assert_eq!(store.author().login, "director");
    assert!(store.author().account_id.is_some());
}

#[test]
fn an_empty_folder_is_not_a_dala_folder() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::unlock(dir.path(), "director", PASSWORD, now())
        .err()
        .unwrap();
    assert_eq!(err.code(), "store.not_initialised");
    assert_eq!(files(dir.path()).len(), 0);
}

#[test]
fn the_recovery_key_opens_the_store_and_another_key_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let (_, recovery) = setup(dir.path(), OrgKind::Kindergarten);
    let typed = RecoveryKey::parse(&recovery.display()).unwrap();
    let store = Store::unlock_with_recovery(dir.path(), &typed, now()).unwrap();
    assert_eq!(store.list::<Account>().unwrap()[0].role, Role::Head);
    drop(store);
    let other_dir = tempfile::tempdir().unwrap();
    let (_, other) = setup(other_dir.path(), OrgKind::School);
    let err = Store::unlock_with_recovery(dir.path(), &other, now())
        .err()
        .unwrap();
    assert_eq!(err.code(), "auth.recovery_key_invalid");
}

#[test]
fn a_damaged_key_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    drop(setup(dir.path(), OrgKind::School));
    std::fs::write(dir.path().join(dala_store::SLOTS_FILE), "{\"format\": 1}").unwrap();
    let err = Store::unlock(dir.path(), "director", PASSWORD, now())
        .err()
        .unwrap();
    assert_eq!(err.code(), "store.key_slots_corrupt");
}

#[test]
fn nothing_on_disk_is_plain_sqlite_or_names_a_pupil() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_school(dir.path());
    let people = store.list::<Person>().unwrap();
    assert!(
        people.len() > 300,
        "the demo school has about 300 pupils and its staff"
    );
    let org = store.list::<Organisation>().unwrap().remove(0);
    // Short names such as "Ли" would turn up by chance in 2 MB of ciphertext: look for longer ones.
    let names: Vec<&str> = people
        .iter()
        .map(|p| p.last_name.as_str())
        .chain([org.name.as_str()])
        .filter(|n| n.chars().count() >= 6)
        .collect();
    assert!(names.len() > 200);
    let look = |files: &BTreeMap<String, Vec<u8>>| {
        for (file, bytes) in files {
            assert!(
                !bytes.starts_with(b"SQLite format 3\0"),
                "{file} is a plain SQLite file"
            );
            // Lossy decoding keeps every valid UTF-8 run intact, so a name in clear would survive.
            let text = String::from_utf8_lossy(bytes);
            for needle in &names {
                assert!(!text.contains(needle), "{file} holds {needle} in clear");
            }
        }
    };
    look(&files(dir.path())); // while open, with the WAL beside it
    drop(store);
    look(&files(dir.path()));
}

#[test]
fn a_command_writes_document_projection_and_audit_together() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = setup(dir.path(), OrgKind::School);
    let id = Uuid::now_v7();
    let mut pupil = student(id, "Қасымов", date(2014, 3, 8), 100);
    store
        .execute(&Command::SavePerson(pupil.clone()), now())
        .unwrap();
    pupil.last_name = "Қасымұлы".into();
    store
        .execute(&Command::SavePerson(pupil.clone()), now())
        .unwrap();
    drop(store);

    let store = Store::unlock(dir.path(), "director", PASSWORD, now()).unwrap();
    assert_eq!(store.get::<Person>(id).unwrap(), Some(pupil));
    let audit = store.audit_log().unwrap();
    let last = audit.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.login.as_str(), last.personal),
        ("person.save", "director", true)
    );
    assert!(last.before.as_deref().unwrap().contains("Қасымов"));
    assert!(last.after.as_deref().unwrap().contains("Қасымұлы"));
    assert!(store.check().unwrap().passed());
}

#[test]
fn every_refused_command_names_its_rule_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = setup(dir.path(), OrgKind::School);
    let (year, terms) = dala_core::year::standard_school_year(2026, Uuid::now_v7);
    store
        .execute(
            &Command::AddYear {
                year: year.clone(),
                terms,
            },
            now(),
        )
        .unwrap();
    let class = Class {
        id: Uuid::now_v7(),
        year_id: year.id,
        grade: 5,
        letter: "А".into(),
        language: Language::Kazakh,
    };
    store
        .execute(&Command::AddClass(class.clone()), now())
        .unwrap();
    let pupil = student(Uuid::now_v7(), "Серікбаев", date(2015, 1, 20), 10);
    store
        .execute(&Command::SavePerson(pupil.clone()), now())
        .unwrap();
    let enrol = |from, to| Enrolment {
        id: Uuid::now_v7(),
        year_id: year.id,
        person_id: pupil.id,
        group_id: class.id,
        from,
        to,
    };
    store
        .execute(&Command::Enrol(enrol(year.starts, None)), now())
        .unwrap();
    let mut staff = student(Uuid::now_v7(), "Ахметова", date(1985, 5, 5), 1);
    staff.kind = PersonKind::Staff;
    staff.iin = None;
    store
        .execute(&Command::SavePerson(staff.clone()), now())
        .unwrap();

    let mut wrong_sex = student(Uuid::now_v7(), "Ким", date(2015, 2, 2), 20);
    wrong_sex.sex = Sex::Female;
    let mut same_iin = student(Uuid::now_v7(), "Пак", date(2015, 1, 20), 10);
    same_iin.iin = pupil.iin.clone();
    let no_name = student(Uuid::now_v7(), " ", date(2015, 2, 2), 30);
    let mut bad_bin = store.list::<Organisation>().unwrap().remove(0);
    bad_bin.bin = Some("123456789012".into());
    let bad_year = AcademicYear {
        id: Uuid::now_v7(),
        start_year: 2027,
        starts: date(2027, 9, 1),
        ends: date(2027, 8, 1),
    };
    let group = AgeGroup {
        id: Uuid::now_v7(),
        year_id: year.id,
        name: "Балапан".into(),
        age_from: 3,
        age_to: 4,
        norm_places: 60,
        language: Language::Kazakh,
    };
    let admin = Account {
        id: Uuid::now_v7(),
        login: "Director".into(),
        role: Role::Teacher,
        person_id: None,
        lang: "ru".into(),
        must_change_password: true,
        totp_secret: None,
    };
    let staff_enrol = Enrolment {
        person_id: staff.id,
        ..enrol(year.starts, None)
    };
    let other_class = |f: &dyn Fn(&mut Class)| {
        let mut c = Class {
            id: Uuid::now_v7(),
            ..class.clone()
        };
        f(&mut c);
        Command::AddClass(c)
    };

    let cases: Vec<(Command, &str)> = vec![
        (other_class(&|c| c.grade = 12), "class.grade_out_of_range"),
        (other_class(&|c| c.letter = "а".into()), "class.duplicate"),
        (
            other_class(&|c| c.letter = "5".into()),
            "class.letter_invalid",
        ),
        (other_class(&|c| c.year_id = Uuid::nil()), "store.not_found"),
        (Command::SavePerson(wrong_sex), "person.iin_mismatch"),
        (Command::SavePerson(same_iin), "person.iin_taken"),
        (Command::SavePerson(no_name), "person.name_required"),
        (
            Command::Enrol(enrol(date(2027, 1, 10), None)),
            "enrolment.overlap",
        ),
        (
            Command::Enrol(enrol(date(2027, 6, 1), None)),
            "enrolment.outside_year",
        ),
        (Command::Enrol(staff_enrol), "enrolment.wrong_person"),
        (Command::SetOrganisation(bad_bin), "org.bin_invalid"),
        (
            Command::AddYear {
                year: bad_year,
                terms: Vec::new(),
            },
            "year.dates_invalid",
        ),
        (Command::AddAgeGroup(group), "group.norm_invalid"),
        (Command::CreateAccount(admin), "account.login_taken"),
    ];
    for (command, code) in cases {
        let before = rows(&store);
        let err = store.execute(&command, now()).err();
        let err = err.unwrap_or_else(|| panic!("{code} was accepted"));
        assert_eq!(err.code(), code, "{command:?}");
        assert_eq!(rows(&store), before, "{code} changed something");
    }
    // The documents in memory were not left ahead of the disk: the store still checks clean.
    let later = student(Uuid::now_v7(), "Жаңабай", date(2016, 6, 6), 40);
    store.execute(&Command::SavePerson(later), now()).unwrap();
    let report = store.check().unwrap();
    assert!(report.passed(), "{:?}", report.problems);
}

#[test]
fn a_batch_is_applied_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = setup(dir.path(), OrgKind::School);
    let before = rows(&store);
    let first = student(Uuid::now_v7(), "Бірлан", date(2014, 4, 4), 1);
    let mut twin = student(Uuid::now_v7(), "Екібаев", date(2014, 4, 4), 1);
    twin.iin = first.iin.clone();
    let mut bad = student(Uuid::now_v7(), "Үшбаев", date(2014, 4, 4), 300);
    bad.first_name = String::new();
    let batch = [
        Command::SavePerson(first),
        Command::SavePerson(twin),
        Command::SavePerson(bad),
    ];
    let refused = store.execute_batch(&batch, now()).unwrap_err();
    let codes: Vec<(usize, &str)> = refused.iter().map(|(i, e)| (*i, e.code())).collect();
    assert_eq!(
        codes,
        [(1, "person.iin_taken"), (2, "person.name_required")]
    );
    assert_eq!(rows(&store), before);
    assert!(store.check().unwrap().passed());
}

#[test]
fn check_passes_on_the_demo_and_finds_every_kind_of_damage() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_school(dir.path());
    let report = store.check().unwrap();
    assert!(report.passed(), "{:?}", report.problems);
    let conn = store.connection();
    let documents: i64 = conn
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    let documents = documents as usize;
    // org, people, the roster, accounts, and the demo's journals.
    assert!(documents > 4);
    assert_eq!(report.documents, documents);
    let pupil: String = conn
        .query_row(
            "SELECT id FROM people WHERE kind = 'student' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE people SET last_name = 'Подменов' WHERE id = ?1",
        [&pupil],
    )
    .unwrap();
    conn.execute(
        "DELETE FROM classes WHERE rowid = (SELECT min(rowid) FROM classes)",
        [],
    )
    .unwrap();
    let stray = Uuid::now_v7().to_string();
    conn.execute(
        "INSERT INTO terms (id, doc_key, number) VALUES (?1, 'org', 9)",
        [&stray],
    )
    .unwrap();
    conn.execute("UPDATE audit_log SET login = 'someone' WHERE seq = 3", [])
        .unwrap();
    conn.execute(
        "UPDATE cells SET value = '10' WHERE (doc_key, grid, row, col) IN
           (SELECT doc_key, grid, row, col FROM cells WHERE grid = 'marks' AND value != '10' LIMIT 1)",
        [],
    )
    .unwrap();
    let problems = store.check().unwrap().problems;
    let has = |words: &[&str]| problems.iter().any(|p| words.iter().all(|w| p.contains(w)));
    assert!(has(&["people", &pupil, "last_name"]), "{problems:?}");
    assert!(has(&["classes", "missing"]), "{problems:?}");
    assert!(has(&["terms", &stray, "no entity"]), "{problems:?}");
    assert!(has(&["audit entry 3", "hash chain"]), "{problems:?}");
    // A changed cell shows as one missing from the projection and one not in its document.
    assert!(
        has(&["cell journal/", "missing from the projection"]),
        "{problems:?}"
    );
    assert!(
        has(&["cell journal/", "= 10", "not in its document"]),
        "{problems:?}"
    );
    assert_eq!(problems.len(), 6, "{problems:?}");
}

#[test]
fn a_rebuild_restores_damaged_projections() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_school(dir.path());
    let mut before = store.list::<Person>().unwrap();
    store
        .connection()
        .execute("DELETE FROM people", [])
        .unwrap();
    assert!(!store.check().unwrap().passed());
    store.rebuild_projections().unwrap();
    let mut after = store.list::<Person>().unwrap();
    after.sort_by_key(|p| p.id);
    before.sort_by_key(|p| p.id);
    assert_eq!(after, before);
    assert!(store.check().unwrap().passed());
}

#[test]
fn compaction_folds_chunks_and_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_school(dir.path());
    let chunks = |s: &Store| -> i64 {
        let sql = "SELECT count(*) FROM document_chunks WHERE doc_key = 'people'";
        s.connection().query_row(sql, [], |r| r.get(0)).unwrap()
    };
    // The demo's 330 people went through automatic compaction at least once.
    assert!(chunks(&store) <= 257, "{}", chunks(&store));
    let before = store.list::<Person>().unwrap();
    store.compact(DocKey::People).unwrap();
    assert_eq!(chunks(&store), 1);
    drop(store);
    let mut store = Store::unlock(dir.path(), "director", PASSWORD, now()).unwrap();
    store.rebuild_projections().unwrap();
    assert_eq!(store.list::<Person>().unwrap().len(), before.len());
    assert!(store.check().unwrap().passed());
}

#[test]
fn a_version_1_database_opens_migrates_and_keeps_every_row() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/v1-kindergarten");
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files(&fixture) {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let key = KeySlots::load(dir.path())
        .unwrap()
        .unlock("head", "fixture-pass-1")
        .unwrap();
    let conn = raw_connection(dir.path(), &key).unwrap();
    let sql = "SELECT max(version) FROM schema_migrations";
    let version: i64 = conn.query_row(sql, [], |r| r.get(0)).unwrap();
    assert_eq!(version, 1, "the fixture was made by the first schema");
    let mut before = table_rows(&conn);
    drop(conn);

    let store = Store::unlock(dir.path(), "head", "fixture-pass-1", now()).unwrap();
    let mut after = rows(&store);
    let applied =
        after.remove("schema_migrations").unwrap() - before.remove("schema_migrations").unwrap();
    assert!(applied >= 1, "a later migration was applied");
    for (table, count) in &before {
        assert_eq!(
            after.get(table),
            Some(count),
            "every row of {table} is kept"
        );
    }
    for (table, count) in after.iter().filter(|(t, _)| !before.contains_key(*t)) {
        assert_eq!(*count, 0, "{table} is new and starts empty");
    }
    assert!(before["people"] > 100);
    let report = store.check().unwrap();
    assert!(report.passed(), "{:?}", report.problems);
}

#[test]
fn an_edited_migration_refuses_to_open_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    drop(setup(dir.path(), OrgKind::School));
    let key = KeySlots::load(dir.path())
        .unwrap()
        .unlock("director", PASSWORD)
        .unwrap();
    let conn = raw_connection(dir.path(), &key).unwrap();
    conn.execute(
        "UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let err = Store::unlock(dir.path(), "director", PASSWORD, now())
        .err()
        .unwrap();
    assert_eq!(err.code(), "store.migration_edited");
    assert!(matches!(err, StoreError::MigrationEdited { ref name } if name == "0001_init"));
}

/// A past lesson of the demo's mathematics journals, with a pupil enrolled in its class.
fn marked_lesson(store: &Store) -> (Lesson, Uuid) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let lesson = store
        .list::<Lesson>()
        .unwrap()
        .into_iter()
        .find(|l| l.date < today && l.kind == LessonKind::Ordinary)
        .expect("the demo has past lessons");
    let pupil = store
        .find::<Enrolment>("group_id", &lesson.class_id.to_string())
        .unwrap()[0]
        .person_id;
    (lesson, pupil)
}

fn save_mark(lesson: &Lesson, pupil: Uuid, mark: Mark) -> Command {
    Command::SaveMarks {
        class_id: lesson.class_id,
        term_id: lesson.term_id,
        subject: lesson.subject.clone(),
        cells: vec![CellEdit {
            lesson_id: lesson.id,
            student_id: pupil,
            mark,
            comment: Some("жақсы".into()),
        }],
        taken: Vec::new(),
        by: Acting::Supervisor,
    }
}

fn score(n: i64) -> Mark {
    Mark {
        attendance: None,
        score: Some(n),
    }
}

#[test]
fn a_register_saves_as_one_change_and_refuses_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_school(dir.path());
    let (lesson, pupil) = marked_lesson(&store);
    let doc = lesson.doc_key();
    let chunks = |store: &Store| -> i64 {
        store
            .connection()
            .query_row(
                "SELECT count(*) FROM document_chunks WHERE doc_key = ?1",
                [doc.name()],
                |r| r.get(0),
            )
            .unwrap()
    };
    let before = chunks(&store);
    store
        .execute(&save_mark(&lesson, pupil, score(9)), now())
        .unwrap();
    assert_eq!(chunks(&store), before + 1);
    let cell = |store: &Store, grid| {
        store
            .cells(doc, grid)
            .unwrap()
            .into_iter()
            .find(|c| c.row == lesson.id.to_string() && c.col == pupil.to_string())
    };
    assert_eq!(cell(&store, Grid::Marks).unwrap().value, "9");
    assert_eq!(cell(&store, Grid::Notes).unwrap().value, "жақсы");
    let audit = store.audit_of("marks.save").unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.entity_id.as_deref(), Some(doc.name().as_str()));
    assert!(last.personal);
    assert!(
        last.after
            .as_deref()
            .unwrap()
            .contains(&format!("marks/{}/{pupil}", lesson.id))
    );

    // One good cell and one bad: nothing is written, and the bad one is named by its index.
    let unchanged = rows(&store);
    let mut batch = save_mark(&lesson, pupil, score(7));
    if let Command::SaveMarks { cells, .. } = &mut batch {
        let mut bad = cells[0].clone();
        bad.mark = score(11);
        cells.push(bad);
    }
    let refused = store.execute(&batch, now()).unwrap_err();
    assert_eq!(refused.code(), "journal.score_out_of_range");
    assert!(matches!(refused, StoreError::Core(ref e) if e.index() == Some(1)));
    assert_eq!(rows(&store), unchanged);
    assert_eq!(cell(&store, Grid::Marks).unwrap().value, "9");
    assert!(store.check().unwrap().passed());
}

#[test]
fn every_journal_rule_refuses_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_school(dir.path());
    let (lesson, pupil) = marked_lesson(&store);
    let stranger = store
        .find::<Person>("kind", "student")
        .unwrap()
        .into_iter()
        .find(|p| {
            store
                .find::<Enrolment>("person_id", &p.id.to_string())
                .unwrap()
                .iter()
                .all(|e| e.group_id != lesson.class_id)
        })
        .unwrap()
        .id;
    let other_teacher = store.find::<Person>("subject", "physics").unwrap()[0].id;
    let mut future = lesson.clone();
    future.id = Uuid::now_v7();
    future.date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    future.period = 7;
    store
        .execute(
            &Command::SaveLesson {
                lesson: future.clone(),
                by: Acting::Supervisor,
            },
            now(),
        )
        .unwrap();
    let absent_with_score = Mark {
        attendance: Some(Attendance::Absent),
        score: Some(5),
    };
    let mut not_yours = save_mark(&lesson, pupil, score(5));
    if let Command::SaveMarks { by, .. } = &mut not_yours {
        *by = Acting::Teacher(other_teacher);
    }
    let mut outside = lesson.clone();
    outside.id = Uuid::now_v7();
    outside.date = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    let mut taken_period = lesson.clone();
    taken_period.id = Uuid::now_v7();
    let cases = [
        (
            save_mark(&lesson, stranger, score(5)),
            "journal.not_enrolled",
        ),
        (
            save_mark(&lesson, pupil, absent_with_score),
            "journal.absent_with_score",
        ),
        (
            save_mark(&future, pupil, score(5)),
            "journal.lesson_in_future",
        ),
        (not_yours, "journal.not_your_class"),
        (
            Command::SaveLesson {
                lesson: outside,
                by: Acting::Supervisor,
            },
            "journal.lesson_outside_term",
        ),
        (
            Command::SaveLesson {
                lesson: taken_period,
                by: Acting::Supervisor,
            },
            "journal.period_taken",
        ),
        (
            Command::RemoveLesson {
                id: lesson.id,
                by: Acting::Supervisor,
            },
            "journal.lesson_has_marks",
        ),
    ];
    for (command, code) in cases {
        let before = rows(&store);
        let error = store.execute(&command, now()).unwrap_err();
        assert_eq!(error.code(), code);
        assert_eq!(rows(&store), before, "{code} changed something");
    }
    // A lesson with no marks goes; the grade-1 rule holds in the store as in the core.
    store
        .execute(
            &Command::RemoveLesson {
                id: future.id,
                by: Acting::Supervisor,
            },
            now(),
        )
        .unwrap();
    assert!(store.get::<Lesson>(future.id).unwrap().is_none());
    assert!(store.check().unwrap().passed());
}

#[test]
fn concurrent_edits_of_one_cell_are_kept_as_a_conflict_until_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut school_pc = demo_school(dir.path());
    let (lesson, pupil) = marked_lesson(&school_pc);
    let doc = lesson.doc_key();
    // The teacher's laptop: a copy of the data that takes its own device identity.
    let copy = tempfile::tempdir().unwrap();
    for (name, bytes) in files(dir.path()) {
        std::fs::write(copy.path().join(name), bytes).unwrap();
    }
    let mut laptop = Store::unlock(copy.path(), "director", PASSWORD, now()).unwrap();

    school_pc
        .execute(&save_mark(&lesson, pupil, score(8)), now())
        .unwrap();
    laptop
        .execute(&save_mark(&lesson, pupil, score(6)), now())
        .unwrap();
    let from_pc = school_pc.document_bytes(doc).unwrap().unwrap();
    let from_laptop = laptop.document_bytes(doc).unwrap().unwrap();
    school_pc.merge(doc, &from_laptop, now()).unwrap();
    laptop.merge(doc, &from_pc, now()).unwrap();

    let cell = |store: &Store| {
        store
            .cells(doc, Grid::Marks)
            .unwrap()
            .into_iter()
            .find(|c| c.row == lesson.id.to_string() && c.col == pupil.to_string())
            .unwrap()
    };
    let (a, b) = (cell(&school_pc), cell(&laptop));
    assert_eq!(a, b, "both devices see the same cell");
    let mut both = vec![a.value.clone(), a.conflicts[0].clone()];
    both.sort();
    assert_eq!(both, ["6", "8"], "neither mark is dropped");
    assert!(school_pc.check().unwrap().passed());
    assert!(laptop.check().unwrap().passed());

    // The teacher settles it on the laptop; the school's PC takes the decision at the next merge.
    laptop
        .execute(&save_mark(&lesson, pupil, score(7)), now())
        .unwrap();
    let settled = laptop.document_bytes(doc).unwrap().unwrap();
    school_pc.merge(doc, &settled, now()).unwrap();
    for store in [&school_pc, &laptop] {
        let cell = cell(store);
        assert_eq!((cell.value.as_str(), cell.conflicts.len()), ("7", 0));
        assert!(store.check().unwrap().passed());
    }
}

/// The serving side of a sync, called directly: what the hub and the LAN server do over HTTP.
struct Direct<'a> {
    replica: dala_store::StoreReplica<'a>,
    key: dala_sync::SecretKey,
}

impl dala_sync::Transport for Direct<'_> {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        use dala_sync::{Answer, Ask, Replica};
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

fn sync_pair(client: &mut Store, server: &mut Store) -> dala_sync::Report {
    let (client_key, server_key) = (
        client.device_key(now()).unwrap(),
        server.device_key(now()).unwrap(),
    );
    let org = client.org_id().unwrap();
    let peer = server_key.public();
    let mut link = dala_sync::Link {
        transport: Direct {
            replica: server.replica("laptop", None, now()),
            key: server_key,
        },
        key: &client_key,
        org,
        peer,
        now_ms: now().timestamp_millis(),
        oldest_undelivered_ms: None,
    };
    let mut replica = client.replica(dala_store::UPSTREAM, None, now());
    dala_sync::sync(&mut replica, &mut link, |_, _| {}).unwrap()
}

#[test]
fn two_devices_converge_over_the_sync_protocol_and_a_second_sync_has_nothing_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut school_pc = demo_school(dir.path());
    let (lesson, pupil) = marked_lesson(&school_pc);
    let doc = lesson.doc_key();
    let copy = tempfile::tempdir().unwrap();
    for (name, bytes) in files(dir.path()) {
        std::fs::write(copy.path().join(name), bytes).unwrap();
    }
    let mut laptop = Store::unlock(copy.path(), "director", PASSWORD, now()).unwrap();
    school_pc
        .execute(&save_mark(&lesson, pupil, score(8)), now())
        .unwrap();
    laptop
        .execute(&save_mark(&lesson, pupil, score(6)), now())
        .unwrap();
    let newcomer = Uuid::now_v7();
    laptop
        .execute(
            &Command::SavePerson(student(newcomer, "Жаңа", date(2015, 3, 4), 77)),
            now(),
        )
        .unwrap();
    assert!(!laptop.undelivered().unwrap().is_empty());

    let report = sync_pair(&mut laptop, &mut school_pc);
    assert!(report.rounds >= 1 && report.docs >= 2, "{report:?}");
    assert!(laptop.undelivered().unwrap().is_empty(), "all acknowledged");
    assert!(school_pc.get::<Person>(newcomer).unwrap().is_some());
    let cell = |store: &Store| {
        store
            .cells(doc, Grid::Marks)
            .unwrap()
            .into_iter()
            .find(|c| c.row == lesson.id.to_string() && c.col == pupil.to_string())
            .unwrap()
    };
    assert_eq!(cell(&laptop), cell(&school_pc));
    let mut both = vec![cell(&laptop).value, cell(&laptop).conflicts[0].clone()];
    both.sort();
    assert_eq!(both, ["6", "8"], "neither mark is dropped");
    for store in [&school_pc, &laptop] {
        assert!(store.check().unwrap().passed());
    }

    let again = sync_pair(&mut laptop, &mut school_pc);
    assert_eq!((again.docs, again.rounds), (0, 0), "{again:?}");
}

/// The school's main computer answering a laptop's requests, called directly.
struct MainComputer<'a>(&'a mut Store);

impl dala_sync::Transport for MainComputer<'_> {
    fn exchange(&mut self, request: Vec<u8>) -> dala_sync::Result<Vec<u8>> {
        self.0.answer_lan(&request, now())
    }
}

fn copy_of(dir: &Path) -> (tempfile::TempDir, Store) {
    let copy = tempfile::tempdir().unwrap();
    for (name, bytes) in files(dir) {
        std::fs::write(copy.path().join(name), bytes).unwrap();
    }
    let store = Store::unlock(copy.path(), "director", PASSWORD, now()).unwrap();
    (copy, store)
}

fn refusal<T: std::fmt::Debug>(result: Result<T, StoreError>) -> &'static str {
    result.unwrap_err().code()
}

#[test]
fn a_laptop_enrols_with_a_lan_code_once_and_syncs_every_document_with_the_main_computer() {
    let dir = tempfile::tempdir().unwrap();
    let mut main = demo_school(dir.path());
    let (_laptop_dir, mut laptop) = copy_of(dir.path());
    let (_other_dir, mut other) = copy_of(dir.path());
    let foreign_dir = tempfile::tempdir().unwrap();
    let (mut foreign, _) = setup(foreign_dir.path(), OrgKind::School);

    let code = main.issue_lan_code(now()).unwrap();
    let up = laptop
        .enrol_over(
            Some("https://main"),
            Some(MainComputer(&mut main)),
            &code,
            now(),
        )
        .unwrap();
    assert!(up.lan);
    let main_key = main.device_key(now()).unwrap().public();
    assert_eq!(up.peer_key, Some(main_key));
    assert_ne!(
        laptop.device_key(now()).unwrap().public(),
        main_key,
        "a copied folder signs with a key of its own on the LAN"
    );
    // Bundles and the director's confirmation are the hub's: a laptop's go by the main computer.
    assert_eq!(
        refusal(laptop.export_bundle(now(), None)),
        "sync.lan_laptop"
    );

    // The same code again, or another school's device with a fresh code: refused, nothing changed.
    let before = rows(&main);
    let reused = other.enrol_over(
        Some("https://main"),
        Some(MainComputer(&mut main)),
        &code,
        now(),
    );
    assert_eq!(refusal(reused), "sync.code_invalid");
    assert_eq!(other.upstream().unwrap(), None);
    assert_eq!(rows(&main), before);
    // A code printed two days ago and never used has expired.
    let stale = main
        .issue_lan_code(now() - chrono::Duration::days(2))
        .unwrap();
    let before = rows(&main);
    let late = other.enrol_over(
        Some("https://main"),
        Some(MainComputer(&mut main)),
        &stale,
        now(),
    );
    assert_eq!(refusal(late), "sync.code_invalid");
    assert_eq!(rows(&main), before);
    let fresh = main.issue_lan_code(now()).unwrap();
    let before_foreign = rows(&main);
    let wrong = foreign.enrol_over(
        Some("https://main"),
        Some(MainComputer(&mut main)),
        &fresh,
        now(),
    );
    assert_eq!(refusal(wrong), "sync.wrong_org");
    assert_eq!(rows(&main), before_foreign);
    // A device that claims the main computer as its upstream without a code is not known there.
    other
        .set_upstream(&dala_store::Upstream {
            url: Some("https://main".into()),
            peer_hash: main_key.short_hash(),
            peer_key: Some(main_key),
            tls_hash: None,
            secret: None,
            enrolled_at: now().to_rfc3339(),
            confirmed_at: Some(now().to_rfc3339()),
            lan: true,
        })
        .unwrap();
    let (lesson, pupil) = marked_lesson(&other);
    other
        .execute(&save_mark(&lesson, pupil, score(2)), now())
        .unwrap();
    let before_unknown = rows(&main);
    let unknown = other.sync_upstream_over(MainComputer(&mut main), now(), |_, _| {});
    assert_eq!(refusal(unknown), "sync.unknown_device");
    assert_eq!(
        rows(&main),
        before_unknown,
        "the unknown device's mark is not taken"
    );

    // Each side enters something; one sync brings both across.
    let (lesson, pupil) = marked_lesson(&laptop);
    laptop
        .execute(&save_mark(&lesson, pupil, score(9)), now())
        .unwrap();
    let from_laptop = Uuid::now_v7();
    laptop
        .execute(
            &Command::SavePerson(student(from_laptop, "Ноутбуков", date(2015, 5, 6), 81)),
            now(),
        )
        .unwrap();
    let from_main = Uuid::now_v7();
    main.execute(
        &Command::SavePerson(student(from_main, "Басқаров", date(2015, 7, 8), 91)),
        now(),
    )
    .unwrap();
    let waiting = |store: &mut Store| -> u32 {
        store
            .undelivered()
            .unwrap()
            .iter()
            .filter(|u| u.doc == lesson.doc_key())
            .map(|u| u.changes)
            .sum()
    };
    let main_waiting = waiting(&mut main);

    let report = laptop
        .sync_upstream_over(MainComputer(&mut main), now(), |_, _| {})
        .unwrap();
    assert!(report.rounds >= 1, "{report:?}");
    assert!(main.get::<Person>(from_laptop).unwrap().is_some());
    assert!(laptop.get::<Person>(from_main).unwrap().is_some());
    let mark = |store: &Store| {
        store
            .cells(lesson.doc_key(), Grid::Marks)
            .unwrap()
            .into_iter()
            .find(|c| c.row == lesson.id.to_string() && c.col == pupil.to_string())
            .map(|c| c.value)
    };
    assert_eq!(mark(&main).as_deref(), Some("9"));
    assert!(
        waiting(&mut main) > main_waiting,
        "what the laptop brought waits for the main computer's sync with the hub"
    );
    assert_eq!(laptop.last_sync().unwrap().unwrap().via, "lan");
    let devices = main.lan_devices().unwrap();
    assert_eq!(devices.len(), 1);
    assert!(devices[0].last_sync.is_some());
    for store in [&main, &laptop] {
        assert!(store.check().unwrap().passed());
    }
    let again = laptop
        .sync_upstream_over(MainComputer(&mut main), now(), |_, _| {})
        .unwrap();
    assert_eq!((again.docs, again.rounds), (0, 0), "{again:?}");
}
