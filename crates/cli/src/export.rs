//! Export (R13): the store turned into tables once and written as one JSON file, a folder of CSV
//! files or an Excel workbook, so the three forms never disagree and a school can read its data
//! without Dala.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate, Utc};
use clap::ValueEnum;
use dala_core::enrolment::Enrolment;
use dala_core::group::{AgeGroup, Class};
use dala_core::org::Organisation;
use dala_core::person::{Person, PersonKind};
use dala_core::year::{AcademicYear, Term, school_date};
use dala_i18n::{Lang, text};
use dala_store::Store;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde::ser::{Serialize, SerializeMap, Serializer};
use uuid::Uuid;

use crate::error::CliError;

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Xlsx,
}

pub fn export(store: &Store, format: ExportFormat, out: &Path, lang: Lang) -> Result<(), CliError> {
    let tables = Snapshot::read(store, school_date(Utc::now()))?.tables();
    match format {
        ExportFormat::Json => write_json(&tables, out),
        ExportFormat::Csv => write_csv(&tables, out),
        ExportFormat::Xlsx => write_xlsx(&tables, out, lang),
    }
}

/// One value of an exported table.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Int(i64),
    Text(String),
    Date(NaiveDate),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Text(t) => t.clone(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<Uuid> for Cell {
    fn from(id: Uuid) -> Cell {
        Cell::Text(id.to_string())
    }
}

impl From<NaiveDate> for Cell {
    fn from(date: NaiveDate) -> Cell {
        Cell::Date(date)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Cell {
        value.map_or(Cell::Empty, Into::into)
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Empty => s.serialize_none(),
            Cell::Int(n) => s.serialize_i64(*n),
            Cell::Text(_) | Cell::Date(_) => s.serialize_str(&self.text()),
        }
    }
}

/// One exported list: its name (the JSON key, the CSV file name, the sheet's message id) and its
/// English snake_case columns.
struct Table {
    name: &'static str,
    columns: &'static [&'static str],
    rows: Vec<Vec<Cell>>,
}

const ORGANISATION: &str = "organisation";
const ACADEMIC_YEARS: &str = "academic_years";
const TERMS: &str = "terms";

const STUDENT_COLUMNS: [&str; 8] = [
    "id",
    "last_name",
    "first_name",
    "patronymic",
    "iin",
    "birth_date",
    "sex",
    "class",
];
const CHILD_COLUMNS: [&str; 8] = [
    "id",
    "last_name",
    "first_name",
    "patronymic",
    "iin",
    "birth_date",
    "sex",
    "group",
];
const STAFF_COLUMNS: [&str; 9] = [
    "id",
    "last_name",
    "first_name",
    "patronymic",
    "iin",
    "birth_date",
    "sex",
    "position",
    "subject",
];

impl Table {
    fn cell(&self, row: &[Cell], column: &str) -> Cell {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or(Cell::Empty)
    }

    fn objects(&self) -> impl Iterator<Item = Object<'_>> {
        self.rows.iter().map(|cells| Object {
            columns: self.columns,
            cells,
            nested: None,
        })
    }
}

/// Everything an export reads from the store, read once.
struct Snapshot {
    today: NaiveDate,
    orgs: Vec<Organisation>,
    years: Vec<AcademicYear>,
    terms: Vec<Term>,
    classes: Vec<Class>,
    groups: Vec<AgeGroup>,
    people: Vec<Person>,
    enrolments: Vec<Enrolment>,
}

/// An enrolment still holds its place until its last day has passed; one starting later
/// (an August export) already does.
fn active(enrolment: &Enrolment, today: NaiveDate) -> bool {
    enrolment.to.is_none_or(|to| to >= today)
}

impl Snapshot {
    fn read(store: &Store, today: NaiveDate) -> Result<Snapshot, CliError> {
        Ok(Snapshot {
            today,
            orgs: store.list()?,
            years: store.list()?,
            terms: store.list()?,
            classes: store.list()?,
            groups: store.list()?,
            people: store.list()?,
            enrolments: store.list()?,
        })
    }

