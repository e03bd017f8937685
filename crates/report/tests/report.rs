//! Both writers on real-looking reports and on hostile ones. The xlsx is read back with calamine;
//! the PDF is taken apart with a small reader below (objects, inflated streams, the ToUnicode maps)
//! so the text is checked the way a PDF viewer extracts it, without any external tool.
//!
//! Set DALA_REPORT_SAMPLES=<folder> to also write the sample files there for a look.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use dala_report::{Cell, Chart, Column, Report, ReportError, Series, pdf, xlsx};

const TITLE: &str = "Сабаққа қатысу есебі — 5А, 01.11.2026–30.11.2026";
const KAZAKH_LETTERS: &str = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ";

fn attendance(rows: usize) -> Report {
    let names = [
        "Әлихан Сәрсенбаев",
        "Ғалия Қуанышқызы",
        "Нұрлан Өтепов",
        "Үміт Һадиева",
        "Іңкәр Мұратқызы",
    ];
    Report {
        title: TITLE.to_owned(),
        subtitle: Some(
            "№ 12 мектеп-гимназиясы · басып шығарған: Иванова А. П., 01.12.2026 09:30".to_owned(),
        ),
        columns: vec![
            Column::new("№", 4.0),
            Column::new("Оқушының аты-жөні", 28.0),
            Column::new("Сабақтар", 9.0),
            Column::new("Қатысқан", 9.0),
            Column::new("Қатысу, %", 10.0),
        ],
        rows: (0..rows)
            .map(|i| {
                vec![
                    Cell::Int(i as i64 + 1),
                    Cell::Text(names[i % names.len()].to_owned()),
                    Cell::Int(20),
                    Cell::Int(18 - (i % 3) as i64),
                    Cell::Number(f64::from(18 - (i % 3) as u32) / 20.0 * 100.0),
                ]
            })
            .collect(),
        footer_rows: vec![vec![
            Cell::Empty,
            "Барлығы".into(),
            Cell::Int(20 * rows as i64),
            Cell::Empty,
            Cell::Number(85.5),
        ]],
        chart: Some(Chart {
            title: "Қатысу, %".to_owned(),
            labels: vec![
                "Қыркүйек".to_owned(),
                "Қазан".to_owned(),
                "Қараша".to_owned(),
            ],
            series: vec![
                Series {
                    name: "5А".to_owned(),
                    values: vec![91.5, 88.0, 93.25],
                },
                Series {
                    name: "5Ә".to_owned(),
                    values: vec![89.0, 90.5, 87.0],
                },
            ],
        }),
        landscape: false,
    }
}

/// A kindergarten group's month: the child, 31 days, and three totals — 35 columns, landscape.
fn month_sheet() -> Report {
    let mut columns = vec![Column::new("Баланың аты-жөні", 24.0)];
    columns.extend((1..=31).map(|d| Column::new(format!("{d:02}"), 2.5)));
    columns.extend(["Болды", "Ауырды", "Себепсіз"].map(|t| Column::new(t, 6.0)));
    let rows = (0..25)
        .map(|i| {
            let mut row = vec![Cell::Text(format!("Бала {i} Қасымұлы"))];
            row.extend((1..=31).map(|d| {
                if (d + i) % 7 == 0 {
                    "н".into()
                } else {
                    Cell::Empty
                }
            }));
            row.extend([Cell::Int(20), Cell::Int(1), Cell::Int(0)]);
            row
        })
        .collect();
    Report {
        title: "Табельдің айлық парағы — «Балапан» тобы, қараша 2026".to_owned(),
        columns,
        rows,
        landscape: true,
        ..Report::default()
    }
}

fn save_sample(name: &str, bytes: &[u8]) {
    if let Ok(folder) = std::env::var("DALA_REPORT_SAMPLES") {
        std::fs::write(std::path::Path::new(&folder).join(name), bytes)
            .expect("sample folder is writable");
    }
}

#[test]
fn xlsx_round_trips_kazakh_headers_and_numbers() {
    let report = attendance(3);
    let bytes = xlsx(&report).expect("xlsx");
    save_sample("attendance.xlsx", &bytes);
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens it");
    let sheet = book.sheet_names()[0].clone();
    // The title cut at a word to fit Excel's 31-character sheet names.
    assert_eq!(sheet, "Сабаққа қатысу есебі — 5А");
    let range = book.worksheet_range(&sheet).expect("the sheet");
    let at = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);

    assert_eq!(at(0, 0), Data::String(TITLE.to_owned()));
    // Title, subtitle, a blank row, then the header.
    assert_eq!(at(3, 1), Data::String("Оқушының аты-жөні".to_owned()));
    assert_eq!(at(3, 4), Data::String("Қатысу, %".to_owned()));
    assert_eq!(at(4, 0), Data::Float(1.0));
    assert_eq!(at(4, 1), Data::String("Әлихан Сәрсенбаев".to_owned()));
    assert_eq!(at(4, 4), Data::Float(90.0));
    assert_eq!(at(5, 1), Data::String("Ғалия Қуанышқызы".to_owned()));
    assert_eq!(at(7, 1), Data::String("Барлығы".to_owned()));
    assert_eq!(at(7, 2), Data::Float(60.0));
    assert_eq!(at(7, 4), Data::Float(85.5));
    // The chart's figures sit under the table, labels down the first column.
    assert_eq!(at(9, 0), Data::String("Қатысу, %".to_owned()));
    assert_eq!(at(10, 2), Data::String("5Ә".to_owned()));
    assert_eq!(at(11, 0), Data::String("Қыркүйек".to_owned()));
    assert_eq!(at(13, 1), Data::Float(93.25));
}

