//! The `dala` binary end to end: export in its three forms and the import of students. Each test
//! makes its own demo school in a temporary folder and talks to the binary as a script would:
//! credentials from the environment, the outcome in the exit code and the `[code]` on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use dala_core::iin::{Iin, Sex};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use tempfile::TempDir;

const PASSWORD: &str = "demo-password-2026";

/// A demo school in a temporary folder; files for import sit beside its data folder.
struct School {
    dir: TempDir,
    /// The administrator's login: `director` of a school, `head` of a kindergarten.
    admin: &'static str,
}

impl School {
    fn demo() -> School {
        let school = School {
            dir: tempfile::tempdir().expect("a temporary folder"),
            admin: "director",
        };
        succeeds(school.dala("en", &["demo", "--kind", "school"]));
        school
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn dala(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dala"))
            .env("DALA_PASSWORD", PASSWORD)
            .env("DALA_LOGIN", self.admin)
            .env_remove("DALA_DATA")
            .env_remove("DALA_LANG")
            .arg("--data")
            .arg(self.path("data"))
            .args(["--lang", lang])
            .args(args)
            .output()
            .expect("the dala binary runs")
    }

    fn import(&self, lang: &str, file: &Path) -> Output {
        let file = file.to_str().expect("a UTF-8 path");
        self.dala(lang, &["import", "students", file])
    }

    fn export_json(&self) -> Value {
        let out = self.path("export.json");
        let out_arg = out.to_str().expect("a UTF-8 path");
        succeeds(self.dala("en", &["export", "--format", "json", "--out", out_arg]));
        let text = std::fs::read_to_string(&out).expect("the export file");
        serde_json::from_str(&text).expect("valid JSON")
    }

    fn students(&self) -> Vec<Value> {
        match &self.export_json()["students"] {
            Value::Array(students) => students.clone(),
            other => panic!("students is not a list: {other}"),
        }
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("the test file is written");
        path
    }
}

fn succeeds(output: Output) -> Output {
    assert!(
        output.status.success(),
        "dala failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The exit code and stderr of a run that must fail.
fn fails(output: Output) -> (i32, String) {
    assert!(!output.status.success(), "dala succeeded");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), stderr)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a calendar date")
}

/// A valid IIN for the birth date and sex; the serial keeps it apart from the demo's.
fn iin(birth: NaiveDate, sex: Sex, serial: u16) -> String {
    (serial..serial + 50)
        .find_map(|s| Iin::generate(birth, sex, s))
        .expect("a serial the registry issues")
        .as_str()
        .to_string()
}

/// The same IIN with a wrong check digit.
fn with_wrong_check_digit(iin: &str) -> String {
    let (head, last) = iin.split_at(11);
    let last: u32 = last.parse().expect("a digit");
    format!("{head}{}", (last + 1) % 10)
}

fn text<'a>(student: &'a Value, field: &str) -> &'a str {
    student[field].as_str().unwrap_or_default()
}

fn find<'a>(students: &'a [Value], last_name: &str) -> Option<&'a Value> {
    students.iter().find(|s| text(s, "last_name") == last_name)
}

