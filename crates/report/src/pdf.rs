//! The PDF writer: an A4 page flow, top to bottom — title, subtitle, the table, the chart — and the
//! page numbers added once the page count is known. Layout is our own and deliberately plain (fixed
//! margins, greedy word wrap, one font size per table) so that it is predictable on any input:
//! a row taller than a page continues on the next one, the header row repeats on every page, and a
//! table too wide for the page shrinks its font down to `MIN_SIZE` and then narrows its columns.

mod chart;
mod font;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use self::font::{Fonts, Weight};
use crate::{Cell, Report, ReportError, column_count, format_number, width_hint};

const A4: (f32, f32) = (595.276, 841.89);
const MARGIN: f32 = 36.0;
/// The band under the content that holds the page number.
const FOOTER: f32 = 14.0;

const TITLE_SIZE: f32 = 13.0;
const SUBTITLE_SIZE: f32 = 9.0;
/// The table's font size when it fits the page, and the smallest it shrinks to.
const BASE_SIZE: f32 = 9.0;
const MIN_SIZE: f32 = 5.0;
const LINE: f32 = 1.2;
/// Cell padding, in ems of the table's font size.
const PAD_X: f32 = 0.35;
const PAD_Y: f32 = 0.2;
/// How wide a header word may make its column, in ems.
const MAX_WORD_EMS: f32 = 10.0;
/// The most lines one cell or paragraph is given.
const MAX_LINES: usize = 400;

pub(crate) fn write(report: &Report) -> Result<Vec<u8>, ReportError> {
    let mut canvas = Canvas::new(report.landscape, Fonts::load()?);
    canvas.paragraph(Weight::Bold, TITLE_SIZE, 0.0, &report.title);
    if let Some(subtitle) = &report.subtitle {
        canvas.paragraph(Weight::Regular, SUBTITLE_SIZE, 0.3, subtitle);
    }
    canvas.y -= 8.0;
    if column_count(report) > 0 {
        Table::new(report, &canvas).draw(&mut canvas, report);
    }
    if let Some(chart) = &report.chart {
        chart::draw(&mut canvas, chart);
    }
    canvas.finish(&report.title)
}

/// The pages laid out so far and the cursor on the last one. Coordinates are PDF points from the
/// bottom left; `y` moves down the page.
struct Canvas {
    width: f32,
    height: f32,
    pages: Vec<Content>,
    y: f32,
    fonts: Fonts,
}

impl Canvas {
    fn new(landscape: bool, fonts: Fonts) -> Self {
        let (width, height) = if landscape { (A4.1, A4.0) } else { A4 };
        let mut canvas = Self {
            width,
            height,
            pages: Vec::new(),
            y: 0.0,
            fonts,
        };
        canvas.new_page();
        canvas
    }