    /// "5 А" for a class, its name for an age group.
    fn group_names(&self) -> HashMap<Uuid, String> {
        let classes = self.classes.iter().map(|c| (c.id, c.name()));
        let groups = self.groups.iter().map(|g| (g.id, g.name.clone()));
        classes.chain(groups).collect()
    }

    /// Each pupil's current group: of their active enrolments, the one that started last.
    fn placements(&self) -> HashMap<Uuid, Uuid> {
        let mut latest: HashMap<Uuid, &Enrolment> = HashMap::new();
        for e in self.enrolments.iter().filter(|e| active(e, self.today)) {
            let slot = latest.entry(e.person_id).or_insert(e);
            if e.from > slot.from {
                *slot = e;
            }
        }
        latest
            .into_iter()
            .map(|(person, e)| (person, e.group_id))
            .collect()
    }

    fn tables(&self) -> Vec<Table> {
        let names = self.group_names();
        let placements = self.placements();
        let current = |p: &Person| -> Cell {
            placements
                .get(&p.id)
                .and_then(|g| names.get(g))
                .cloned()
                .into()
        };
        vec![
            self.organisation(),
            self.academic_years(),
            self.terms(),
            self.classes(),
            self.age_groups(),
            self.pupils("students", PersonKind::Student, &STUDENT_COLUMNS, &current),
            self.pupils("children", PersonKind::Child, &CHILD_COLUMNS, &current),
            self.staff(),
            self.enrolments(&names),
        ]
    }

    fn organisation(&self) -> Table {
        let row = |o: &Organisation| {
            let languages: Vec<&str> = o.languages.iter().map(|l| l.code()).collect();
            vec![
                o.id.into(),
                o.kind.code().into(),
                o.name.as_str().into(),
                o.bin.clone().into(),
                o.region.clone().into(),
                o.district.clone().into(),
                languages.join(",").into(),
            ]
        };
        Table {
            name: ORGANISATION,
            columns: &[
                "id",
                "kind",
                "name",
                "bin",
                "region",
                "district",
                "languages",
            ],
            rows: self.orgs.iter().map(row).collect(),
        }
    }

    fn academic_years(&self) -> Table {
        let row = |y: &AcademicYear| {
            vec![
                y.id.into(),
                y.name().into(),
                i64::from(y.start_year).into(),
                y.starts.into(),
                y.ends.into(),
            ]
        };
        Table {
            name: ACADEMIC_YEARS,
            columns: &["id", "name", "start_year", "starts", "ends"],
            rows: self.years.iter().map(row).collect(),
        }
    }

    fn terms(&self) -> Table {
        let row = |t: &Term| {
            vec![
                t.id.into(),
                t.year_id.into(),
                t.number.into(),
                t.starts.into(),
                t.ends.into(),
            ]
        };
        Table {
            name: TERMS,
            columns: &["id", "year_id", "number", "starts", "ends"],
            rows: self.terms.iter().map(row).collect(),
        }
    }

    fn classes(&self) -> Table {
        let row = |c: &Class| {
            vec![
                c.id.into(),
                c.year_id.into(),
                c.grade.into(),
                c.letter.as_str().into(),
                c.name().into(),
                c.language.code().into(),
            ]
        };
        Table {
            name: "classes",
            columns: &["id", "year_id", "grade", "letter", "name", "language"],
            rows: self.classes.iter().map(row).collect(),
        }
    }

    fn age_groups(&self) -> Table {
        let row = |g: &AgeGroup| {
            let enrolled = self
                .enrolments
                .iter()
                .filter(|e| e.group_id == g.id && active(e, self.today))
                .count();
            vec![
                g.id.into(),
                g.year_id.into(),
                g.name.as_str().into(),
                g.age_from.into(),
                g.age_to.into(),
                g.norm_places.into(),
                i64::try_from(enrolled).unwrap_or(i64::MAX).into(),
                g.free_places(enrolled).into(),
                g.language.code().into(),
            ]
        };
        Table {
            name: "age_groups",
            columns: &[
                "id",
                "year_id",
                "name",
                "age_from",
                "age_to",
                "norm_places",
                "enrolled",
                "free_places",
                "language",
            ],
            rows: self.groups.iter().map(row).collect(),
        }
    }