#[test]
fn json_export_lists_the_demo_school_with_english_field_names() {
    let school = School::demo();
    let export = school.export_json();
    let students = export["students"].as_array().expect("a students list");
    assert!((250..=350).contains(&students.len()), "{}", students.len());
    for field in ["id", "last_name", "first_name", "iin", "birth_date", "sex"] {
        assert!(students.iter().all(|s| s[field].is_string()), "{field}");
    }
    assert!(students.iter().all(|s| text(s, "class").contains(' ')));
    let kazakh =
        |s: &&Value| text(s, "last_name").contains(['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']);
    assert!(students.iter().any(|s| kazakh(&s)));
    assert!(export["organisation"]["name"].is_string());
    assert_eq!(
        export["academic_years"][0]["terms"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );
    let classes = export["classes"].as_array().expect("a classes list");
    assert!(classes.iter().any(|c| text(c, "name") == "5 А"));
    let staff = export["staff"].as_array().expect("a staff list");
    assert!(staff.iter().any(|s| text(s, "position") == "teacher"));
    assert_eq!(
        export["enrolments"].as_array().map(Vec::len),
        Some(students.len())
    );
    assert_eq!(export["children"].as_array().map(Vec::len), Some(0));
}

#[test]
fn csv_export_writes_one_file_per_list_with_a_bom_and_a_header() {
    let school = School::demo();
    let count = school.students().len();
    let out = school.path("csv");
    let out_arg = out.to_str().expect("a UTF-8 path");
    succeeds(school.dala("kk", &["export", "--format", "csv", "--out", out_arg]));
    for list in [
        "organisation",
        "academic_years",
        "classes",
        "students",
        "staff",
        "enrolments",
    ] {
        assert!(out.join(format!("{list}.csv")).is_file(), "{list}.csv");
    }
    let bytes = std::fs::read(out.join("students.csv")).expect("students.csv");
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a UTF-8 BOM");
    let body = String::from_utf8(body.to_vec()).expect("UTF-8");
    let mut lines = body.lines();
    assert_eq!(
        lines.next(),
        Some("id,last_name,first_name,patronymic,iin,birth_date,sex,class")
    );
    assert_eq!(lines.count(), count);
}

#[test]
fn xlsx_export_has_a_students_sheet_in_the_users_language() {
    let school = School::demo();
    let count = school.students().len();
    let out = school.path("export.xlsx");
    let out_arg = out.to_str().expect("a UTF-8 path");
    succeeds(school.dala("ru", &["export", "--format", "xlsx", "--out", out_arg]));
    let mut workbook: Xlsx<_> = calamine::open_workbook(&out).expect("an xlsx workbook");
    assert!(workbook.sheet_names().contains(&"Сотрудники".to_string()));
    let sheet = workbook
        .worksheet_range("Ученики")
        .expect("the students sheet");
    assert_eq!(sheet.height(), count + 1);
    assert_eq!(
        sheet.get_value((0, 1)),
        Some(&Data::String("last_name".into()))
    );
    assert!(matches!(sheet.get_value((1, 5)), Some(Data::DateTime(_))));
}

#[test]
fn csv_import_with_semicolons_russian_headers_and_dotted_dates_adds_three_students() {
    let school = School::demo();
    let before = school.students().len();
    let girl = iin(date(2014, 1, 2), Sex::Female, 9_101);
    let file = school.write(
        "students.csv",
        &format!(
            "\u{feff}№;Фамилия;Имя;Отчество;ИИН;Дата рождения;Пол;Класс\n\
             1;Импортов;Ерлан;Асқарұлы;;08.03.2015;м;5А\n\
             2;Импортова;Анна;Ивановна;{girl};2014-01-02;Ж;6-Б\n\
             \n\
             3;Жаңабаев;Нұрлан;;;2016-05-30;ер;4 А\n"
        ),
    );
    let output = succeeds(school.import("ru", &file));
    assert!(String::from_utf8_lossy(&output.stdout).contains('3'));
    let students = school.students();
    assert_eq!(students.len(), before + 3);
    let anna = find(&students, "Импортова").expect("the imported student");
    assert_eq!(text(anna, "iin"), girl);
    assert_eq!(text(anna, "class"), "6 Б");
    let erlan = find(&students, "Импортов").expect("the imported student");
    assert_eq!(text(erlan, "birth_date"), "2015-03-08");
    assert_eq!(text(erlan, "sex"), "m");
}

#[test]
fn xlsx_import_reads_date_number_and_text_cells() {
    let school = School::demo();
    let before = school.students().len();
    let boy = iin(date(2015, 4, 2), Sex::Male, 9_202);
    let path = school.path("students.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let dotted = Format::new().set_num_format("dd.mm.yyyy");
    let headers = ["Тегі", "Аты", "ЖСН", "Туған күні", "Жынысы", "Сынып"];
    for (col, header) in (0u16..).zip(headers) {
        sheet.write_string(0, col, header).expect("a header cell");
    }
    let rows = [
        ("Ахметжанов", "Дәурен", date(2015, 4, 2), "ер", "5 А"),
        ("Серікова", "Аружан", date(2013, 12, 1), "әйел", "7 Б"),
        ("Оспанбеков", "Тимур", date(2012, 6, 15), "m", "8-А"),
    ];
    for (row, (last, first, birth, sex, class)) in (1u32..).zip(rows) {
        let birth = ExcelDateTime::parse_from_str(&birth.to_string()).expect("a date");
        sheet.write_string(row, 0, last).expect("a cell");
        sheet.write_string(row, 1, first).expect("a cell");
        sheet
            .write_datetime_with_format(row, 3, &birth, &dotted)
            .expect("a date cell");
        sheet.write_string(row, 4, sex).expect("a cell");
        sheet.write_string(row, 5, class).expect("a cell");
    }
    // An IIN typed into a number cell, as happens in Excel.
    let number: f64 = boy.parse().expect("digits");
    sheet.write_number(1, 2, number).expect("a number cell");
    sheet.write_string(3, 3, "15.06.2012").expect("a text date");
    workbook.save(&path).expect("the workbook is saved");

    succeeds(school.import("kk", &path));
    let students = school.students();
    assert_eq!(students.len(), before + 3);
    let dauren = find(&students, "Ахметжанов").expect("the imported student");
    assert_eq!(text(dauren, "iin"), boy);
    assert_eq!(text(dauren, "birth_date"), "2015-04-02");
    let aruzhan = find(&students, "Серікова").expect("the imported student");
    assert_eq!((text(aruzhan, "sex"), text(aruzhan, "class")), ("f", "7 Б"));
    let timur = find(&students, "Оспанбеков").expect("the imported student");
    assert_eq!(text(timur, "birth_date"), "2012-06-15");
}

#[test]
fn a_file_with_bad_rows_is_refused_whole_with_every_row_and_reason() {
    let school = School::demo();
    let before = school.students().len();
    let bad_iin = with_wrong_check_digit(&iin(date(2014, 3, 8), Sex::Female, 9_303));
    let file = school.write(
        "students.csv",
        &format!(
            "last_name,first_name,iin,birth_date,sex,class\n\
             Badiin,Aliya,{bad_iin},2014-03-08,f,6 А\n\
             Noclass,Bolat,,2014-05-01,m,9 Я\n\
             Goodrow,Dana,,2014-06-01,f,6 А\n"
        ),
    );
    let (code, stderr) = fails(school.import("en", &file));
    assert_eq!(code, 1);
    assert!(stderr.contains("[import.rejected]"), "{stderr}");
    assert!(
        stderr.contains("Row 2: The IIN check digit is wrong"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Row 3: There is no class “9 Я” in the current academic year."),
        "{stderr}"
    );
    assert!(!stderr.contains("Row 4"), "{stderr}");
    let students = school.students();
    assert_eq!(students.len(), before);
    assert!(find(&students, "Goodrow").is_none());
}

#[test]
fn refusals_of_the_store_are_reported_beside_those_of_the_rows() {
    let school = School::demo();
    let students = school.students();
    let taken = students
        .iter()
        .find(|s| s["iin"].is_string())
        .expect("a demo student with an IIN");
    let new = iin(date(2013, 2, 2), Sex::Male, 9_404);
    let file = school.write(
        "students.csv",
        &format!(
            "last_name;first_name;iin;birth_date;sex;class\n\
             Noclass;Bolat;;2014-05-01;m;12 А\n\
             Taken;Aliya;{};{};{};6 А\n\
             First;Daniyar;{new};2013-02-02;m;7 А\n\
             Twice;Daniyar;{new};2013-02-02;m;7 Б\n",
            text(taken, "iin"),
            text(taken, "birth_date"),
            text(taken, "sex"),
        ),
    );
    let (code, stderr) = fails(school.import("ru", &file));
    assert_eq!(code, 1);
    assert!(stderr.contains("[import.rejected]"), "{stderr}");
    assert!(
        stderr.contains("Строка 2: В текущем учебном году нет класса «12 А»."),
        "{stderr}"
    );
    let taken_message = format!(
        "Строка 3: ИИН {} уже есть у другого человека",
        text(taken, "iin")
    );
    assert!(stderr.contains(&taken_message), "{stderr}");
    assert!(
        stderr.contains(&format!("Строка 5: ИИН {new} уже есть у другого человека")),
        "{stderr}"
    );
    assert!(!stderr.contains("Строка 4"), "{stderr}");
    assert_eq!(school.students().len(), students.len());
}

#[test]
fn a_file_the_store_refuses_alone_writes_nothing_either() {
    let school = School::demo();
    let students = school.students();
    let new = iin(date(2013, 2, 2), Sex::Male, 9_505);
    let file = school.write(
        "students.csv",
        &format!(
            "last_name,first_name,iin,birth_date,sex,class\n\
             First,Daniyar,{new},2013-02-02,m,7 А\n\
             Twice,Daniyar,{new},2013-02-02,m,7 Б\n"
        ),
    );
    let (code, stderr) = fails(school.import("en", &file));
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("Row 3: Another person already has the IIN {new}")),
        "{stderr}"
    );
    assert!(!stderr.contains("Row 2"), "{stderr}");
    let after = school.students();
    assert_eq!(after.len(), students.len());
    assert!(find(&after, "First").is_none());
}

#[test]
fn an_unknown_extension_is_refused_as_a_file_format() {
    let school = School::demo();
    let file = school.write(
        "students.txt",
        "last_name,first_name,birth_date,sex,class\n",
    );
    let (code, stderr) = fails(school.import("en", &file));
    assert_eq!(code, 1);
    assert!(stderr.contains("[import.file_format]"), "{stderr}");
    assert!(stderr.contains("students.txt"), "{stderr}");
}

#[test]
fn a_missing_column_is_named_in_the_users_language() {
    let school = School::demo();
    let before = school.students().len();
    let file = school.write(
        "students.csv",
        "Фамилия;Имя;Дата рождения;Класс\nИванов;Пётр;2015-01-01;5 Б\n",
    );
    let (code, stderr) = fails(school.import("ru", &file));
    assert_eq!(code, 1);
    assert!(stderr.contains("[import.missing_column]"), "{stderr}");
    assert!(stderr.contains("«Пол»"), "{stderr}");
    assert_eq!(school.students().len(), before);
}

// The foundation's commands: init, demo, accounts, check, and the errors on their way.

impl School {
    fn kindergarten() -> School {
        let school = School {
            dir: tempfile::tempdir().expect("a temporary folder"),
            admin: "head",
        };
        succeeds(school.dala("en", &["demo", "--kind", "kindergarten"]));
        school
    }

    fn as_user(&self, login: &str, password: &str, lang: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dala"))
            .env("DALA_LOGIN", login)
            .env("DALA_PASSWORD", password)
            .arg("--data")
            .arg(self.path("data"))
            .args(["--lang", lang])
            .args(args)
            .output()
            .expect("the dala binary runs")
    }

    fn data_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(self.path("data"))
            .expect("the data folder")
            .map(|e| e.expect("an entry").path())
            .map(|p| {
                let name = p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                (name, std::fs::read(&p).expect("a data file"))
            })
            .collect();
        files.sort();
        files
    }

    fn accounts(&self) -> Vec<(String, String)> {
        let out = succeeds(self.dala("en", &["accounts", "list", "--format", "json"]));
        let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        list.as_array()
            .expect("a list")
            .iter()
            .map(|a| (text(a, "login").to_string(), text(a, "role").to_string()))
            .collect()
    }
}