#[test]
fn xlsx_holds_a_native_chart_only_when_asked() {
    let with = xlsx(&attendance(3)).expect("xlsx");
    let without = xlsx(&Report {
        chart: None,
        ..attendance(3)
    })
    .expect("xlsx");
    // Zip entry names are stored in clear.
    let has_chart = |bytes: &[u8]| bytes.windows(20).any(|w| w == b"xl/charts/chart1.xml");
    assert!(has_chart(&with));
    assert!(!has_chart(&without));
}

#[test]
fn pdf_is_a_complete_file() {
    let bytes = pdf(&attendance(10)).expect("pdf");
    save_sample("attendance.pdf", &bytes);
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
}

#[test]
fn pdf_embeds_dejavu_as_subsets() {
    let bytes = pdf(&attendance(10)).expect("pdf");
    let doc = Doc::parse(&bytes);
    for name in ["/DALAAA+DejaVuSans", "/DALAAB+DejaVuSans-Bold"] {
        let with = |key: &str| {
            doc.objects
                .values()
                .find(|o| o.dict.contains(key) && o.dict.contains(name))
        };
        let font = with("/Subtype /Type0").expect(name);
        let descendant = with("/Subtype /CIDFontType2");
        let descriptor = with("/Type /FontDescriptor");
        assert!(font.dict.contains("/Identity-H") && descendant.is_some());
        let file = doc
            .reference(&descriptor.expect("descriptor").dict, "/FontFile2")
            .expect("FontFile2");
        let data = file.stream.as_deref().expect("font program");
        let face =
            ttf_parser::Face::parse(data, 0).expect("the embedded subset is a TrueType font");
        assert!(face.number_of_glyphs() > 10);
        // A subset, not the whole 700 KB face.
        assert!(data.len() < 100_000, "subset is {} bytes", data.len());
    }
}

#[test]
fn pdf_text_reads_back_through_to_unicode() {
    let mut report = attendance(10);
    report.rows[0][1] = Cell::Text(format!("Кириллица {KAZAKH_LETTERS}"));
    let doc = Doc::parse(&pdf(&report).expect("pdf"));
    let text = doc.page_texts().join("\n");
    assert!(text.contains(TITLE), "{text}");
    assert!(text.contains("Оқушының аты-жөні"));
    assert!(text.contains(KAZAKH_LETTERS));
    assert!(text.contains("93,25") || text.contains("85,5"));
    assert!(text.contains("1 / 1"));
}

#[test]
fn pdf_with_200_rows_runs_over_pages_repeating_the_header() {
    let bytes = pdf(&Report {
        chart: None,
        ..attendance(200)
    })
    .expect("pdf");
    save_sample("attendance-200.pdf", &bytes);
    let pages = Doc::parse(&bytes).page_texts();
    assert!(pages.len() > 1, "{} pages", pages.len());
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Оқушының аты-жөні"),
            "page {} lacks the header",
            i + 1
        );
        assert!(page.contains(&format!("{} / {count}", i + 1)));
    }
    assert!(pages[count - 1].contains("Барлығы"));
}

#[test]
fn month_sheet_fits_one_landscape_page() {
    let report = month_sheet();
    let bytes = pdf(&report).expect("pdf");
    save_sample("month.pdf", &bytes);
    let doc = Doc::parse(&bytes);
    let pages = doc.page_texts();
    assert_eq!(pages.len(), 1);
    assert!(
        doc.objects
            .values()
            .any(|o| o.dict.contains("/MediaBox [0 0 841.89 595.276]"))
    );
    // Every day header is there on its own, so no column was squeezed below two digits.
    for day in ["01", "15", "31"] {
        assert!(pages[0].lines().any(|l| l == day), "day {day}");
    }
    save_sample("month.xlsx", &xlsx(&report).expect("xlsx"));
}