    fn left(&self) -> f32 {
        MARGIN
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn top(&self) -> f32 {
        self.height - MARGIN
    }

    fn bottom(&self) -> f32 {
        MARGIN + FOOTER
    }

    /// Space left on the current page.
    fn room(&self) -> f32 {
        self.y - self.bottom()
    }

    /// Space on an empty page.
    fn page_room(&self) -> f32 {
        self.top() - self.bottom()
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = self.top();
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn width_of(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.fonts.get(weight).width(text, size)
    }

    /// Draws one line of text with its baseline at `(x, y)`.
    fn text(&mut self, weight: Weight, size: f32, gray: f32, x: f32, y: f32, text: &str) {
        if text.is_empty() {
            return;
        }
        let font = self.fonts.get_mut(weight);
        let (resource, glyphs) = (font.resource, font.encode(text));
        let page = self.page();
        page.set_fill_gray(gray);
        page.begin_text();
        page.set_font(Name(resource), size);
        page.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
        page.show(Str(&glyphs));
        page.end_text();
    }

    /// A block of text across the page, wrapped, continuing on further pages if it must.
    fn paragraph(&mut self, weight: Weight, size: f32, gray: f32, text: &str) {
        let lines = wrap(self, weight, size, text, self.content_width());
        let height = size * LINE;
        for line in lines {
            if self.room() < height {
                self.new_page();
            }
            let baseline = self.y - baseline_offset(size);
            self.text(weight, size, gray, self.left(), baseline, &line);
            self.y -= height;
        }
    }

    fn finish(mut self, title: &str) -> Result<Vec<u8>, ReportError> {
        let count = self.pages.len();
        for number in 1..=count {
            let label = format!("{number} / {count}");
            let size = 8.0;
            let x = (self.width - self.width_of(Weight::Regular, size, &label)) / 2.0;
            let font = self.fonts.get_mut(Weight::Regular);
            let (resource, glyphs) = (font.resource, font.encode(&label));
            let page = &mut self.pages[number - 1];
            page.set_fill_gray(0.3);
            page.begin_text();
            page.set_font(Name(resource), size);
            page.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, MARGIN / 2.0 + 4.0]);
            page.show(Str(&glyphs));
            page.end_text();
        }

        let mut pdf = Pdf::new();
        let mut alloc = Ref::new(1);
        let (catalog, tree) = (alloc.bump(), alloc.bump());
        let (regular, bold) = (alloc.bump(), alloc.bump());
        let page_refs: Vec<(Ref, Ref)> = (0..count).map(|_| (alloc.bump(), alloc.bump())).collect();

        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_refs.iter().map(|(page, _)| *page))
            .count(i32::try_from(count).unwrap_or(i32::MAX));
        let media_box = Rect::new(0.0, 0.0, self.width, self.height);
        for ((page_ref, content_ref), content) in page_refs.into_iter().zip(self.pages) {
            let mut page = pdf.page(page_ref);
            page.media_box(media_box).parent(tree).contents(content_ref);
            page.resources()
                .fonts()
                .pair(Name(self.fonts.regular.resource), regular)
                .pair(Name(self.fonts.bold.resource), bold);
            page.finish();
            pdf.stream(content_ref, &compress(&content.finish()))
                .filter(Filter::FlateDecode);
        }
        self.fonts.regular.write(&mut pdf, regular, &mut alloc)?;
        self.fonts.bold.write(&mut pdf, bold, &mut alloc)?;
        pdf.document_info(alloc.bump())
            .title(TextStr(title))
            .creator(TextStr("Dala"));
        Ok(pdf.finish())
    }
}

/// From the top of a line box to the baseline, for DejaVu's ascent of about 0.93 em.
fn baseline_offset(size: f32) -> f32 {
    size * (LINE + 0.93 - 0.24) / 2.0
}

fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Center,
    Right,
}

