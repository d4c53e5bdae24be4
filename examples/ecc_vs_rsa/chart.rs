//! The chart: an SVG drawn with `plotters` (SVG backend only: no system libraries, no fonts
//! needed to write it; the viewer renders the text).
//!
//! Three panels, each with the five security levels side by side on a log scale:
//! 1. time per operation: key generation, sign and verify, a bar per row drawn (the level's first
//!    ecckit curve, AWS-LC's on that curve if measured, then RSA from the `rsa` crate and from
//!    AWS-LC);
//! 2. bytes of public key, private key and signature, ECC beside RSA;
//! 3. the cost to break each size in core-years (see `report::cost`), with the RSA-250 record
//!    as a line.
//!
//! The subtitle is the run's provenance: commit, date, CPU, cores, Rust version, mode.

use crate::report::cost::{Cost, RSA250_CORE_YEARS, RSA250_YEAR, Target};
use crate::report::{
    Algorithm, Figure, LEVELS, Level, Library, Report, Row, costs, fmt_count, fmt_duration,
    level_rows, title,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;
use std::path::Path;

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 1700;
const FONT: &str = "sans-serif";

/// ECC dark and RSA light, one hue per library or per kind of size.
const BLUE: (RGBColor, RGBColor) = (RGBColor(31, 94, 168), RGBColor(146, 190, 236));
const ORANGE: (RGBColor, RGBColor) = (RGBColor(200, 82, 0), RGBColor(255, 186, 120));
const GREEN: (RGBColor, RGBColor) = (RGBColor(46, 125, 50), RGBColor(152, 214, 145));
const GREY: RGBColor = RGBColor(90, 90, 90);

/// The rows a level is drawn with in the time panel: the first ecckit curve, AWS-LC on the same
/// curve, then every RSA row, each with its legend label and colour.
fn time_rows<'a>(level: &Level, rows: &'a [Row]) -> Vec<(&'a Row, String, RGBColor)> {
    let at = level_rows(level, rows);
    let curve = level.ecc_curves().first().copied();
    let mut out = Vec::new();
    for row in at {
        let color = match (row.algorithm, row.library) {
            (Algorithm::Ecc(c), Library::Ecckit) if Some(c) == curve => BLUE.0,
            (Algorithm::Ecc(c), _) if Some(c) == curve => BLUE.1,
            (Algorithm::Rsa(_), Library::AwsLc) => ORANGE.1,
            (Algorithm::Rsa(_), _) => ORANGE.0,
            _ => continue,
        };
        out.push((
            row,
            format!("{}, {}", row.algorithm.family(), row.library.name()),
            color,
        ));
    }
    out
}

/// One timed figure of a row.
type RowFigure = fn(&Row) -> Figure;
/// One size of a row.
type RowSize = fn(&Row) -> usize;

/// One bar: a value, or the reason it is missing (written up from the axis).
#[derive(Clone, Debug)]
enum Bar {
    Value(f64),
    Missing(&'static str),
}

impl Bar {
    fn of_figure(figure: Figure) -> Bar {
        match figure {
            Figure::Timed(t) => Bar::Value(t.micros()),
            Figure::NotTimed => Bar::Missing("not timed"),
            Figure::NotApplicable => Bar::Missing("n/a"),
        }
    }

    fn value(&self) -> Option<f64> {
        match self {
            Bar::Value(v) => Some(*v),
            Bar::Missing(_) => None,
        }
    }
}

/// A bar with its colour and legend label.
struct Drawn {
    bar: Bar,
    color: RGBColor,
    legend: String,
}

/// A group of bars side by side, with an optional label under it.
struct Group {
    label: Option<&'static str>,
    bars: Vec<Drawn>,
}

/// What one level shows in a panel: its groups and the line under the level's name.
struct LevelBars {
    groups: Vec<Group>,
    pair: String,
}

/// How a panel looks.
struct PanelStyle<'a> {
    caption: &'a str,
    y_desc: &'a str,
    y_fmt: &'a dyn Fn(f64) -> String,
    value_fmt: Option<&'a dyn Fn(f64) -> String>,
    reference: Option<(f64, String)>,
    y_labels: usize,
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

/// `10` with a superscript exponent, for an axis tick on a power of ten: `"10²⁵"`.
fn power_of_ten(v: f64) -> String {
    let exponent = v.log10().round() as i32;
    let digits: String = exponent
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            d => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize - '0' as usize],
        })
        .collect();
    format!("10{digits}")
}

