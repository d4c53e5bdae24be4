//! The chart: an SVG drawn with `plotters` (SVG backend only: no system libraries, no fonts
//! needed to write it; the viewer renders the text).
//!
//! Top panel: time per operation (log scale), key generation, sign and verify, ECC beside RSA for
//! each security level. Bottom panel: bytes (log scale) of public key, private key and signature.

use crate::report::{Algorithm, Figure, LEVELS, Level, Row, fmt_duration};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;
use std::path::Path;

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 1180;
const FONT: &str = "sans-serif";

/// One hue per operation (or per kind of size); ECC dark, RSA light.
const HUES: [(RGBColor, RGBColor); 3] = [
    (RGBColor(31, 94, 168), RGBColor(146, 190, 236)),
    (RGBColor(200, 82, 0), RGBColor(255, 186, 120)),
    (RGBColor(46, 125, 50), RGBColor(152, 214, 145)),
];

/// Bars per level: three pairs, ECC then RSA.
const SLOTS: usize = 6;
/// Width of one bar, in levels (a level is one unit on the x axis).
const BAR: f64 = 0.12;
/// Gap between pairs.
const PAIR_GAP: f64 = 0.04;

/// The curve drawn for a level: the first of the level's curves (P-256 at 128 bits).
fn ecc_row<'a>(level: &Level, rows: &'a [Row]) -> Option<&'a Row> {
    level
        .ecc_curves()
        .first()
        .and_then(|c| rows.iter().find(|r| r.algorithm == Algorithm::Ecc(*c)))
}

fn rsa_row<'a>(level: &Level, rows: &'a [Row]) -> Option<&'a Row> {
    rows.iter().find(|r| r.algorithm == level.rsa())
}

/// Left edge of bar `slot` (0..6) in level `i`.
fn bar_left(i: usize, slot: usize) -> f64 {
    let width = SLOTS as f64 * BAR + 2.0 * PAIR_GAP;
    let start = i as f64 + (1.0 - width) / 2.0;
    start + slot as f64 * BAR + (slot / 2) as f64 * PAIR_GAP
}

/// A value for one bar, or the reason it is missing.
enum Bar {
    Value(f64),
    Missing(&'static str),
}

fn time_bar(row: Option<&Row>, op: usize) -> Bar {
    let Some(row) = row else {
        return Bar::Missing("no curve");
    };
    let figure = [row.keygen, row.sign, row.verify][op];
    match figure {
        Figure::Timed(t) => Bar::Value(t.micros()),
        Figure::NotTimed => Bar::Missing("not timed"),
        Figure::NotApplicable => Bar::Missing("n/a"),
    }
}

fn size_bar(row: Option<&Row>, kind: usize) -> Bar {
    match row {
        Some(r) => {
            Bar::Value([r.sizes.public_key, r.sizes.private_key, r.sizes.signature][kind] as f64)
        }
        None => Bar::Missing("no curve"),
    }
}

/// An axis tick: a duration with its unit and no trailing zeros (`"10 µs"`, `"1 s"`).
fn axis_duration(ns: f64) -> String {
    let text = fmt_duration(ns);
    let (number, unit) = text.split_once(' ').unwrap_or((&text, ""));
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    };
    format!("{number} {unit}")
}

/// The range of a log axis that holds every value with some room: whole decades.
fn log_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return (1.0, 10.0);
    }
    let lo = 10f64.powf(lo.log10().floor());
    let hi = 10f64.powf((hi * 3.0).log10().ceil());
    (lo, hi)
}