#[test]
fn init_prints_the_recovery_key_once_and_refuses_a_folder_in_use() {
    let school = School {
        dir: tempfile::tempdir().expect("a temporary folder"),
        admin: "director",
    };
    let args = [
        "init",
        "--kind",
        "school",
        "--name",
        "Ақсу мектебі",
        "--admin-login",
        "aigul",
    ];
    let out = succeeds(school.dala("kk", &args));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let key = stdout.lines().last().unwrap_or_default();
    let groups: Vec<&str> = key.split('-').collect();
    assert_eq!(groups.len(), 13, "{stdout}");
    assert!(
        groups
            .iter()
            .all(|g| g.len() <= 4 && g.chars().all(|c| c.is_ascii_alphanumeric()))
    );
    assert!(stdout.contains("Ақсу мектебі"));

    let before = school.data_files();
    let (code, stderr) = fails(school.dala("ru", &args));
    assert_eq!(code, 1);
    assert!(stderr.contains("[store.already_initialised]"), "{stderr}");
    assert_eq!(school.data_files(), before);
    let out = succeeds(school.as_user(
        "aigul",
        PASSWORD,
        "en",
        &["accounts", "list", "--format", "json"],
    ));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"director\""));
}

#[test]
fn a_wrong_password_exits_3_in_the_users_language_and_writes_nothing() {
    let school = School::kindergarten();
    let before = school.data_files();
    for (lang, words) in [("kk", "құпиясөз"), ("ru", "пароль"), ("en", "password")] {
        let out = school.as_user("head", "not-the-password", lang, &["check"]);
        let (code, stderr) = fails(out);
        assert_eq!(code, 3);
        assert!(stderr.contains("[auth.invalid_credentials]"), "{stderr}");
        assert!(stderr.to_lowercase().contains(words), "{lang}: {stderr}");
    }
    let (code, _) = fails(school.as_user("nobody", PASSWORD, "kk", &["check"]));
    assert_eq!(code, 3);
    assert_eq!(school.data_files(), before);
}