/// The range of a log axis that holds every value with some room: whole decades.
fn log_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return (1.0, 10.0);
    }
    let (mut lo, mut hi) = (lo.log10().floor(), (hi * 3.0).log10().ceil());
    if hi - lo > 20.0 {
        // Ticks every ten decades.
        lo = (lo / 10.0).floor() * 10.0;
        hi = (hi / 10.0).ceil() * 10.0;
    }
    (10f64.powf(lo), 10f64.powf(hi))
}

/// Draws the chart of `report` to `path`.
pub fn draw(path: &Path, report: &Report) -> Result<(), Box<dyn Error>> {
    let rows = &report.rows;
    let root = SVGBackend::new(path, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let (head, body) = root.split_vertically(100);
    let centered = |size: u32| {
        (FONT, size)
            .into_font()
            .color(&GREY)
            .pos(Pos::new(HPos::Center, VPos::Top))
    };
    head.draw(&Text::new(
        "ECC vs RSA at equal security (NIST SP 800-57)",
        (WIDTH as i32 / 2, 12),
        (FONT, 32)
            .into_font()
            .style(FontStyle::Bold)
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let libraries = title(&report.provenance);
    let libraries = libraries.split_once(": ").map_or("", |(_, l)| l);
    // Each level draws its first curve; name the others, which only the tables show.
    let undrawn: Vec<String> = LEVELS
        .iter()
        .filter_map(|level| {
            let curves = level.ecc_curves();
            (curves.len() > 1).then(|| {
                let others: Vec<&str> = curves[1..].iter().map(|c| c.name()).collect();
                format!(
                    "at {} bits {} is drawn ({} in the table)",
                    level.bits,
                    curves[0].name(),
                    others.join(" and ")
                )
            })
        })
        .collect();
    head.draw(&Text::new(
        format!("{libraries}; {}", undrawn.join("; ")),
        (WIDTH as i32 / 2, 50),
        centered(17),
    ))?;
    head.draw(&Text::new(
        report.provenance.line(),
        (WIDTH as i32 / 2, 74),
        centered(15),
    ))?;
    let (top, rest) = body.split_vertically(580);
    let (middle, bottom) = rest.split_vertically(510);

    // Time per operation.
    let time_levels: Vec<LevelBars> = LEVELS
        .iter()
        .map(|level| {
            let drawn = time_rows(level, rows);
            let ops: [(&'static str, RowFigure); 3] = [
                ("keygen", |r| r.keygen),
                ("sign", |r| r.sign),
                ("verify", |r| r.verify),
            ];
            let groups = ops
                .iter()
                .map(|(label, figure)| Group {
                    label: Some(label),
                    bars: drawn
                        .iter()
                        .map(|(row, legend, color)| Drawn {
                            bar: Bar::of_figure(figure(row)),
                            color: *color,
                            legend: legend.clone(),
                        })
                        .collect(),
                })
                .collect();
            LevelBars {
                groups,
                pair: pair_name(level, rows),
            }
        })
        .collect();
    panel(
        &top,
        &time_levels,
        &PanelStyle {
            caption: "Time per operation (median; log scale; lower is better)",
            y_desc: "time per operation",
            y_fmt: &|v| axis_duration(v * 1e3),
            value_fmt: None,
            reference: None,
            y_labels: 12,
        },
    )?;

    // Sizes: the first row of the drawn curve and of RSA (sizes do not depend on the library).
    let size_levels: Vec<LevelBars> = LEVELS
        .iter()
        .map(|level| {
            let at = level_rows(level, rows);
            let curve = level.ecc_curves().first().copied();
            let ecc = at
                .iter()
                .find(|r| curve.is_some_and(|c| r.algorithm == Algorithm::Ecc(c)));
            let rsa = at.iter().find(|r| matches!(r.algorithm, Algorithm::Rsa(_)));
            let kinds: [(&'static str, (RGBColor, RGBColor), RowSize); 3] = [
                ("public key", BLUE, |r| r.sizes.public_key),
                ("private key", ORANGE, |r| r.sizes.private_key),
                ("signature", GREEN, |r| r.sizes.signature),
            ];
            let groups = kinds
                .iter()
                .map(|(kind, hue, size)| {
                    let bar = |row: Option<&&Row>| match row {
                        Some(r) => Bar::Value(size(r) as f64),
                        None => Bar::Missing("no curve"),
                    };
                    Group {
                        label: None,
                        bars: vec![
                            Drawn {
                                bar: bar(ecc),
                                color: hue.0,
                                legend: format!("ECC {kind}"),
                            },
                            Drawn {
                                bar: bar(rsa),
                                color: hue.1,
                                legend: format!("RSA {kind}"),
                            },
                        ],
                    }
                })
                .collect();
            LevelBars {
                groups,
                pair: pair_name(level, rows),
            }
        })
        .collect();
    panel(
        &middle,
        &size_levels,
        &PanelStyle {
            caption: "Sizes in bytes (log scale; definitions in the README)",
            y_desc: "bytes",
            y_fmt: &|v| format!("{v:.0}"),
            value_fmt: Some(&|v| format!("{v:.0}")),
            reference: None,
            y_labels: 12,
        },
    )?;

    // Cost to break: the drawn curve (or the level's smallest curve size) and RSA.
    let all_costs = costs(rows);
    let cost_levels: Vec<LevelBars> = LEVELS
        .iter()
        .map(|level| {
            let at_level: Vec<_> = all_costs
                .iter()
                .filter(|c| c.security_bits == level.bits)
                .collect();
            let ecc = at_level
                .iter()
                .find(|c| matches!(c.target, Target::Curve { .. }));
            let rsa = at_level
                .iter()
                .find(|c| matches!(c.target, Target::Rsa { .. }));
            let bar = |c: Option<&&Cost>| match c.and_then(|c| c.core_years_log2()) {
                Some(y) => Bar::Value(y.exp2()),
                None => Bar::Missing("no curve"),
            };
            LevelBars {
                groups: vec![Group {
                    label: None,
                    bars: vec![
                        Drawn {
                            bar: bar(ecc),
                            color: BLUE.0,
                            legend: "ECC: Pollard rho".into(),
                        },
                        Drawn {
                            bar: bar(rsa),
                            color: ORANGE.0,
                            legend: "RSA: number field sieve".into(),
                        },
                    ],
                }],
                pair: format!(
                    "{} vs {}",
                    ecc.map_or("ECC".into(), |c| c.name()),
                    rsa.map_or("RSA".into(), |c| c.name())
                ),
            }
        })
        .collect();
    panel(
        &bottom,
        &cost_levels,
        &PanelStyle {
            caption: "Cost to break, in core-years (best known attack, anchored to the records; log scale)",
            y_desc: "core-years",
            y_fmt: &power_of_ten,
            value_fmt: Some(&|v| fmt_count(v.log2())),
            reference: Some((
                RSA250_CORE_YEARS,
                format!("record: RSA-250, factored in {RSA250_YEAR} in about 2,700 core-years"),
            )),
            y_labels: 8,
        },
    )?;
    root.present()?;
    Ok(())
}

/// `"P-256 vs RSA-3072"`: the pair drawn at a level.
fn pair_name(level: &Level, rows: &[Row]) -> String {
    let ecc = level
        .ecc_curves()
        .first()
        .filter(|c| rows.iter().any(|r| r.algorithm == Algorithm::Ecc(**c)))
        .map_or("no ECC curve".to_string(), |c| c.name().to_string());
    format!("{ecc} vs {}", level.rsa().name())
}

/// One panel of grouped log-scale bars: five levels, each with its groups of bars.
fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    levels: &[LevelBars],
    style: &PanelStyle<'_>,
) -> Result<(), Box<dyn Error>> {
    let values = levels
        .iter()
        .flat_map(|l| l.groups.iter())
        .flat_map(|g| g.bars.iter())
        .filter_map(|d| d.bar.value())
        .chain(style.reference.as_ref().map(|r| r.0));
    let (y_lo, y_hi) = log_range(values);
    let mut chart = ChartBuilder::on(area)
        .caption(style.caption, (FONT, 23).into_font().style(FontStyle::Bold))
        .margin_left(16)
        .margin_right(24)
        .margin_top(8)
        .x_label_area_size(84)
        .y_label_area_size(86)
        .build_cartesian_2d(0f64..levels.len() as f64, (y_lo..y_hi).log_scale())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_desc(style.y_desc)
        .y_labels(style.y_labels)
        .y_label_formatter(&|v| (style.y_fmt)(*v))
        .y_label_style((FONT, 17))
        .axis_desc_style((FONT, 18))
        .light_line_style(RGBColor(235, 235, 235))
        .bold_line_style(RGBColor(200, 200, 200))
        .draw()?;

    // Bar geometry: level i spans [i, i + 1]; its groups share 90 % of it.
    const GAP: f64 = 0.03;
    let geometry = |i: usize, level: &LevelBars, g: usize, b: usize| {
        let group_width = 0.9 / level.groups.len() as f64;
        let bars = level.groups[g].bars.len().max(1) as f64;
        let bar_width = (group_width - GAP) / bars;
        let left = i as f64 + 0.05 + g as f64 * group_width + GAP / 2.0 + b as f64 * bar_width;
        (left, bar_width)
    };

    // One series per legend label, in order of first appearance.
    let mut legends: Vec<(String, RGBColor)> = Vec::new();
    for d in levels
        .iter()
        .flat_map(|l| l.groups.iter())
        .flat_map(|g| g.bars.iter())
    {
        if !legends.iter().any(|(l, _)| *l == d.legend) {
            legends.push((d.legend.clone(), d.color));
        }
    }
    // ECC's entries first, whichever family the first level shows.
    legends.sort_by_key(|(legend, _)| legend.starts_with("RSA"));
    for (legend, color) in &legends {
        let mut rects = Vec::new();
        for (i, level) in levels.iter().enumerate() {
            for (g, group) in level.groups.iter().enumerate() {
                for (b, d) in group.bars.iter().enumerate() {
                    if d.legend != *legend {
                        continue;
                    }
                    if let Bar::Value(v) = d.bar {
                        let (x, w) = geometry(i, level, g, b);
                        rects.push(Rectangle::new([(x, y_lo), (x + w, v)], d.color.filled()));
                    }
                }
            }
        }
        let color = *color;
        chart
            .draw_series(rects)?
            .label(legend.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 7), (x + 16, y + 7)], color.filled()));
    }
    if let Some((value, label)) = &style.reference {
        let line = ShapeStyle::from(&RGBColor(90, 90, 90)).stroke_width(2);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, *value), (levels.len() as f64, *value)],
                line,
            )))?
            .label(label.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], line));
    }

    // Notes on missing bars, values over bars and group labels, in pixels of `area` (the chart
    // gives pixels of the whole image).
    let (base_x, base_y) = area.get_base_pixel();
    let pixel = |x: f64, y: f64| {
        let (px, py) = chart.backend_coord(&(x, y));
        (px - base_x, py - base_y)
    };
    let small = (FONT, 15).into_font().color(&RGBColor(60, 60, 60));
    for (i, level) in levels.iter().enumerate() {
        for (g, group) in level.groups.iter().enumerate() {
            for (b, d) in group.bars.iter().enumerate() {
                let (x, w) = geometry(i, level, g, b);
                let x = x + w / 2.0;
                match &d.bar {
                    Bar::Missing(why) => {
                        let (px, py) = pixel(x, y_lo);
                        area.draw(&Text::new(
                            *why,
                            (px, py - 6),
                            small
                                .clone()
                                .transform(FontTransform::Rotate270)
                                .pos(Pos::new(HPos::Left, VPos::Center)),
                        ))?;
                    }
                    Bar::Value(v) => {
                        if let Some(fmt) = style.value_fmt {
                            let (px, py) = pixel(x, *v);
                            area.draw(&Text::new(
                                fmt(*v),
                                (px, py - 3),
                                (FONT, 13)
                                    .into_font()
                                    .color(&BLACK)
                                    .pos(Pos::new(HPos::Center, VPos::Bottom)),
                            ))?;
                        }
                    }
                }
            }
            if let Some(label) = group.label {
                let (x0, _) = geometry(i, level, g, 0);
                let (x1, w1) = geometry(i, level, g, group.bars.len().saturating_sub(1));
                let (px, py) = pixel((x0 + x1 + w1) / 2.0, y_lo);
                area.draw(&Text::new(
                    label,
                    (px, py + 4),
                    (FONT, 13)
                        .into_font()
                        .color(&RGBColor(60, 60, 60))
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
        }
        // The level's name and the pair drawn, under its groups.
        let label_offset = if level.groups.iter().any(|g| g.label.is_some()) {
            18
        } else {
            0
        };
        let (px, py) = pixel(i as f64 + 0.5, y_lo);
        let centered = Pos::new(HPos::Center, VPos::Top);
        area.draw(&Text::new(
            format!("{}-bit security", LEVELS[i].bits),
            (px, py + 10 + label_offset),
            (FONT, 19)
                .into_font()
                .style(FontStyle::Bold)
                .color(&BLACK)
                .pos(centered),
        ))?;
        area.draw(&Text::new(
            level.pair.clone(),
            (px, py + 33 + label_offset),
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