/// A row ready to draw: each cell's wrapped lines.
struct Row {
    cells: Vec<(Vec<String>, Align)>,
    weight: Weight,
    fill: Option<f32>,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells
            .iter()
            .map(|(lines, _)| lines.len())
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

/// The table's geometry, chosen once for all pages.
struct Table {
    widths: Vec<f32>,
    size: f32,
    header: Row,
}

impl Table {
    fn new(report: &Report, canvas: &Canvas) -> Self {
        let columns = column_count(report);
        let zero = canvas.width_of(Weight::Regular, 1.0, "0");
        // Each column wants `hint` zeros, or its longest header word if that is wider (up to a
        // limit), plus padding — in ems of the font size.
        let natural: Vec<f32> = (0..columns)
            .map(|c| {
                let title = report.columns.get(c).map_or("", |c| c.title.as_str());
                let word = title
                    .split_whitespace()
                    .map(|w| canvas.width_of(Weight::Bold, 1.0, w))
                    .fold(0.0, f32::max);
                (width_hint(report, c) * zero).max(word.min(MAX_WORD_EMS)) + 2.0 * PAD_X
            })
            .collect();
        let ems: f32 = natural.iter().sum();
        let available = canvas.content_width();
        let size = (available / ems).clamp(MIN_SIZE, BASE_SIZE);
        // Whatever the font size, the columns share out the page width.
        let widths: Vec<f32> = natural.iter().map(|w| w * available / ems).collect();

        let mut table = Self {
            widths,
            size,
            header: Row {
                cells: Vec::new(),
                weight: Weight::Bold,
                fill: Some(0.9),
            },
        };
        let titles: Vec<Cell> = (0..columns)
            .map(|c| {
                Cell::Text(
                    report
                        .columns
                        .get(c)
                        .map_or(String::new(), |c| c.title.clone()),
                )
            })
            .collect();
        let mut header = table.lay_out(canvas, &titles, Weight::Bold, Some(0.9));
        // A header may take at most a third of a page, so every page has room for rows.
        let max_lines = ((canvas.page_room() / 3.0 - table.height(0)) / table.line())
            .floor()
            .max(1.0) as usize;
        for (column, (lines, align)) in header.cells.iter_mut().enumerate() {
            *align = Align::Center;
            if lines.len() > max_lines {
                lines.truncate(max_lines);
                let last = lines.pop().unwrap_or_default();
                let width = table.text_width(column);
                lines.push(ellipsize(canvas, Weight::Bold, size, &last, width));
            }
        }
        table.header = header;
        table
    }

    fn line(&self) -> f32 {
        self.size * LINE
    }

    fn text_width(&self, column: usize) -> f32 {
        self.widths[column] - 2.0 * PAD_X * self.size
    }

    fn height(&self, lines: usize) -> f32 {
        lines as f32 * self.line() + 2.0 * PAD_Y * self.size
    }

    fn lay_out(&self, canvas: &Canvas, cells: &[Cell], weight: Weight, fill: Option<f32>) -> Row {
        let cells = (0..self.widths.len())
            .map(|column| {
                let (text, align) = match cells.get(column) {
                    Some(Cell::Text(text)) => (text.clone(), Align::Left),
                    Some(Cell::Number(value)) => (format_number(*value), Align::Right),
                    Some(Cell::Int(value)) => (value.to_string(), Align::Right),
                    Some(Cell::Empty) | None => (String::new(), Align::Left),
                };
                (
                    wrap(canvas, weight, self.size, &text, self.text_width(column)),
                    align,
                )
            })
            .collect();
        Row {
            cells,
            weight,
            fill,
        }
    }

    fn draw(&self, canvas: &mut Canvas, report: &Report) {
        // Start on a new page unless the header and a first line fit here.
        if canvas.room() < self.height(self.header.lines()) + self.height(1) {
            canvas.new_page();
        }
        self.draw_segment(canvas, &self.header, 0, self.header.lines());
        for cells in &report.rows {
            let row = self.lay_out(canvas, cells, Weight::Regular, None);
            self.draw_row(canvas, &row);
        }
        for cells in &report.footer_rows {
            let row = self.lay_out(canvas, cells, Weight::Bold, Some(0.95));
            self.draw_row(canvas, &row);
        }
    }

    /// Draws a row, moving it to the next page when it does not fit here but would there, and
    /// splitting it between pages when it is taller than a page.
    fn draw_row(&self, canvas: &mut Canvas, row: &Row) {
        let total = row.lines();
        let fresh = canvas.page_room() - self.height(self.header.lines());
        let mut start = 0;
        while start < total {
            let needed = self.height(total - start);
            if needed > canvas.room() && (needed <= fresh || canvas.room() < self.height(1)) {
                self.continue_on_new_page(canvas);
                continue;
            }
            let fit = ((canvas.room() - self.height(0)) / self.line() + 1e-3)
                .floor()
                .max(1.0) as usize;
            let count = fit.min(total - start);
            self.draw_segment(canvas, row, start, count);
            start += count;
            if start < total {
                self.continue_on_new_page(canvas);
            }
        }
    }

