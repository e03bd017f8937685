//! The xlsx writer: one sheet laid out as it prints — title, subtitle, a blank row, the bold header
//! row (frozen, and repeated on every printed page), the rows, the bold totals. The chart is native,
//! so its figures have to live in cells: they go in a small block under the table, where the reader
//! can also check them, and the chart sits under that block (a chart without labels or series is
//! left out; there is nothing to plot).

use rust_xlsxwriter::{
    Chart, ChartType, Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::{Cell, Report, ReportError, column_count, width_hint};

/// Excel's limits for one sheet and one cell.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
const MAX_CELL_UTF16: usize = 32_767;
const MAX_SHEET_NAME: usize = 31;
/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;

pub(crate) fn write(report: &Report) -> Result<Vec<u8>, ReportError> {
    let columns = column_count(report);
    let header_row = if report.subtitle.is_some() { 3 } else { 2 };
    let table_end = header_row + 1 + report.rows.len() + report.footer_rows.len();
    let chart = report
        .chart
        .as_ref()
        .filter(|c| !c.labels.is_empty() && !c.series.is_empty());
    let chart_rows = chart.map_or(0, |c| 4 + c.labels.len() + CHART_HEIGHT_ROWS);
    if table_end + chart_rows > MAX_ROWS {
        return Err(ReportError::TooLarge(format!(
            "{} rows, an xlsx sheet holds {MAX_ROWS}",
            table_end + chart_rows
        )));
    }
    let widest = columns.max(chart.map_or(0, |c| c.series.len() + 1));
    if widest > MAX_COLUMNS {
        return Err(ReportError::TooLarge(format!(
            "{widest} columns, an xlsx sheet holds {MAX_COLUMNS}"
        )));
    }

    let mut workbook = Workbook::new();
    let sheet_name = sheet_name(&report.title);
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(&sheet_name)
        .map_err(at("naming the sheet"))?;
    set_up_printing(sheet, report, header_row).map_err(at("setting up printing"))?;

    let title = Format::new().set_bold().set_font_size(14);
    sheet
        .write_string_with_format(0, 0, cut(&report.title), &title)
        .map_err(at("writing the title"))?;
    if let Some(subtitle) = &report.subtitle {
        sheet
            .write_string(1, 0, cut(subtitle))
            .map_err(at("writing the subtitle"))?;
    }

    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xE8E8E8))
        .set_border(FormatBorder::Thin);
    for column in 0..columns {
        let hint = width_hint(report, column);
        sheet
            .set_column_width(col(column), hint)
            .map_err(at("setting column widths"))?;
        let text = report.columns.get(column).map_or("", |c| c.title.as_str());
        sheet
            .write_string_with_format(row(header_row), col(column), cut(text), &header)
            .map_err(at("writing the header row"))?;
    }

    let plain = Format::new().set_border(FormatBorder::Thin);
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    let body = report.rows.iter().map(|cells| (cells, &plain));
    let footer = report.footer_rows.iter().map(|cells| (cells, &bold));
    for (index, (cells, format)) in body.chain(footer).enumerate() {
        let at_row = row(header_row + 1 + index);
        for column in 0..columns {
            let cell = cells.get(column).unwrap_or(&Cell::Empty);
            write_cell(sheet, at_row, col(column), cell, format).map_err(|source| {
                ReportError::Xlsx {
                    context: format!("writing row {}", index + 1),
                    source,
                }
            })?;
        }
    }

    if let Some(chart) = chart {
        write_chart(sheet, &sheet_name, chart, table_end + 1).map_err(at("writing the chart"))?;
    }

    workbook
        .save_to_buffer()
        .map_err(at("packing the workbook"))
}

/// The chart's height in rows at the default row height (20 px).
const CHART_HEIGHT_ROWS: usize = 16;

