//! Drawing the check-in form: a pure function of the form state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::fields::Field;
use super::form::{CheckinForm, Mode, SPOTS};
use crate::guidance;
use crate::journal::choices::Choice;
use crate::journal::{LegSide, NightEntry, Quality, Rested, Trigger};
use crate::tui::theme::Theme;
use crate::tui::widgets::{dialog, keys_help, screen_frame};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
const LABEL: u16 = 36;
/// Width of a one-line text box.
const TEXT_WIDTH: u16 = 14;

pub fn render(form: &CheckinForm, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    let keys = "Ctrl-S save · Esc leave · ? help";
    let Some(inner) = screen_frame(f, theme, "Morning check-in", keys, (MIN_WIDTH, MIN_HEIGHT)) else { return };
    if let Mode::Saved { checkins, checkin_streak, cramp_free } = form.mode {
        return saved(form, (checkins, checkin_streak, cramp_free), theme, f, inner);
    }
    let flags = form.swollen == Some(true) || form.numbness == Some(true);
    let [head, rows, notice, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(4),
        Constraint::Length(if flags { 4 } else { 0 }),
        Constraint::Length(1),
    ])
    .areas(inner);
    header(form, theme, f, head);
    fields(form, theme, f, rows);
    if flags {
        f.render_widget(
            Paragraph::new(red_flag_text())
                .style(theme.warn())
                .wrap(Wrap { trim: true })
                .block(Block::new().borders(ratatui::widgets::Borders::TOP).title(" Please read ")),
            notice,
        );
    }
    let footer = match &form.message {
        Some(m) => Line::styled(m.clone(), theme.warn()),
        None => Line::styled(guidance::NOT_MEDICAL_ADVICE, theme.dim()),
    };
    f.render_widget(footer, foot);
    match form.mode {
        Mode::Help => help(theme, f, area),
        Mode::Contested => super::contested::draw(form, f, area),
        Mode::ConfirmDiscard => dialog(
            f,
            area,
            " Discard? ",
            vec![
                Line::from("Leave without saving these answers?"),
                Line::from(""),
                Line::from("y discard · any other key keeps editing"),
            ],
        ),
        _ => {}
    }
}

/// "Night of Sun 23 Nov — cramp-guard done 22:41, 6 of 6 steps".
pub fn night_summary(night: chrono::NaiveDate, entry: &NightEntry) -> String {
    let what = match (entry.best_run(), &entry.rest) {
        (Some(run), _) => format!(
            "{} {} {}, {} of {} steps",
            run.routine,
            if entry.completed() { "done" } else { "partly done" },
            run.started.format("%H:%M"),
            run.steps_done(),
            run.steps.len()
        ),
        (None, Some(rest)) => format!("rest night: {}", rest.reason),
        (None, None) => "no routine recorded".into(),
    };
    format!("Night of {} — {what}", night.format("%a %d %b"))
}

fn header(form: &CheckinForm, theme: &Theme, f: &mut Frame, area: Rect) {
    let mut second = Vec::new();
    if form.editing_existing {
        second.push(Span::styled("editing your check-in for this night", theme.pause()));
    } else if !form.entry.cramps.is_empty() {
        second.push(Span::raw(format!("{} cramp(s) logged in the night", form.entry.cramps.len())));
    } else {
        second.push(Span::styled("←/→ on the Night row picks another night", theme.dim()));
    }
    f.render_widget(
        Paragraph::new(vec![Line::styled(night_summary(form.night, &form.entry), theme.title()), Line::from(second)]),
        area,
    );
}

