//! The bar chart under the table: a title, a legend of the series, a value axis with round steps
//! and one group of bars per label. It takes a fixed band of the page and moves to a new page
//! rather than split; labels that would collide are thinned out, never overlapped.

use super::font::Weight;
use super::{Canvas, baseline_offset, ellipsize, wrap};
use crate::{Chart, format_number};

const HEIGHT: f32 = 230.0;
const GAP: f32 = 12.0;
const TITLE_SIZE: f32 = 10.0;
const SMALL: f32 = 7.0;
/// Excel's default series colours, so the PDF chart looks like the xlsx one.
const PALETTE: [(f32, f32, f32); 6] = [
    (0.27, 0.45, 0.77),
    (0.93, 0.49, 0.19),
    (0.65, 0.65, 0.65),
    (1.0, 0.75, 0.0),
    (0.36, 0.61, 0.84),
    (0.44, 0.68, 0.28),
];
/// Values are clamped to this, so that the axis arithmetic stays finite.
const LIMIT: f64 = 1e15;

pub(super) fn draw(canvas: &mut Canvas, chart: &Chart) {
    canvas.y -= GAP;
    let height = HEIGHT.min(canvas.page_room());
    if canvas.room() < height {
        canvas.new_page();
    }
    let (left, width, top) = (canvas.left(), canvas.content_width(), canvas.y);
    let bottom = top - height;
    let mut y = top;

    if !chart.title.trim().is_empty() {
        let mut lines = wrap(canvas, Weight::Bold, TITLE_SIZE, &chart.title, width);
        if lines.len() > 2 {
            lines.truncate(2);
            let last = lines.pop().unwrap_or_default();
            lines.push(ellipsize(
                canvas,
                Weight::Bold,
                TITLE_SIZE,
                &format!("{last}…"),
                width,
            ));
        }
        for line in lines {
            canvas.text(
                Weight::Bold,
                TITLE_SIZE,
                0.0,
                left,
                y - baseline_offset(TITLE_SIZE),
                &line,
            );
            y -= TITLE_SIZE * super::LINE;
        }
        y -= 4.0;
    }
    y = legend(canvas, chart, left, width, y) - 6.0;

    let labels = chart.labels.len();
    let values = |s: usize| {
        chart.series[s]
            .values
            .iter()
            .take(labels)
            .map(|v| v.is_finite().then(|| v.clamp(-LIMIT, LIMIT)))
    };
    let (lo, hi, step) = axis((0..chart.series.len()).flat_map(values).flatten());
    let ticks: Vec<(f64, String)> = (0..=20)
        .map(|k| lo + k as f64 * step)
        .take_while(|v| *v <= hi + step * 1e-6)
        .map(|v| (v, format_number(v)))
        .collect();
    let axis_width = ticks
        .iter()
        .map(|(_, t)| canvas.width_of(Weight::Regular, SMALL, t))
        .fold(0.0, f32::max)
        + 4.0;

    let (plot_left, plot_right) = (left + axis_width, left + width);
    let (plot_bottom, plot_top) = (bottom + 12.0, y.max(bottom + 24.0));
    let plot_height = plot_top - plot_bottom;
    let to_y = |v: f64| plot_bottom + ((v - lo) / (hi - lo)) as f32 * plot_height;

    for (v, text) in &ticks {
        let ty = to_y(*v);
        let page = canvas.page();
        page.set_stroke_gray(0.85).set_line_width(0.4);
        page.move_to(plot_left, ty).line_to(plot_right, ty).stroke();
        let tx = plot_left - 3.0 - canvas.width_of(Weight::Regular, SMALL, text);
        canvas.text(Weight::Regular, SMALL, 0.3, tx, ty - SMALL * 0.35, text);
    }

    if labels > 0 && !chart.series.is_empty() {
        let group = (plot_right - plot_left) / labels as f32;
        let bar = group * 0.8 / chart.series.len() as f32;
        let zero = to_y(0.0);
        for s in 0..chart.series.len() {
            let (r, g, b) = PALETTE[s % PALETTE.len()];
            let page = canvas.page();
            page.set_fill_rgb(r, g, b);
            for (i, value) in values(s).enumerate() {
                let Some(value) = value else { continue };
                let end = to_y(value);
                let x = plot_left + i as f32 * group + group * 0.1 + s as f32 * bar;
                page.rect(x, zero.min(end), bar, (end - zero).abs());
            }
            page.fill_nonzero();
        }

        // A label needs about 18 pt; when groups are narrower, label every few groups.
        let every = (18.0 / group).ceil().max(1.0) as usize;
        for (i, label) in chart.labels.iter().enumerate().step_by(every) {
            let text = ellipsize(
                canvas,
                Weight::Regular,
                SMALL,
                label,
                every as f32 * group - 2.0,
            );
            let centre = plot_left + (i as f32 + 0.5) * group;
            let x = (centre - canvas.width_of(Weight::Regular, SMALL, &text) / 2.0).max(left);
            canvas.text(Weight::Regular, SMALL, 0.2, x, plot_bottom - 8.0, &text);
        }
    }

    let zero = to_y(0.0);
    let page = canvas.page();
    page.set_stroke_gray(0.3).set_line_width(0.6);
    page.move_to(plot_left, plot_bottom)
        .line_to(plot_left, plot_top)
        .stroke();
    page.move_to(plot_left, zero)
        .line_to(plot_right, zero)
        .stroke();
    canvas.y = bottom;
}

/// Draws the legend in rows from `top` and returns where it ends; at most three rows.
fn legend(canvas: &mut Canvas, chart: &Chart, left: f32, width: f32, top: f32) -> f32 {
    const ROW: f32 = 11.0;
    const SWATCH: f32 = 7.0;
    let (mut x, mut y, mut rows) = (left, top, 1);
    for (s, series) in chart.series.iter().enumerate() {
        let name = ellipsize(
            canvas,
            Weight::Regular,
            SMALL,
            &series.name,
            (width - SWATCH - 3.0).min(160.0),
        );
        let item = SWATCH + 3.0 + canvas.width_of(Weight::Regular, SMALL, &name);
        if x > left && x + item > left + width {
            if rows == 3 {
                break;
            }
            (x, y, rows) = (left, y - ROW, rows + 1);
        }
        let (r, g, b) = PALETTE[s % PALETTE.len()];
        let page = canvas.page();
        page.set_fill_rgb(r, g, b);
        page.rect(x, y - SWATCH - 1.5, SWATCH, SWATCH)
            .fill_nonzero();
        canvas.text(
            Weight::Regular,
            SMALL,
            0.0,
            x + SWATCH + 3.0,
            y - SWATCH - 0.5,
            &name,
        );
        x += item + 12.0;
    }
    if chart.series.is_empty() {
        top
    } else {
        y - ROW
    }
}

/// The value axis: from the smallest to the largest value (and always zero), in round steps.
fn axis(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        hi = lo + 1.0;
    }
    let raw = (hi - lo) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = match raw / magnitude {
        f if f <= 1.0 => 1.0,
        f if f <= 2.0 => 2.0,
        f if f <= 5.0 => 5.0,
        _ => 10.0,
    } * magnitude;
    lo = (lo / step).floor() * step;
    hi = (hi / step).ceil() * step;
    (lo, hi, step)
}