#[test]
fn empty_report_still_writes_both_formats() {
    let report = Report::default();
    let bytes = pdf(&report).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(Doc::parse(&bytes).page_texts().len(), 1);
    let bytes = xlsx(&report).expect("xlsx");
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens it");
    assert_eq!(book.sheet_names(), ["Sheet1"]);

    let headers_only = Report {
        rows: Vec::new(),
        footer_rows: Vec::new(),
        chart: None,
        ..attendance(0)
    };
    assert!(pdf(&headers_only).is_ok() && xlsx(&headers_only).is_ok());
}

#[test]
fn hostile_input_is_written_without_panicking() {
    let long_word = "Ұ".repeat(40_000);
    let long_text = "сөз ".repeat(20_000);
    let mut report = Report {
        title: format!("{long_text}[:*?/\\]'"),
        subtitle: Some("\u{1F600} emoji, 中文, tab\there, line\r\nbreak, \u{0007}bell".to_owned()),
        columns: (0..120)
            .map(|i| {
                Column::new(
                    format!("Баған {i}"),
                    if i % 2 == 0 { f32::NAN } else { -3.0 },
                )
            })
            .collect(),
        rows: vec![
            vec![
                Cell::Text(long_word.clone()),
                Cell::Number(f64::NAN),
                Cell::Number(f64::INFINITY),
                Cell::Int(i64::MIN),
            ],
            vec![Cell::Text(long_text.clone()); 130],
            Vec::new(),
        ],
        footer_rows: vec![vec![Cell::Number(-0.0), Cell::Number(1e300)]],
        chart: Some(Chart {
            title: long_text.clone(),
            labels: (0..500).map(|i| format!("белгі {i}")).collect(),
            series: (0..40)
                .map(|s| Series {
                    name: format!("қатар {s}"),
                    values: vec![f64::MAX, -1e300, f64::NAN, 0.0, s as f64],
                })
                .collect(),
        }),
        landscape: true,
    };
    let bytes = pdf(&report).expect("pdf");
    save_sample("hostile.pdf", &bytes);
    assert!(Doc::parse(&bytes).page_texts().len() > 1);
    xlsx(&report).expect("xlsx");

    report.chart = Some(Chart::default());
    report.columns.clear();
    pdf(&report).expect("pdf of an empty chart");
    xlsx(&report).expect("xlsx of an empty chart");
}

#[test]
fn too_many_columns_for_excel_is_an_error_with_a_code() {
    let report = Report {
        rows: vec![vec![Cell::Empty; 20_000]],
        ..Report::default()
    };
    let error = xlsx(&report).expect_err("Excel holds 16 384 columns");
    assert!(matches!(error, ReportError::TooLarge(_)));
    assert_eq!(error.code(), "report.too_large");
    // The PDF has no such limit; it just gets very narrow columns.
    assert!(pdf(&report).is_ok());
}

/// Just enough of a PDF reader for the files this crate writes: uncompressed object headers,
/// FlateDecode streams with a direct /Length, one ToUnicode CMap per font.
struct Doc {
    objects: HashMap<u32, Object>,
}

struct Object {
    dict: String,
    stream: Option<Vec<u8>>,
}

impl Doc {
    fn parse(bytes: &[u8]) -> Self {
        let mut objects = HashMap::new();
        let mut at = 0;
        while let Some(found) = find(&bytes[at..], b" 0 obj") {
            let head = at + found;
            let digits = bytes[..head]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let id: u32 = std::str::from_utf8(&bytes[head - digits..head])
                .unwrap()
                .parse()
                .unwrap();
            let body = head + b" 0 obj".len();
            let end = find(&bytes[body..], b"endobj").map(|e| body + e).unwrap();
            let stream_start = find(&bytes[body..end], b"stream\n").map(|s| body + s);
            let Some(start) = stream_start else {
                objects.insert(
                    id,
                    Object {
                        dict: String::from_utf8_lossy(&bytes[body..end]).into_owned(),
                        stream: None,
                    },
                );
                at = end;
                continue;
            };
            let dict = String::from_utf8_lossy(&bytes[body..start]).into_owned();
            let length: usize = number_after(&dict, "/Length ").expect("a direct /Length");
            let raw = &bytes[start + 7..start + 7 + length];
            let stream = if dict.contains("/FlateDecode") {
                miniz_oxide::inflate::decompress_to_vec_zlib(raw).expect("a valid deflate stream")
            } else {
                raw.to_vec()
            };
            objects.insert(
                id,
                Object {
                    dict,
                    stream: Some(stream),
                },
            );
            at = start + 7 + length;
        }
        Self { objects }
    }

    fn reference(&self, dict: &str, key: &str) -> Option<&Object> {
        let id = number_after(dict, &format!("{key} "))?;
        self.objects.get(&(id as u32))
    }

