//! The check-in form's rows: each field's label beside its answer (chips,
//! yes/no, numbers, text boxes), scrolled so the focused row shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::answers::SPOTS;
use super::fields::Field;
use super::form::CheckinForm;
use crate::journal::choices::Choice;
use crate::journal::{LegSide, Quality, Rested, Trigger};
use crate::text::visible;
use crate::tui::theme::Theme;

const LABEL: u16 = 36;
/// Width of a one-line text box.
const TEXT_WIDTH: u16 = 14;

/// Each visible row: its field, its height and its lines.
fn rows(form: &CheckinForm, theme: &Theme, width: u16) -> Vec<(Field, Vec<Line<'static>>)> {
    let errors = form.errors();
    form.visible()
        .into_iter()
        .map(|field| {
            let focused = form.cursor.focus == field;
            let mut lines = value_lines(form, field, focused, theme, width.saturating_sub(LABEL));
            // An unanswered question is no error until the user tries to save:
            // a blank form shows the hint ("press y or n"), not a complaint.
            if let Some((_, why)) = errors.iter().find(|(f, _)| *f == field)
                && (field != Field::AnyCramps || form.message.is_some())
            {
                lines[0].spans.push(Span::styled(format!("  ← {why}"), theme.warn()));
            }
            let marker = if focused { "▸ " } else { "  " };
            let label_style = if focused { theme.key() } else { theme.text() };
            let mut first = vec![
                Span::styled(marker, theme.key()),
                Span::styled(format!("{:<w$}", field.label(), w = LABEL as usize - 2), label_style),
            ];
            first.append(&mut lines[0].spans);
            lines[0] = Line::from(first);
            for l in lines.iter_mut().skip(1) {
                l.spans.insert(0, Span::raw(" ".repeat(LABEL as usize)));
            }
            (field, lines)
        })
        .collect()
}

/// The visible rows in `area`, the focused text box drawn over its row.
pub fn render(form: &CheckinForm, theme: &Theme, f: &mut Frame, area: Rect) {
    let rows = rows(form, theme, area.width);
    // Scroll so the focused row is on screen.
    let focus_top: usize = rows.iter().take_while(|(fl, _)| *fl != form.cursor.focus).map(|(_, l)| l.len()).sum();
    let focus_h = rows.iter().find(|(fl, _)| *fl == form.cursor.focus).map_or(1, |(_, l)| l.len());
    let height = area.height as usize;
    let skip = (focus_top + focus_h).saturating_sub(height);
    let lines: Vec<Line> = rows.into_iter().flat_map(|(_, l)| l).skip(skip).take(height).collect();
    f.render_widget(Paragraph::new(lines), area);
    // The focused text box draws itself (cursor and all) over its row.
    if let Some(t) = form.answers.texts.get(form.cursor.focus) {
        let y = focus_top.saturating_sub(skip) as u16;
        let h = if form.cursor.focus == Field::Note { 3 } else { 1 };
        if y + h <= area.height {
            let width = if form.cursor.focus == Field::Note { area.width.saturating_sub(LABEL) } else { TEXT_WIDTH };
            let rect = Rect {
                x: area.x + LABEL,
                y: area.y + y,
                width: width.min(area.width.saturating_sub(LABEL)),
                height: h,
            };
            f.render_widget(Clear, rect);
            f.render_widget(t, rect);
        }
    }
}