    fn people_of(&self, kind: PersonKind) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(move |p| p.kind == kind)
    }

    /// Students or kindergarten children, each with the name of their current class or group.
    fn pupils(
        &self,
        name: &'static str,
        kind: PersonKind,
        columns: &'static [&'static str],
        current: &dyn Fn(&Person) -> Cell,
    ) -> Table {
        let rows = self
            .people_of(kind)
            .map(|p| {
                let mut cells = person_cells(p);
                cells.push(current(p));
                cells
            })
            .collect();
        Table {
            name,
            columns,
            rows,
        }
    }

    fn staff(&self) -> Table {
        let rows = self
            .people_of(PersonKind::Staff)
            .map(|p| {
                let mut cells = person_cells(p);
                cells.extend([p.position.clone().into(), p.subject.clone().into()]);
                cells
            })
            .collect();
        Table {
            name: "staff",
            columns: &STAFF_COLUMNS,
            rows,
        }
    }

    fn enrolments(&self, names: &HashMap<Uuid, String>) -> Table {
        let row = |e: &Enrolment| {
            vec![
                e.id.into(),
                e.year_id.into(),
                e.person_id.into(),
                e.group_id.into(),
                names.get(&e.group_id).cloned().into(),
                e.from.into(),
                e.to.into(),
            ]
        };
        Table {
            name: "enrolments",
            columns: &[
                "id",
                "year_id",
                "person_id",
                "group_id",
                "group",
                "from_date",
                "to_date",
            ],
            rows: self.enrolments.iter().map(row).collect(),
        }
    }
}

/// The seven columns every person has, from `id` to `sex`.
fn person_cells(p: &Person) -> Vec<Cell> {
    vec![
        p.id.into(),
        p.last_name.as_str().into(),
        p.first_name.as_str().into(),
        p.patronymic.clone().into(),
        p.iin.as_ref().map(|i| i.as_str().to_string()).into(),
        p.birth_date.into(),
        p.sex.code().into(),
    ]
}

/// A table row as a JSON object, its fields in column order, with an optional nested list.
struct Object<'a> {
    columns: &'a [&'a str],
    cells: &'a [Cell],
    nested: Option<(&'static str, Vec<Object<'a>>)>,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(column, cell)?;
        }
        if let Some((name, objects)) = &self.nested {
            map.serialize_entry(name, objects)?;
        }
        map.end()
    }
}

/// The JSON export: the organisation as one object, each academic year with its terms, every
/// other table as a list of objects.
struct JsonExport<'a>(&'a [Table]);

/// Each academic year as an object holding its terms.
fn years_with_terms<'t>(tables: &'t [Table], years: &'t Table) -> Vec<Object<'t>> {
    let terms = tables.iter().find(|t| t.name == TERMS);
    years
        .objects()
        .map(|mut year| {
            let id = years.cell(year.cells, "id");
            let own = terms.map_or_else(Vec::new, |t| {
                t.objects()
                    .filter(|term| t.cell(term.cells, "year_id") == id)
                    .collect()
            });
            year.nested = Some((TERMS, own));
            year
        })
        .collect()
}

impl Serialize for JsonExport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("format_version", &1)?;
        for table in self.0 {
            match table.name {
                ORGANISATION => map.serialize_entry(table.name, &table.objects().next())?,
                ACADEMIC_YEARS => {
                    map.serialize_entry(table.name, &years_with_terms(self.0, table))?
                }
                TERMS => {}
                _ => map.serialize_entry(table.name, &table.objects().collect::<Vec<_>>())?,
            }
        }
        map.end()
    }
}

fn create(path: &Path) -> Result<BufWriter<File>, CliError> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| CliError::io(path, e))
}