/// Each visible row: its field, its height and its lines.
fn rows(form: &CheckinForm, theme: &Theme, width: u16) -> Vec<(Field, Vec<Line<'static>>)> {
    let errors = form.errors();
    form.visible()
        .into_iter()
        .map(|field| {
            let focused = form.focus == field;
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

fn fields(form: &CheckinForm, theme: &Theme, f: &mut Frame, area: Rect) {
    let rows = rows(form, theme, area.width);
    // Scroll so the focused row is on screen.
    let focus_top: usize = rows.iter().take_while(|(fl, _)| *fl != form.focus).map(|(_, l)| l.len()).sum();
    let focus_h = rows.iter().find(|(fl, _)| *fl == form.focus).map_or(1, |(_, l)| l.len());
    let height = area.height as usize;
    let skip = (focus_top + focus_h).saturating_sub(height);
    let lines: Vec<Line> = rows.into_iter().flat_map(|(_, l)| l).skip(skip).take(height).collect();
    f.render_widget(Paragraph::new(lines), area);
    // The focused text box draws itself (cursor and all) over its row.
    if let Some(t) = form.texts.get(form.focus) {
        let y = focus_top.saturating_sub(skip) as u16;
        let h = if form.focus == Field::Note { 3 } else { 1 };
        if y + h <= area.height {
            let width = if form.focus == Field::Note { area.width.saturating_sub(LABEL) } else { TEXT_WIDTH };
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
            let mut s = yes_no_spans(form.any_cramps, theme);
            if form.any_cramps.is_none() {
                s.push(Span::styled("   press y or n", theme.dim()));
            }
            one(s)
        }
        Field::Count => one(vec![Span::raw(format!("◀ {} ▶", form.count))]),
        Field::Pain => one(vec![Span::raw(format!("◀ {} ▶", form.pain.map_or("—".into(), |p| p.to_string())))]),
        Field::Disturbed => {
            one(vec![Span::raw(format!("◀ {} ▶", form.disturbed.map_or("—".into(), |p| p.to_string())))])
        }
        Field::Quality => chips_line(
            Quality::all().map(|q| (q.label().to_string(), Some(q) == form.quality)).collect(),
            None,
            theme,
            width,
            false,
        ),
        Field::Rested => chips_line(
            Rested::all().map(|q| (q.label().to_string(), Some(q) == form.rested)).collect(),
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
                    (format!("{}{side}", p.name()), form.spots.contains(&(*p, *s)))
                })
                // A place recorded without a side (logged in the night with
                // two keys or fewer): shown as such, not as one side.
                .chain(
                    form.spots
                        .iter()
                        .filter(|(p, s)| s.is_none() && *p != crate::journal::Place::Other)
                        .map(|(p, _)| (format!("{} side?", p.name()), true)),
                )
                .collect(),
            focused.then_some(form.chip),
            theme,
            width,
            true,
        ),
        Field::Triggers => chips_line(
            Trigger::all().map(|t| (t.label().to_string(), form.triggers.contains(&t))).collect(),
            focused.then_some(form.chip),
            theme,
            width,
            true,
        ),
        Field::Swollen => one(yes_no_spans(form.swollen, theme)),
        Field::Numbness => one(yes_no_spans(form.numbness, theme)),
        Field::Note => {
            let mut lines: Vec<Line> = form
                .texts
                .get(field)
                .map_or(Vec::new(), |t| t.lines().iter().take(3).map(|l| Line::raw(l.clone())).collect());
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
            let text = form.texts.text(field);
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

fn red_flag_text() -> &'static str {
    guidance::RED_FLAG_SHORT
}

fn saved(form: &CheckinForm, counts: (usize, u32, u32), theme: &Theme, f: &mut Frame, area: Rect) {
    let (checkins, streak, cramp_free) = counts;
    let Some(c) = form.saved.as_ref() else { return };
    let mut lines = vec![
        Line::styled(format!("Saved. {}", night_summary(form.night, &form.entry)), theme.title()),
        Line::from(""),
        Line::from(if c.cramps == 0 {
            "No cramps.".to_string()
        } else {
            let pain = c.pain.map_or(String::new(), |p| format!(", worst {p}/10"));
            let places: Vec<String> =
                c.places.iter().map(|s| crate::journal::exchange::spot_name(s.place, s.side)).collect();
            format!(
                "{} cramp(s){pain}{}",
                c.cramps,
                if places.is_empty() { String::new() } else { format!(" ({})", places.join(", ")) }
            )
        }),
        Line::from(format!(
            "Sleep quality: {}; rested: {}.",
            c.quality.map_or("—", |q| q.label()).to_lowercase(),
            c.rested.map_or("—", |r| r.label()).to_lowercase()
        )),
    ];
    if !c.triggers.is_empty() || !c.tags.is_empty() {
        let mut t: Vec<String> = c.triggers.iter().map(|t| t.label().to_lowercase()).collect();
        t.extend(c.tags.iter().map(|tag| crate::text::visible(tag).into_owned()));
        lines.push(Line::from(format!("Possible triggers: {}.", t.join(", "))));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(format!("{checkins} night{} checked in so far.", if checkins == 1 { "" } else { "s" })));
    lines.push(Line::styled(
        format!("Check-in streak: {streak} · cramp-free nights in a row: {cramp_free}"),
        theme.hold(),
    ));
    if c.red_flags.any() {
        lines.push(Line::from(""));
        lines.extend(guidance::RED_FLAG_NOTICE.lines().map(|l| Line::styled(l.to_string(), theme.warn())));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("Enter closes · h history", theme.dim()));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn help(theme: &Theme, f: &mut Frame, area: Rect) {
    let rows = [
        ("Tab ↓", "next field"),
        ("S-Tab ↑", "previous field"),
        ("← →", "choose; move between chips; change the night"),
        ("0-9", "set a number; 1-5 picks a choice; toggles chip N"),
        ("Space", "toggle the chip under the cursor, or yes/no"),
        ("y n", "answer a yes/no question"),
        ("Enter", "next field (a new line in the note)"),
        ("Ctrl-S", "save"),
        ("Ctrl-R", "two answers from two machines: keep one"),
        ("Esc", "leave (asks first if anything changed)"),
    ];
    keys_help(f, area, theme, &rows, "any key closes this");
}