fn write_chart(
    sheet: &mut Worksheet,
    sheet_name: &str,
    chart: &crate::Chart,
    first: usize,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(row(first), 0, cut(&chart.title), &bold)?;
    let names = first + 1;
    for (s, series) in chart.series.iter().enumerate() {
        sheet.write_string_with_format(row(names), col(s + 1), cut(&series.name), &bold)?;
    }
    for (i, label) in chart.labels.iter().enumerate() {
        sheet.write_string(row(names + 1 + i), 0, cut(label))?;
        for (s, series) in chart.series.iter().enumerate() {
            if let Some(value) = series.values.get(i).filter(|v| v.is_finite()) {
                sheet.write_number(row(names + 1 + i), col(s + 1), *value)?;
            }
        }
    }

    let (data_first, data_last) = (row(names + 1), row(names + chart.labels.len()));
    let mut native = Chart::new(ChartType::Column);
    native.title().set_name(cut(&chart.title));
    for s in 0..chart.series.len() {
        let column = col(s + 1);
        native
            .add_series()
            .set_name((sheet_name, row(names), column))
            .set_categories((sheet_name, data_first, 0, data_last, 0))
            .set_values((sheet_name, data_first, column, data_last, column));
    }
    native
        .set_width(640)
        .set_height(CHART_HEIGHT_ROWS as u32 * 20);
    sheet.insert_chart(data_last + 2, 0, &native)?;
    Ok(())
}

fn set_up_printing(
    sheet: &mut Worksheet,
    report: &Report,
    header_row: usize,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    if report.landscape {
        sheet.set_landscape();
    }
    // As wide as one page, as long as it takes; the header row repeats on each page.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(row(header_row), row(header_row))?;
    sheet.set_freeze_panes(row(header_row + 1), 0)?;
    sheet.set_footer("&C&P / &N");
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    format: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => sheet.write_string_with_format(r, c, cut(text), format)?,
        Cell::Number(value) if value.is_finite() => {
            sheet.write_number_with_format(r, c, *value, format)?
        }
        // i64 beyond 2^53 loses precision as an Excel number; no school figure comes near it.
        Cell::Int(value) => sheet.write_number_with_format(r, c, *value as f64, format)?,
        Cell::Number(_) | Cell::Empty => sheet.write_blank(r, c, format)?,
    };
    Ok(())
}

/// The title as a sheet name, within Excel's rules (31 UTF-16 units, none of `[]:*?/\`, no
/// apostrophes at the ends — we drop them all, which also keeps chart references simple). A cut
/// title ends at a word, without trailing punctuation: "Сабаққа қатысу есебі — 5А".
fn sheet_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut name = clean.trim();
    if name.encode_utf16().count() > MAX_SHEET_NAME {
        let mut units = 0;
        let end = name
            .char_indices()
            .find(|(_, c)| {
                units += c.len_utf16();
                units > MAX_SHEET_NAME
            })
            .map_or(name.len(), |(end, _)| end);
        let cut = &name[..end];
        let at_word = if name[end..].starts_with(char::is_whitespace) {
            cut
        } else {
            cut.rsplit_once(char::is_whitespace)
                .map_or(cut, |(head, _)| head)
        };
        name = at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;.—–-".contains(c));
    }
    if name.is_empty() || name.eq_ignore_ascii_case("history") {
        "Sheet1".to_owned()
    } else {
        name.to_owned()
    }
}

/// A text within Excel's cell limit, which counts UTF-16 units.
fn cut(text: &str) -> &str {
    let mut units = 0;
    for (end, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_UTF16 {
            return &text[..end];
        }
    }
    text
}

fn at(context: &'static str) -> impl Fn(XlsxError) -> ReportError {
    move |source| ReportError::Xlsx {
        context: context.to_owned(),
        source,
    }
}

// Both limits were checked in `write`, so these conversions cannot truncate.
fn row(index: usize) -> u32 {
    index as u32
}

fn col(index: usize) -> u16 {
    index as u16
}