    /// Each page's text, one shown string per line, in page order.
    fn page_texts(&self) -> Vec<String> {
        let tree = self
            .objects
            .values()
            .find(|o| o.dict.contains("/Type /Pages"))
            .expect("page tree");
        let kids = tree
            .dict
            .split("/Kids [")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap();
        let ids: Vec<u32> = kids
            .split(" 0 R")
            .filter_map(|k| k.trim().parse().ok())
            .collect();
        ids.iter()
            .map(|id| {
                let page = &self.objects[id];
                let fonts = page
                    .dict
                    .split("/Font <<")
                    .nth(1)
                    .unwrap()
                    .split(">>")
                    .next()
                    .unwrap();
                let maps: HashMap<String, HashMap<u16, String>> = fonts
                    .split(" 0 R")
                    .filter_map(|pair| {
                        let mut parts = pair.split_whitespace();
                        let (name, id) = (parts.next()?, parts.next()?.parse::<u32>().ok()?);
                        let font = &self.objects[&id];
                        let cmap = self.reference(&font.dict, "/ToUnicode").expect("ToUnicode");
                        Some((name.to_owned(), to_unicode(cmap.stream.as_deref().unwrap())))
                    })
                    .collect();
                let content = self.reference(&page.dict, "/Contents").expect("content");
                show_strings(content.stream.as_deref().unwrap(), &maps)
            })
            .collect()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn number_after(text: &str, key: &str) -> Option<usize> {
    let rest = &text[text.find(key)? + key.len()..];
    rest.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// The `<cid> <utf-16>` pairs of a ToUnicode CMap.
fn to_unicode(cmap: &[u8]) -> HashMap<u16, String> {
    let text = String::from_utf8_lossy(cmap);
    let mut map = HashMap::new();
    for block in text.split("beginbfchar").skip(1) {
        let block = block.split("endbfchar").next().unwrap();
        for line in block.lines().filter(|l| l.starts_with('<')) {
            let hex: Vec<&str> = line
                .split(['<', '>', ' '])
                .filter(|p| !p.is_empty())
                .collect();
            let cid = u16::from_str_radix(hex[0], 16).unwrap();
            let units: Vec<u16> = (0..hex[1].len() / 4)
                .map(|i| u16::from_str_radix(&hex[1][i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            map.insert(cid, String::from_utf16(&units).unwrap());
        }
    }
    map
}

/// The strings shown with `Tj`, decoded through the current font's ToUnicode map.
fn show_strings(content: &[u8], maps: &HashMap<String, HashMap<u16, String>>) -> String {
    let mut out = Vec::new();
    let mut font = String::new();
    let mut i = 0;
    let mut last_name = String::new();
    while i < content.len() {
        match content[i] {
            b'/' => {
                let end = content[i..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace())
                    .map_or(content.len(), |e| i + e);
                last_name = String::from_utf8_lossy(&content[i..end]).into_owned();
                i = end;
            }
            b'T' if content[i..].starts_with(b"Tf") => {
                font = last_name.clone();
                i += 2;
            }
            b'<' => {
                let end = i + content[i..].iter().position(|b| *b == b'>').unwrap();
                let hex = std::str::from_utf8(&content[i + 1..end]).unwrap();
                let bytes: Vec<u8> = (0..hex.len() / 2)
                    .map(|k| u8::from_str_radix(&hex[k * 2..k * 2 + 2], 16).unwrap())
                    .collect();
                out.push(decode(&bytes, &maps[&font]));
                i = end + 1;
            }
            b'(' => {
                let (bytes, end) = literal(content, i);
                out.push(decode(&bytes, &maps[&font]));
                i = end;
            }
            _ => i += 1,
        }
    }
    out.join("\n")
}

fn decode(cids: &[u8], map: &HashMap<u16, String>) -> String {
    cids.chunks(2)
        .map(|pair| {
            map.get(&u16::from_be_bytes([pair[0], pair[1]]))
                .map_or("\u{FFFD}", String::as_str)
        })
        .collect()
}

/// A literal string starting at `start` (the opening parenthesis), unescaped, and where it ends.
fn literal(content: &[u8], start: usize) -> (Vec<u8>, usize) {
    let (mut out, mut depth, mut i) = (Vec::new(), 0, start);
    loop {
        let b = content[i];
        match b {
            b'\\' => {
                let next = content[i + 1];
                i += 2;
                match next {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let digits = content[i - 1..]
                            .iter()
                            .take(3)
                            .take_while(|d| (b'0'..=b'7').contains(d))
                            .count();
                        let value = std::str::from_utf8(&content[i - 1..i - 1 + digits]).unwrap();
                        out.push(u8::from_str_radix(value, 8).unwrap());
                        i += digits - 1;
                    }
                    other => out.push(other),
                }
                continue;
            }
            b'(' => {
                depth += 1;
                if depth > 1 {
                    out.push(b);
                }
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return (out, i + 1);
                }
                out.push(b);
            }
            _ => out.push(b),
        }
        i += 1;
    }
}