#[test]
fn without_a_password_or_a_terminal_the_command_says_what_is_missing() {
    let school = School::kindergarten();
    let out = Command::new(env!("CARGO_BIN_EXE_dala"))
        .env_remove("DALA_PASSWORD")
        .env("DALA_LOGIN", "head")
        .arg("--data")
        .arg(school.path("data"))
        .args(["--lang", "en", "check"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the dala binary runs");
    let (code, stderr) = fails(out);
    assert_eq!(code, 1);
    assert!(stderr.contains("[auth.password_required]"), "{stderr}");
    let out = Command::new(env!("CARGO_BIN_EXE_dala"))
        .env_remove("DALA_DATA")
        .arg("check")
        .output()
        .expect("the dala binary runs");
    assert_eq!(fails(out).0, 2);
}

#[test]
fn the_demos_have_an_account_for_every_role_and_each_one_logs_in() {
    let school = School::demo();
    let accounts = school.accounts();
    let roles = [
        "director",
        "deputy",
        "teacher",
        "methodist",
        "tutor",
        "student",
        "parent",
    ];
    for role in roles {
        let first = accounts
            .iter()
            .find(|(_, r)| r == role)
            .map(|(l, _)| l.as_str());
        assert_eq!(
            first,
            Some(role),
            "the first {role} account is named after its role"
        );
        let login = if role == "deputy" { "deputy" } else { role };
        succeeds(school.as_user(login, PASSWORD, "kk", &["accounts", "list"]));
    }
    let kindergarten = School::kindergarten();
    let accounts = kindergarten.accounts();
    for role in ["head", "methodist", "educator", "parent"] {
        assert!(
            accounts.iter().any(|(l, r)| l == role && r == role),
            "{accounts:?}"
        );
    }
}

#[test]
fn check_passes_on_both_demos_and_reports_a_damaged_projection() {
    for (school, admin) in [
        (School::demo(), "director"),
        (School::kindergarten(), "head"),
    ] {
        let out = succeeds(school.as_user(admin, PASSWORD, "en", &["check"]));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Check passed"));

        let data = school.path("data");
        let key = dala_store::KeySlots::load(&data)
            .and_then(|slots| slots.unlock(admin, PASSWORD))
            .expect("the admin's slot opens");
        let conn = dala_store::raw_connection(&data, &key).expect("the database opens");
        let sql = "UPDATE people SET first_name = 'Өзгертілген' WHERE rowid = 5";
        assert_eq!(conn.execute(sql, []).expect("the update runs"), 1);
        drop(conn);

        let out = school.as_user(admin, PASSWORD, "ru", &["check"]);
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("people") && stdout.contains("first_name"),
            "{stdout}"
        );
    }
}

#[test]
fn no_file_of_either_demo_is_plain_sqlite_or_names_a_pupil() {
    for school in [School::demo(), School::kindergarten()] {
        let export = school.export_json();
        let mut names: Vec<String> = ["students", "children", "staff"]
            .iter()
            .flat_map(|list| export[*list].as_array().cloned().unwrap_or_default())
            .map(|p| text(&p, "last_name").to_string())
            .filter(|n| n.chars().count() >= 6)
            .collect();
        names.push(text(&export["organisation"], "name").to_string());
        assert!(names.len() > 50);
        for (file, bytes) in school.data_files() {
            assert!(!bytes.starts_with(b"SQLite format 3\0"), "{file}");
            let text = String::from_utf8_lossy(&bytes);
            for name in &names {
                assert!(
                    !text.contains(name.as_str()),
                    "{file} holds {name} in clear"
                );
            }
        }
    }
}

/// A free loopback port: bound, read and released.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    listener.local_addr().expect("an address").port()
}