fn write_json(tables: &[Table], out: &Path) -> Result<(), CliError> {
    let mut file = create(out)?;
    serde_json::to_writer_pretty(&mut file, &JsonExport(tables))
        .map_err(|e| CliError::io(out, e))?;
    file.write_all(b"\n")
        .and_then(|()| file.flush())
        .map_err(|e| CliError::io(out, e))
}

/// Excel on a Windows school PC reads a CSV as the local code page unless it starts with a BOM.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn write_csv(tables: &[Table], dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|e| CliError::io(dir, e))?;
    for table in tables {
        let path = dir.join(format!("{}.csv", table.name));
        let mut file = create(&path)?;
        file.write_all(UTF8_BOM)
            .map_err(|e| CliError::io(&path, e))?;
        let mut csv = csv::Writer::from_writer(file);
        let written = csv.write_record(table.columns).and_then(|()| {
            table
                .rows
                .iter()
                .try_for_each(|row| csv.write_record(row.iter().map(Cell::text)))
        });
        written
            .map_err(|e| CliError::io(&path, e))
            .and_then(|()| csv.flush().map_err(|e| CliError::io(&path, e)))?;
    }
    Ok(())
}

fn write_xlsx(tables: &[Table], out: &Path, lang: Lang) -> Result<(), CliError> {
    let mut workbook = Workbook::new();
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd"),
    };
    for table in tables {
        let sheet = workbook.add_worksheet();
        fill_sheet(sheet, table, &sheet_name(table.name, lang), &formats)
            .map_err(|e| CliError::io(out, e))?;
    }
    workbook.save(out).map_err(|e| CliError::io(out, e))
}

struct Formats {
    header: Format,
    date: Format,
}

/// The sheet's name in the user's language, from `export-sheet-<table>`.
fn sheet_name(table: &str, lang: Lang) -> String {
    text(
        lang,
        &format!("export-sheet-{}", table.replace('_', "-")),
        &[],
    )
}

fn fill_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    name: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    // The header cells stay the English field names of the JSON and CSV exports: they are a
    // data format that scripts and `dala import` read, whatever the user's language.
    for (col, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(col)?, *column, &formats.header)?;
    }
    for (r, cells) in table.rows.iter().enumerate() {
        let row = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in cells.iter().enumerate() {
            write_cell(sheet, row, col_num(c)?, cell, &formats.date)?;
        }
    }
    for (col, width) in column_widths(table).into_iter().enumerate() {
        sheet.set_column_width(col_num(col)?, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn col_num(col: usize) -> Result<u16, XlsxError> {
    u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    date_format: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        // Numbers only where they are quantities: an IIN written as text keeps its leading zero.
        Cell::Int(n) => {
            sheet.write_number(row, col, *n as f64)?;
        }
        Cell::Text(t) => {
            sheet.write_string(row, col, t)?;
        }
        Cell::Date(d) => {
            let date = excel_date(*d)?;
            sheet.write_datetime_with_format(row, col, &date, date_format)?;
        }
    }
    Ok(())
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    let (month, day) = (d.month() as u8, d.day() as u8);
    ExcelDateTime::from_ymd(year, month, day)
}

/// Wide enough for the longest value of each column, within reason.
fn column_widths(table: &Table) -> Vec<f64> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let longest = table
                .rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell.text().chars().count())
                .chain([column.chars().count()])
                .max()
                .unwrap_or(0);
            longest.clamp(6, 50) as f64 + 2.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_distinct_in_every_language() {
        let tables = [
            ORGANISATION,
            ACADEMIC_YEARS,
            TERMS,
            "classes",
            "age_groups",
            "students",
            "children",
            "staff",
            "enrolments",
        ];
        for lang in Lang::ALL {
            let names: Vec<String> = tables.iter().map(|t| sheet_name(t, lang)).collect();
            for name in &names {
                assert!(!name.starts_with("export-sheet-"), "{lang}: {name}");
                assert!(name.chars().count() <= 31, "{lang}: {name}");
                assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']));
            }
            let mut distinct = names.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), names.len(), "{lang}");
        }
    }
}
