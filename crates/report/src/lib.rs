//! Printable reports: one small model — a titled table with optional totals and a bar chart — and
//! two writers for it, xlsx for people who keep working on the numbers and PDF for the paper that gets
//! signed and filed. Every school report (attendance and marks per class and period, a kindergarten
//! group's month sheet, the teaching-load tariff list, timetables) is built as a [`Report`] by its
//! feature and handed here; nothing in this crate knows what the rows mean.
//!
//! The PDF embeds (a subset of) DejaVu Sans because school PCs cannot be trusted to have a font with
//! the Kazakh letters ә ғ қ ң ө ұ ү һ і, and a report has to print the same on every one of them.
//! Both writers take any input without panicking: missing cells are blank, over-long texts wrap (PDF,
//! at most 400 lines a cell) or are cut at Excel's cell limit (xlsx), and wide sheets shrink their
//! font to fit the page. The only input error is a table larger than an xlsx sheet can hold.

mod pdf;
mod xlsx;

/// A report as both formats see it: a title, a table and, optionally, a chart of some of its figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// What and for which class and period, e.g. "Сабаққа қатысу есебі — 5А, 01.11.2026–30.11.2026".
    pub title: String,
    /// The organisation, who printed it and when.
    pub subtitle: Option<String>,
    pub columns: Vec<Column>,
    /// Rows may be shorter or longer than `columns`; missing cells are blank.
    pub rows: Vec<Vec<Cell>>,
    /// Totals under the table, shown bold.
    pub footer_rows: Vec<Vec<Cell>>,
    pub chart: Option<Chart>,
    /// Wide sheets (a month of days) print landscape.
    pub landscape: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// A width hint in characters (Excel's unit: the width of a "0").
    pub width: f32,
}

impl Column {
    pub fn new(title: impl Into<String>, width: f32) -> Self {
        Self {
            title: title.into(),
            width,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Written as a number in xlsx; printed with at most two decimals and a decimal comma.
    Number(f64),
    Int(i64),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Number(value)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Int(value)
    }
}

/// A bar chart: one group of bars per label, one bar per series in each group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chart {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

/// One coloured set of bars; `values[i]` belongs to `labels[i]`, extra values are ignored and
/// missing or non-finite ones leave a gap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// More rows or columns than an xlsx sheet can hold.
    #[error("the report does not fit an xlsx sheet: {0}")]
    TooLarge(String),
    #[error("could not write the xlsx file while {context}")]
    Xlsx {
        context: String,
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// The embedded font could not be read or subset; a build problem, not an input problem.
    #[error("could not embed the font {font}: {reason}")]
    Font { font: &'static str, reason: String },
}

impl ReportError {
    /// A stable code for the API and the UI's `error-<code>` message.
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::TooLarge(_) => "report.too_large",
            ReportError::Xlsx { .. } => "report.write",
            ReportError::Font { .. } => "report.font",
        }
    }
}

/// The report as an xlsx workbook of one sheet.
pub fn xlsx(report: &Report) -> Result<Vec<u8>, ReportError> {
    xlsx::write(report)
}

/// The report as an A4 PDF with the fonts it uses embedded.
pub fn pdf(report: &Report) -> Result<Vec<u8>, ReportError> {
    pdf::write(report)
}

/// How many columns the table has: the declared ones, or more if some row is longer.
fn column_count(report: &Report) -> usize {
    let longest = report
        .rows
        .iter()
        .chain(&report.footer_rows)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    report.columns.len().max(longest)
}

/// A usable width hint: absent, non-finite or absurd hints fall back to something printable.
fn width_hint(report: &Report, column: usize) -> f32 {
    match report.columns.get(column) {
        Some(c) if c.width.is_finite() => c.width.clamp(1.0, 255.0),
        _ => 10.0,
    }
}

/// A number as Kazakh and Russian readers write it: decimal comma, at most two decimals.
fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    text.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_print_with_a_decimal_comma() {
        assert_eq!(format_number(95.5), "95,5");
        assert_eq!(format_number(4.0), "4");
        assert_eq!(format_number(93.3333), "93,33");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(f64::NAN), "");
    }
}