    fn continue_on_new_page(&self, canvas: &mut Canvas) {
        canvas.new_page();
        self.draw_segment(canvas, &self.header, 0, self.header.lines());
    }

    /// Draws lines `start..start + count` of a row as one band of cells with its grid.
    fn draw_segment(&self, canvas: &mut Canvas, row: &Row, start: usize, count: usize) {
        let (x0, top) = (canvas.left(), canvas.y);
        let height = self.height(count);
        let total: f32 = self.widths.iter().sum();
        let page = canvas.page();
        if let Some(gray) = row.fill {
            page.set_fill_gray(gray);
            page.rect(x0, top - height, total, height);
            page.fill_nonzero();
        }
        page.set_stroke_gray(0.35);
        page.set_line_width(0.5);
        let mut x = x0;
        for width in &self.widths {
            page.rect(x, top - height, *width, height);
            x += width;
        }
        page.stroke();

        let mut x = x0;
        for (column, (lines, align)) in row.cells.iter().enumerate() {
            let inner = self.text_width(column);
            let left = x + PAD_X * self.size;
            for (i, line) in lines.iter().skip(start).take(count).enumerate() {
                let offset = match align {
                    Align::Left => 0.0,
                    Align::Center => (inner - canvas.width_of(row.weight, self.size, line)) / 2.0,
                    Align::Right => inner - canvas.width_of(row.weight, self.size, line),
                };
                let baseline =
                    top - PAD_Y * self.size - i as f32 * self.line() - baseline_offset(self.size);
                canvas.text(
                    row.weight,
                    self.size,
                    0.0,
                    left + offset.max(0.0),
                    baseline,
                    line,
                );
            }
            x += self.widths[column];
        }
        canvas.y = top - height;
    }
}

/// Greedy word wrap to `width`; explicit line breaks are kept, and a word wider than the line is
/// broken between characters (at least one character per line, so narrow columns still progress).
/// Past `MAX_LINES` the text is cut with an ellipsis: no real cell is that long, and a runaway one
/// must not turn into thousands of pages.
fn wrap(canvas: &Canvas, weight: Weight, size: f32, text: &str, width: f32) -> Vec<String> {
    let font = canvas.fonts.get(weight);
    let space = font.char_width(' ', size);
    // A word measured to fill its column exactly must not break over rounding.
    let width = width + 0.01;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut push = |line: &mut String, line_width: &mut f32| {
        lines.push(std::mem::take(line));
        *line_width = 0.0;
        lines.len() <= MAX_LINES
    };
    'text: for paragraph in text.split('\n') {
        for word in paragraph.split([' ', '\t']).filter(|w| !w.is_empty()) {
            let word: String = word.chars().filter(|c| !c.is_control()).collect();
            let word_width = font.width(&word, size);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(&word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() && !push(&mut line, &mut line_width) {
                break 'text;
            }
            for c in word.chars() {
                let w = font.char_width(c, size);
                if !line.is_empty() && line_width + w > width && !push(&mut line, &mut line_width) {
                    break 'text;
                }
                line.push(c);
                line_width += w;
            }
        }
        if !push(&mut line, &mut line_width) {
            break;
        }
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        let last = lines.pop().unwrap_or_default();
        lines.push(ellipsize(canvas, weight, size, &format!("{last}…"), width));
    }
    lines
}

/// `text` cut to fit `width` with a trailing ellipsis, or unchanged when it fits.
fn ellipsize(canvas: &Canvas, weight: Weight, size: f32, text: &str, width: f32) -> String {
    let font = canvas.fonts.get(weight);
    if font.width(text, size) <= width {
        return text.to_owned();
    }
    let mut cut = String::new();
    let mut used = font.char_width('…', size);
    for c in text.chars() {
        used += font.char_width(c, size);
        if used > width {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    cut
}
