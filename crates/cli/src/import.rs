//! Import of students from a .csv or .xlsx file: reading the file is here, the rules of a row are
//! dala-core's `import`, and the all-or-nothing write is the store's batch.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Utc};
use dala_core::group::Class;
use dala_core::import::{self, Column, Row, Target};
use dala_core::year::{AcademicYear, school_date};
use dala_core::{Command, CoreError};
use dala_i18n::{Arg, Lang, error_message};
use dala_store::{Store, StoreError};
use uuid::Uuid;

use crate::error::CliError;

pub fn import_students(
    store: &mut Store,
    file: &Path,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<usize, CliError> {
    let sheet = read_sheet(file)?;
    let fields: Vec<Option<&'static str>> =
        sheet.headers.iter().map(|h| import::field_of(h)).collect();
    if let Some(column) = import::missing_column(&fields) {
        return Err(CliError::MissingColumn {
            column: column_label(column, lang).to_string(),
        });
    }
    let today = school_date(now);
    let years = store.list::<AcademicYear>()?;
    let year = import::current_year(&years, today).ok_or(CoreError::NotFound {
        entity: "academic_year",
    })?;
    let classes: Vec<Class> = store
        .list::<Class>()?
        .into_iter()
        .filter(|c| c.year_id == year.id)
        .collect();
    let target = Target {
        year,
        classes: &classes,
        today,
    };
    Batch::plan(&sheet, &fields, &target, lang).apply(store, now, lang)
}

/// A spreadsheet as read: the header cells, then every row with its number as the spreadsheet
/// shows it (the header is row 1), so a secretary finds the row that was refused.
struct Sheet {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    fn from_rows(mut rows: Vec<(usize, Vec<String>)>) -> Sheet {
        let headers = if rows.is_empty() {
            Vec::new()
        } else {
            rows.remove(0).1
        };
        Sheet { headers, rows }
    }
}

fn file_format(file: &Path) -> CliError {
    CliError::FileFormat {
        path: file.display().to_string(),
    }
}

fn read_sheet(file: &Path) -> Result<Sheet, CliError> {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match extension.as_deref() {
        Some("csv") => read_csv(file),
        Some("xlsx") => read_xlsx(file),
        _ => Err(file_format(file)),
    }
}

/// UTF-8 with or without a BOM; `;` (what Excel writes in Russian and Kazakh locales) or `,`,
/// whichever the header line holds more of.
fn read_csv(file: &Path) -> Result<Sheet, CliError> {
    let bytes = std::fs::read(file).map_err(|e| CliError::io(file, e))?;
    let text = String::from_utf8(bytes).map_err(|_| file_format(file))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut row = 0;
    for record in reader.records() {
        let record = record.map_err(|_| file_format(file))?;
        let start = record.position().map_or(0, |p| p.byte());
        row += 1 + blank_lines_at(text, usize::try_from(start).unwrap_or(usize::MAX));
        rows.push((row, record.iter().map(str::to_string).collect()));
    }
    Ok(Sheet::from_rows(rows))
}

/// The csv reader skips empty lines, but a spreadsheet shows each as a row: they count, so the
/// row numbers reported are the ones the secretary sees. A record's position lies before them,
/// and after a CRLF record between its `\r` and `\n`.
fn blank_lines_at(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or_default();
    let rest = match text.get(..start) {
        Some(before) if before.ends_with('\r') => rest.strip_prefix('\n').unwrap_or(rest),
        _ => rest,
    };
    rest.chars()
        .take_while(|c| matches!(c, '\r' | '\n'))
        .filter(|c| *c == '\n')
        .count()
}

/// The first sheet of the workbook.
fn read_xlsx(file: &Path) -> Result<Sheet, CliError> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(file).map_err(|e| match e {
        calamine::XlsxError::Io(e) => CliError::io(file, e),
        _ => file_format(file),
    })?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| file_format(file))?
        .map_err(|_| file_format(file))?;
    let first = range.start().map_or(0, |(row, _)| row as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| (first + i + 1, cells.iter().map(cell_text).collect()))
        .collect();
    Ok(Sheet::from_rows(rows))
}

/// A cell as the text a secretary sees; a date cell becomes ISO, which dala-core reads.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().to_string(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Spreadsheets keep every number as a float: an IIN typed as a number comes back as
/// 150402500123.0 and must read as the digits typed.
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// The header a user of `lang` knows a column by.
fn column_label(column: Column, lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => column.kk,
        Lang::Ru => column.ru,
        Lang::En => column.field,
    }
}