/// Kills the server when the test ends, however it ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn curl(args: &[&str]) -> Output {
    Command::new("curl")
        .args(["-s", "--max-time", "5"])
        .args(args)
        .output()
        .expect("curl runs")
}

#[test]
fn serve_lan_speaks_tls_with_the_certificate_made_at_set_up() {
    let school = School::kindergarten();
    let data = school.path("data");
    let cert = data.join("tls.crt");
    assert!(cert.exists(), "the certificate is made at set-up");
    let port = free_port().to_string();
    let child = Command::new(env!("CARGO_BIN_EXE_dala"))
        .arg("--data")
        .arg(&data)
        .args([
            "--lang",
            "en",
            "serve",
            "--lan",
            "--port",
            &port,
            "--ui",
            "no-ui-here",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dala serve starts");
    let _server = Server(child);
    let url = format!("https://localhost:{port}/api/v1/setup");
    let cacert = cert.to_str().expect("a UTF-8 path");
    let answer = (0..50)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(100));
            curl(&["--cacert", cacert, &url])
        })
        .find(|out| out.status.success())
        .expect("the server answers over TLS, trusted through its own certificate");
    assert_eq!(
        String::from_utf8_lossy(&answer.stdout),
        r#"{"initialised":true}"#
    );
    let untrusted = curl(&[&url]);
    assert!(
        !untrusted.status.success(),
        "without the certificate the TLS check fails"
    );
    let plain = curl(&[&format!("http://localhost:{port}/api/v1/setup")]);
    assert_ne!(
        String::from_utf8_lossy(&plain.stdout),
        r#"{"initialised":true}"#
    );
}