fn value_lines(form: &CheckinForm, field: Field, focused: bool, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let sel = |on: bool| if on { theme.flash() } else { theme.text() };
    let one = |spans: Vec<Span<'static>>| vec![Line::from(spans)];
    match field {
        Field::Night => one(vec![Span::raw(format!("◀ {} ▶", form.night.format("%a %d %b %Y")))]),
        Field::AnyCramps => {
            let mut s = yes_no_spans(form.answers.any_cramps, theme);
            if form.answers.any_cramps.is_none() {
                s.push(Span::styled("   press y or n", theme.dim()));
            }
            one(s)
        }
        Field::Count => one(vec![Span::raw(match form.answers.count {
            Some(n) => format!("◀ {n} ▶"),
            None => "◀ — ▶".to_string(),
        })]),
        Field::Pain => one(vec![Span::raw(format!("◀ {} ▶", form.answers.pain.map_or("—".into(), |p| p.to_string())))]),
        Field::Disturbed => {
            one(vec![Span::raw(format!("◀ {} ▶", form.answers.disturbed.map_or("—".into(), |p| p.to_string())))])
        }
        Field::Quality => chips_line(
            Quality::all().map(|q| (q.label().to_string(), Some(q) == form.answers.quality)).collect(),
            None,
            theme,
            width,
            false,
        ),
        Field::Rested => chips_line(
            Rested::all().map(|q| (q.label().to_string(), Some(q) == form.answers.rested)).collect(),
            None,
            theme,
            width,
            false,
        ),
        Field::Where => chips_line(
            SPOTS
                .iter()
                .map(|(p, s)| {
                    let side = match s {
                        Some(LegSide::Left) => " L",
                        Some(LegSide::Right) => " R",
                        _ => "",
                    };
                    (format!("{}{side}", p.name()), form.answers.spots.contains(&(*p, *s)))
                })
                // A place recorded without a side (logged in the night with
                // two keys or fewer): shown as such, not as one side.
                .chain(
                    form.answers
                        .spots
                        .iter()
                        .filter(|(p, s)| s.is_none() && *p != crate::journal::Place::Other)
                        .map(|(p, _)| (format!("{} side?", p.name()), true)),
                )
                .collect(),
            focused.then_some(form.cursor.chip),
            theme,
            width,
            true,
        ),
        Field::Triggers => chips_line(
            Trigger::all().map(|t| (t.label().to_string(), form.answers.triggers.contains(&t))).collect(),
            focused.then_some(form.cursor.chip),
            theme,
            width,
            true,
        ),
        Field::Swollen => one(yes_no_spans(form.answers.swollen, theme)),
        Field::Numbness => one(yes_no_spans(form.answers.numbness, theme)),
        Field::Note => {
            let mut lines: Vec<Line> =
                form.answers.texts.get(field).map_or(Vec::new(), |t| {
                    t.lines().iter().take(3).map(|l| Line::raw(visible(l).into_owned())).collect()
                });
            lines.resize(3, Line::raw(""));
            if lines.iter().all(|l| l.width() == 0) {
                lines[0] = Line::styled("(optional)", theme.dim());
            }
            lines
        }
        Field::Save => {
            one(vec![Span::styled("[ Save ]", sel(focused)), Span::styled("  Enter or Ctrl-S", theme.dim())])
        }
        _ => {
            let text = visible(&form.answers.texts.text(field)).into_owned();
            // Padded so an error beside it is not covered by the text box.
            let shown = if text.is_empty() { "—".to_string() } else { text };
            let style = if shown == "—" { theme.dim() } else { theme.text() };
            one(vec![Span::styled(format!("{shown:<w$}", w = TEXT_WIDTH as usize), style)])
        }
    }
}

fn yes_no_spans(v: Option<bool>, theme: &Theme) -> Vec<Span<'static>> {
    let opt = |label: &'static str, on: bool| {
        Span::styled(format!("({}) {label}", if on { "•" } else { " " }), if on { theme.hold() } else { theme.text() })
    };
    vec![opt("No", v == Some(false)), Span::raw(GAP), opt("Yes", v == Some(true))]
}

/// Between two choices on a row: wide enough to tell one from the next.
const GAP: &str = "   ";

/// Chips wrapped to `width`: `[x]` marks chosen ones in multi-selects, `(•)`
/// the one chosen in a single choice (as on the yes/no rows, so every row's
/// answer starts in the same column); the cursor is reversed.
fn chips_line(
    chips: Vec<(String, bool)>,
    cursor: Option<usize>,
    theme: &Theme,
    width: u16,
    multi: bool,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    let mut used = 0usize;
    for (i, (label, on)) in chips.into_iter().enumerate() {
        let text = if multi {
            format!("[{}] {label}", if on { "x" } else { " " })
        } else {
            format!("({}) {label}", if on { "•" } else { " " })
        };
        let w = text.chars().count() + GAP.len();
        if used > 0 && used + w > width as usize {
            lines.push(Line::default());
            used = 0;
        }
        let style = if cursor == Some(i) {
            theme.flash()
        } else if on {
            theme.hold()
        } else {
            Style::new()
        };
        let line = lines.last_mut().expect("at least one line");
        line.spans.push(Span::styled(text, style));
        line.spans.push(Span::raw(GAP));
        used += w;
    }
    lines
}