/// A refusal in the user's language, a column named by its header in that language.
fn reason(lang: Lang, error: &StoreError) -> String {
    let owned: Vec<(&str, String)> = error
        .args()
        .into_iter()
        .map(|(name, value)| match (name, import::column_of(&value)) {
            ("column", Some(column)) => (name, column_label(column, lang).to_string()),
            _ => (name, value),
        })
        .collect();
    let args: Vec<(&str, Arg)> = owned.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
    error_message(lang, error.code(), &args)
}

/// The row's cells by field name, or `None` for a blank row (spreadsheets end in them). When two
/// headers name one field the first column counts.
fn record_of(fields: &[Option<&'static str>], cells: &[String]) -> Option<Row> {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    let mut row = Row::new();
    for (field, cell) in fields.iter().zip(cells) {
        if let Some(field) = field {
            row.entry(field.to_string())
                .or_insert_with(|| cell.trim().to_string());
        }
    }
    Some(row)
}

/// The commands of the good rows with the row each came from, and the rows refused so far.
#[derive(Default)]
struct Batch {
    commands: Vec<Command>,
    rows: Vec<usize>,
    refused: BTreeMap<usize, String>,
}

impl Batch {
    fn plan(sheet: &Sheet, fields: &[Option<&'static str>], target: &Target, lang: Lang) -> Batch {
        let mut batch = Batch::default();
        let mut new_id = Uuid::now_v7;
        for (row, cells) in &sheet.rows {
            let Some(record) = record_of(fields, cells) else {
                continue;
            };
            match import::student(&record, target, &mut new_id) {
                Ok((person, enrolment)) => {
                    batch
                        .commands
                        .extend([Command::SavePerson(person), Command::Enrol(enrolment)]);
                    batch.rows.extend([*row, *row]);
                }
                Err(e) => {
                    batch.refused.insert(*row, reason(lang, &e.into()));
                }
            }
        }
        batch
    }

    /// Writes every student in one transaction, or reports every refused row and writes nothing.
    fn apply(
        mut self,
        store: &mut Store,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<usize, CliError> {
        let students = self.commands.len() / 2;
        if self.commands.is_empty() && self.refused.is_empty() {
            return Ok(0);
        }
        // With rows already refused nothing may be written, but the good rows are still
        // checked (an IIN already taken, one used twice in the file) so every refusal shows.
        let result = if self.refused.is_empty() {
            store.execute_batch(&self.commands, now)
        } else {
            store.try_batch(&self.commands, now)
        };
        match result {
            Ok(()) if self.refused.is_empty() => return Ok(students),
            Ok(()) => {}
            Err(errors) => self.note_refusals(errors, lang)?,
        }
        Err(CliError::Rejected {
            rows: self.refused.into_iter().collect(),
        })
    }

    /// The store's refusals by row, the first reason of each row only: a refused person also
    /// fails its enrolment, which would say nothing new.
    fn note_refusals(
        &mut self,
        errors: Vec<(usize, StoreError)>,
        lang: Lang,
    ) -> Result<(), CliError> {
        for (index, error) in errors {
            if !matches!(error, StoreError::Core(_)) {
                return Err(error.into());
            }
            if let Some(&row) = self.rows.get(index) {
                self.refused
                    .entry(row)
                    .or_insert_with(|| reason(lang, &error));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() {
        let dir = tempfile::tempdir().unwrap();
        for text in [
            "a;b\n1;2\n\n3;4\n\"x\ny\";5\n6;7\n",
            "\u{feff}a;b\r\n1;2\r\n\r\n3;4\r\n\"x\r\ny\";5\r\n6;7",
        ] {
            let path = dir.path().join("rows.csv");
            std::fs::write(&path, text).unwrap();
            let sheet = read_csv(&path).unwrap();
            assert_eq!(sheet.headers, ["a", "b"]);
            let numbers: Vec<usize> = sheet.rows.iter().map(|(n, _)| *n).collect();
            assert_eq!(numbers, [2, 4, 5, 6], "{text:?}");
            assert_eq!(sheet.rows[2].1[0].replace('\r', ""), "x\ny");
        }
    }

    #[test]
    fn numbers_from_a_spreadsheet_read_as_typed() {
        assert_eq!(float_text(150402500123.0), "150402500123");
        assert_eq!(float_text(5.0), "5");
        assert_eq!(float_text(2.5), "2.5");
    }

    #[test]
    fn blank_rows_are_skipped_and_the_first_of_two_columns_counts() {
        let fields = [Some("last_name"), None, Some("last_name")];
        let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(record_of(&fields, &cells(&[" ", "", ""])), None);
        let row = record_of(&fields, &cells(&[" Ахметов ", "1", "Петров"])).unwrap();
        assert_eq!(row.get("last_name").map(String::as_str), Some("Ахметов"));
        assert_eq!(row.len(), 1);
    }
}