impl School {
    /// `dala load export` in a language, to a file beside the data folder.
    fn load_export(&self, lang: &str, format: &str) -> (PathBuf, String) {
        let out = self.path(&format!("load.{format}"));
        let out_arg = out.to_str().expect("a UTF-8 path");
        let output = succeeds(self.dala(
            lang,
            &["load", "export", "--format", format, "--out", out_arg],
        ));
        (out, String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

#[test]
fn load_export_json_gives_each_teachers_hours_and_rates_and_the_uncovered_hours() {
    let school = School::demo();
    let (out, stdout) = school.load_export("en", "json");
    assert!(stdout.contains("Teaching load written to"), "{stdout}");
    let load: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("the file")).expect("JSON");
    assert_eq!(load["norm_hours_per_rate"], 16.0);
    let teachers = load["teachers"].as_array().expect("a teachers list");
    assert!(teachers.len() >= 10, "{}", teachers.len());
    for t in teachers {
        let weekly = t["weekly_hours"].as_f64().expect("weekly hours");
        let rates = t["rates"].as_f64().expect("rates");
        assert!(weekly >= 0.0, "{t}");
        assert_eq!(rates, (weekly / 16.0 * 100.0).round() / 100.0, "{t}");
        assert!(t["teacher_id"].is_string() && t["name"].is_string(), "{t}");
        assert!(t["warnings"].is_array(), "{t}");
    }
    let busy = teachers
        .iter()
        .filter(|t| t["weekly_hours"].as_f64() > Some(0.0))
        .count();
    assert!(
        busy * 2 > teachers.len(),
        "most demo teachers teach planned hours: {busy}"
    );
    let listed: f64 = load["uncovered"]
        .as_array()
        .expect("an uncovered list")
        .iter()
        .map(|u| u["hours"].as_f64().expect("hours"))
        .sum();
    let total = load["uncovered_hours"].as_f64().expect("uncovered hours");
    assert!(total >= 0.0);
    assert!((total - listed).abs() < 1e-6, "{total} ≠ {listed}");
}

#[test]
fn load_export_writes_the_tariff_list_as_xlsx_in_kazakh_and_as_pdf() {
    let school = School::demo();
    let (out, _) = school.load_export("kk", "xlsx");
    let mut workbook: Xlsx<_> = calamine::open_workbook(&out).expect("an xlsx workbook");
    let sheet = workbook
        .worksheet_range_at(0)
        .expect("one sheet")
        .expect("a readable sheet");
    let cell = |row: u32, col: u32| match sheet.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert!(
        cell(0, 0).contains("тарификациялық тізімі"),
        "{}",
        cell(0, 0)
    );
    // Title, subtitle, a blank row, then the header.
    assert_eq!(cell(3, 1), "Педагогтің тегі, аты");
    assert_eq!(cell(3, 3), "Аптасына сағат");
    assert_eq!(cell(3, 5), "Мөлшерлеме");
    assert!(matches!(
        sheet.get_value((4, 3)),
        Some(Data::Float(_) | Data::Int(_))
    ));
    let rows: Vec<String> = (0..sheet.height() as u32).map(|r| cell(r, 1)).collect();
    assert!(rows.iter().any(|r| r == "Барлығы"), "a totals row");
    assert!(
        rows.iter().any(|r| r.starts_with("Ешкім оқытпайтын")),
        "the uncovered hours"
    );

    let (out, _) = school.load_export("ru", "pdf");
    let pdf = std::fs::read(&out).expect("the PDF");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1000);
}

#[test]
fn timetable_generate_leaves_no_hard_rule_broken_and_check_lists_the_rest_as_json() {
    let school = School::demo();
    let output = succeeds(school.dala("en", &["timetable", "generate", "--seconds", "5"]));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("hard rules broken: 0;"),
        "the demo school's timetable keeps every hard rule: {stdout}"
    );
    let output = succeeds(school.dala("ru", &["timetable", "check", "--format", "json"]));
    let violations: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let violations = violations.as_array().expect("a list");
    assert!(
        violations.iter().all(|v| v["hard"] == false),
        "{violations:?}"
    );
    for v in violations {
        let code = v["code"].as_str().expect("a code");
        assert!(code.starts_with("timetable."), "{code}");
        assert!(!v["message"].as_str().expect("a message").is_empty());
        let lessons = v["lessons"].as_array().expect("the lessons involved");
        assert!(!lessons.is_empty(), "{v}");
        assert!(
            lessons
                .iter()
                .all(|l| l["class"].is_string() && l["day"].is_u64())
        );
    }
}