/// Draws the chart to `path`.
pub fn draw(path: &Path, rows: &[Row], subtitle: &str) -> Result<(), Box<dyn Error>> {
    let root = SVGBackend::new(path, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let (head, body) = root.split_vertically(74);
    head.draw(&Text::new(
        "ECC vs RSA at equal security (NIST SP 800-57)",
        (WIDTH as i32 / 2, 16),
        (FONT, 32)
            .into_font()
            .style(FontStyle::Bold)
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    head.draw(&Text::new(
        subtitle.to_string(),
        (WIDTH as i32 / 2, 50),
        (FONT, 19)
            .into_font()
            .color(&RGBColor(90, 90, 90))
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let (top, bottom) = body.split_vertically(580);

    let ops = ["key generation", "sign", "verify"];
    panel(
        &top,
        rows,
        "Time per operation (median; log scale; lower is better)",
        "time per operation",
        &ops,
        time_bar,
        |v| axis_duration(v * 1e3),
        false,
    )?;
    let kinds = ["public key", "private key", "signature"];
    panel(
        &bottom,
        rows,
        "Sizes in bytes (log scale; definitions in the README)",
        "bytes",
        &kinds,
        size_bar,
        |v| format!("{v:.0}"),
        true,
    )?;
    root.present()?;
    Ok(())
}

/// One panel of grouped log-scale bars: five levels, three pairs (ECC, RSA) per level.
#[allow(clippy::too_many_arguments)]
fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    rows: &[Row],
    caption: &str,
    y_desc: &str,
    series: &[&str; 3],
    bar: fn(Option<&Row>, usize) -> Bar,
    y_fmt: fn(f64) -> String,
    value_labels: bool,
) -> Result<(), Box<dyn Error>> {
    let values = LEVELS.iter().flat_map(|level| {
        let (e, r) = (ecc_row(level, rows), rsa_row(level, rows));
        (0..3).flat_map(move |k| {
            [bar(e, k), bar(r, k)].into_iter().filter_map(|b| match b {
                Bar::Value(v) => Some(v),
                Bar::Missing(_) => None,
            })
        })
    });
    let (y_lo, y_hi) = log_range(values);

    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FONT, 23).into_font().style(FontStyle::Bold))
        .margin_left(16)
        .margin_right(24)
        .margin_top(8)
        .x_label_area_size(64)
        .y_label_area_size(86)
        .build_cartesian_2d(0f64..LEVELS.len() as f64, (y_lo..y_hi).log_scale())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_desc(y_desc)
        .y_label_formatter(&|v| y_fmt(*v))
        .y_label_style((FONT, 17))
        .axis_desc_style((FONT, 18))
        .light_line_style(RGBColor(235, 235, 235))
        .bold_line_style(RGBColor(200, 200, 200))
        .draw()?;

    // Bars, one series per (operation, family) so that each gets a legend entry.
    for (k, name) in series.iter().enumerate() {
        for (family, ecc) in [("ECC", true), ("RSA", false)] {
            let color = if ecc { HUES[k].0 } else { HUES[k].1 };
            let slot = 2 * k + usize::from(!ecc);
            let bars: Vec<_> = LEVELS
                .iter()
                .enumerate()
                .filter_map(|(i, level)| {
                    let row = if ecc {
                        ecc_row(level, rows)
                    } else {
                        rsa_row(level, rows)
                    };
                    match bar(row, k) {
                        Bar::Value(v) => {
                            let x = bar_left(i, slot);
                            Some(Rectangle::new([(x, y_lo), (x + BAR, v)], color.filled()))
                        }
                        Bar::Missing(_) => None,
                    }
                })
                .collect();
            chart
                .draw_series(bars)?
                .label(format!("{family} {name}"))
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 7), (x + 16, y + 7)], color.filled())
                });
        }
    }

    // Notes on missing bars and values over the others, in pixels of `area` (the chart gives
    // pixels of the whole image).
    let (base_x, base_y) = area.get_base_pixel();
    let pixel = |x: f64, y: f64| {
        let (px, py) = chart.backend_coord(&(x, y));
        (px - base_x, py - base_y)
    };
    let small = (FONT, 15).into_font().color(&RGBColor(60, 60, 60));
    for (i, level) in LEVELS.iter().enumerate() {
        let (e, r) = (ecc_row(level, rows), rsa_row(level, rows));
        for k in 0..3 {
            for (slot, row) in [(2 * k, e), (2 * k + 1, r)] {
                let x = bar_left(i, slot) + BAR / 2.0;
                match bar(row, k) {
                    Bar::Missing(why) => {
                        let (px, py) = pixel(x, y_lo);
                        area.draw(&Text::new(
                            why,
                            (px, py - 6),
                            small
                                .clone()
                                .transform(FontTransform::Rotate270)
                                .pos(Pos::new(HPos::Left, VPos::Center)),
                        ))?;
                    }
                    Bar::Value(v) if value_labels => {
                        let (px, py) = pixel(x, v);
                        area.draw(&Text::new(
                            format!("{v:.0}"),
                            (px, py - 3),
                            (FONT, 13)
                                .into_font()
                                .color(&BLACK)
                                .pos(Pos::new(HPos::Center, VPos::Bottom)),
                        ))?;
                    }
                    Bar::Value(_) => {}
                }
            }
        }
        // The level's name and the pair drawn, under its group.
        let (px, py) = pixel(i as f64 + 0.5, y_lo);
        let ecc_name = e.map_or("no ECC curve".to_string(), |r| r.algorithm.name());
        let rsa_name = r.map_or("RSA".to_string(), |r| r.algorithm.name());
        let centered = Pos::new(HPos::Center, VPos::Top);
        area.draw(&Text::new(
            format!("{}-bit security", level.bits),
            (px, py + 10),
            (FONT, 19)
                .into_font()
                .style(FontStyle::Bold)
                .color(&BLACK)
                .pos(centered),
        ))?;
        area.draw(&Text::new(
            format!("{ecc_name} vs {rsa_name}"),
            (px, py + 33),
            (FONT, 18).into_font().color(&BLACK).pos(centered),
        ))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(180, 180, 180))
        .label_font((FONT, 16))
        .draw()?;
    Ok(())
}