#[test]
fn timetable_export_writes_fet_that_reads_back_and_the_sheet_as_xlsx_and_pdf() {
    let school = School::demo();
    let fet = school.path("week.fet");
    let fet_arg = fet.to_str().expect("a UTF-8 path");
    let output = succeeds(school.dala(
        "kk",
        &["timetable", "export", "--format", "fet", "--out", fet_arg],
    ));
    assert!(String::from_utf8_lossy(&output.stdout).contains("файлы жазылды"));
    let text = std::fs::read_to_string(&fet).expect("the FET file");
    assert!(text.contains("<fet ") && text.contains("Дүйсенбі"));
    let locked = text
        .matches("ConstraintActivityPreferredStartingTime>")
        .count()
        / 2;

    // Read back: everything the export wrote is understood, and its timetable is whole.
    let output = succeeds(school.dala("en", &["timetable", "import", "--format", "fet", fet_arg]));
    let summary: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(summary["days"], 5);
    assert_eq!(summary["hours"], 8);
    assert_eq!(summary["unsupported"].as_array().map(Vec::len), Some(0));
    assert_eq!(summary["activities"].as_u64(), Some(locked as u64));
    assert_eq!(summary["hard_violations"], 0);

    for format in ["xlsx", "pdf"] {
        let out = school.path(&format!("week.{format}"));
        let out_arg = out.to_str().expect("a UTF-8 path");
        succeeds(school.dala(
            "ru",
            &["timetable", "export", "--format", format, "--out", out_arg],
        ));
        assert!(std::fs::metadata(&out).expect("the file").len() > 1000);
    }
    let mut workbook: Xlsx<_> =
        calamine::open_workbook(school.path("week.xlsx")).expect("an xlsx workbook");
    let sheet = workbook
        .worksheet_range_at(0)
        .expect("one sheet")
        .expect("a readable sheet");
    let title = match sheet.get_value((0, 0)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert!(title.starts_with("Расписание уроков"), "{title}");
}

#[test]
fn a_broken_fet_file_is_refused_with_its_line_in_the_users_language() {
    let school = School::demo();
    let file = school.write(
        "broken.fet",
        "<fet version=\"6.8.5\">\
         <Days_List><Number_of_Days>1</Number_of_Days><Day><Name>Дс</Name></Day></Days_List>\
         <Hours_List><Number_of_Hours>1</Number_of_Hours><Hour><Name>1</Name></Hour></Hours_List>\
         <Teachers_List><Teacher><Name>А</Name></Teacher>\
         <Teacher><Name>А</Name></Teacher></Teachers_List></fet>",
    );
    let file = file.to_str().expect("a UTF-8 path");
    let (code, stderr) =
        fails(school.dala("ru", &["timetable", "import", "--format", "fet", file]));
    assert_eq!(code, 1);
    assert!(stderr.contains("[timetable.fet_duplicate]"), "{stderr}");
    assert!(stderr.contains("описан дважды"), "{stderr}");
}

#[test]
fn activities_check_lists_nothing_for_the_demo_kindergarten() {
    let kindergarten = School {
        dir: tempfile::tempdir().expect("a temporary folder"),
        admin: "head",
    };
    succeeds(kindergarten.dala("en", &["demo", "--kind", "kindergarten"]));
    let output = succeeds(kindergarten.dala("ru", &["activities", "check", "--format", "json"]));
    let violations: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(violations.as_array().map(Vec::len), Some(0), "{violations}");
    let output = succeeds(kindergarten.dala("kk", &["activities", "check"]));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Бұзылған норма: 0."));
}

impl School {
    /// Another computer of the same school: a copy of this one's data folder, as a new laptop
    /// is provisioned.
    fn copy(&self) -> School {
        let copy = School {
            dir: tempfile::tempdir().expect("a temporary folder"),
            admin: self.admin,
        };
        std::fs::create_dir(copy.path("data")).expect("the data folder");
        for entry in std::fs::read_dir(self.path("data")).expect("the data folder") {
            let entry = entry.expect("a file");
            std::fs::copy(entry.path(), copy.path("data").join(entry.file_name()))
                .expect("the file is copied");
        }
        copy
    }

    /// One new pupil of 5 А, entered on this computer.
    fn add_pupil(&self, last_name: &str, serial: u16) {
        let birth = date(2015, 2, 3);
        let file = self.write(
            "pupil.csv",
            &format!(
                "last_name,first_name,iin,birth_date,sex,class\n\
                 {last_name},Ерлан,{},{birth},m,5 А\n",
                iin(birth, Sex::Male, serial)
            ),
        );
        succeeds(self.import("en", &file));
    }

    fn has_student(&self, last_name: &str) -> bool {
        find(&self.students(), last_name).is_some()
    }
}

#[test]
fn a_laptop_enrols_with_the_main_computer_and_syncs_with_it_over_the_school_network() {
    let main = School::demo();
    let laptop = main.copy();
    let stranger = main.copy();
    let issued = succeeds(main.dala("en", &["sync", "lan-code"]));
    let code = String::from_utf8_lossy(&issued.stdout)
        .lines()
        .last()
        .expect("the code on the last line")
        .to_string();
    main.add_pupil("Басқаров", 9_301);
    laptop.add_pupil("Ноутбуков", 9_401);

    let data = main.path("data");
    let port = free_port().to_string();
    let child = Command::new(env!("CARGO_BIN_EXE_dala"))
        .arg("--data")
        .arg(&data)
        .args(["--lang", "en", "serve", "--lan", "--port", &port])
        .args(["--ui", "no-ui-here"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dala serve starts");
    let server = Server(child);
    let cert = data.join("tls.crt");
    let cacert = cert.to_str().expect("a UTF-8 path");
    let base = format!("https://localhost:{port}");
    (0..100)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(100));
            curl(&["--cacert", cacert, &format!("{base}/api/v1/setup")])
        })
        .find(|out| out.status.success())
        .expect("the main computer serves the LAN");
    let hub = format!("https://127.0.0.1:{port}");
    let locked = laptop.dala("en", &["sync", "enroll", "--hub", &hub, "--code", &code]);
    let (_, stderr) = fails(locked);
    assert!(stderr.contains("sync.main_locked"), "{stderr}");

    // Someone logs in on the main computer: its store opens, and it can answer.
    let login = format!(r#"{{"login":"director","password":"{PASSWORD}"}}"#);
    let session = curl(&[
        "--cacert",
        cacert,
        "-H",
        "content-type: application/json",
        "-d",
        &login,
        &format!("{base}/api/v1/session"),
    ]);
    assert!(
        String::from_utf8_lossy(&session.stdout).contains("token"),
        "{}",
        String::from_utf8_lossy(&session.stdout)
    );
    let enrolled = succeeds(laptop.dala("en", &["sync", "enroll", "--hub", &hub, "--code", &code]));
    assert!(String::from_utf8_lossy(&enrolled.stdout).contains("main computer"));
    succeeds(laptop.dala("en", &["sync", "now"]));
    let listed = succeeds(main.dala("en", &["sync", "laptops"]));
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1, "{listed}");
    let fingerprint = lines[0].split('\t').next().unwrap().to_string();
    assert!(
        !lines[0].contains("never"),
        "the laptop has synced: {listed}"
    );

    // The code works once; a device the main computer never enrolled gets nothing.
    let reused = stranger.dala("en", &["sync", "enroll", "--hub", &hub, "--code", &code]);
    let (status, stderr) = fails(reused);
    assert_eq!(status, 1);
    assert!(stderr.contains("[sync.code_invalid]"), "{stderr}");
    let (_, stderr) = fails(stranger.dala("en", &["sync", "now"]));
    assert!(stderr.contains("[sync.not_enrolled]"), "{stderr}");

    // A lost laptop is removed on the main computer; its next sync is refused.
    let (_, stderr) = fails(main.dala("ru", &["sync", "remove-laptop", "--device", "NOPE"]));
    assert!(
        stderr.contains("Не найдено: ноутбук. [store.not_found]"),
        "{stderr}"
    );
    succeeds(main.dala("en", &["sync", "remove-laptop", "--device", &fingerprint]));
    let (_, stderr) = fails(laptop.dala("en", &["sync", "now"]));
    assert!(stderr.contains("[sync.unknown_device]"), "{stderr}");
    let listed = succeeds(main.dala("kk", &["sync", "laptops"]));
    assert!(String::from_utf8_lossy(&listed.stdout).contains("тіркелмеген"));

    drop(server);
    assert!(
        main.has_student("Ноутбуков"),
        "the laptop's pupil reached the main computer"
    );
    assert!(
        laptop.has_student("Басқаров"),
        "the main computer's pupil reached the laptop"
    );
    assert!(!stranger.has_student("Басқаров"));
    succeeds(main.dala("en", &["check"]));
    succeeds(laptop.dala("en", &["check"]));
}
