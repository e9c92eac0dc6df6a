//! Drawing the check-in form: a pure function of the form state. The rows
//! are drawn in `rows.rs`, the two-answers dialog in `contested.rs`; every
//! key hint comes from the mode's commands (`keys.rs`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::form::{CheckinForm, Mode};
use super::keys;
use crate::guidance;
use crate::journal::NightEntry;
use crate::journal::choices::Choice;
use crate::text::visible;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::{dialog, keys_help, screen_frame};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn render(form: &CheckinForm, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    // The title holds the keys that work now: the form's, the summary's, or
    // those of the dialog over the form.
    let keys = keys::footer_text(&form.commands());
    let Some(inner) = screen_frame(f, theme, "Morning check-in", &keys, (MIN_WIDTH, MIN_HEIGHT)) else { return };
    if let Mode::Saved { checkins, checkin_streak, cramp_free } = form.mode {
        return saved(form, (checkins, checkin_streak, cramp_free), theme, f, inner);
    }
    let flags = form.answers.swollen == Some(true) || form.answers.numbness == Some(true);
    let [head, rows, notice, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(4),
        Constraint::Length(if flags { 4 } else { 0 }),
        Constraint::Length(1),
    ])
    .areas(inner);
    header(form, theme, f, head);
    super::rows::render(form, theme, f, rows);
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
        Some(m) => Line::styled(visible(m).into_owned(), theme.warn()),
        None => Line::styled(guidance::NOT_MEDICAL_ADVICE, theme.dim()),
    };
    f.render_widget(footer, foot);
    match form.mode {
        Mode::Help => {
            let rows = keymap::help(&keys::editing(form));
            keys_help(f, area, theme, &rows, &keys::footer_text(&keys::help()));
        }
        Mode::Contested => super::contested::draw(form, f, area),
        Mode::ConfirmDiscard => dialog(
            f,
            area,
            " Discard? ",
            vec![
                Line::from("Leave without saving these answers?"),
                Line::from(""),
                Line::from(keys::footer_text(&keys::confirm_discard())),
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
            visible(&run.routine),
            if entry.completed() { "done" } else { "partly done" },
            run.started.format("%H:%M"),
            run.steps_done(),
            run.steps.len()
        ),
        (None, Some(rest)) => format!("rest night: {}", visible(&rest.reason)),
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
        t.extend(c.tags.iter().map(|tag| visible(tag).into_owned()));
        lines.push(Line::from(format!("Possible triggers: {}.", t.join(", "))));
    }
    lines.push(Line::from(""));
    if form.uncounted {
        lines.push(Line::styled("The streaks could not be read just now; the check-in is saved.", theme.dim()));
    } else {
        lines.push(Line::from(format!("{checkins} night{} checked in so far.", if checkins == 1 { "" } else { "s" })));
        lines.push(Line::styled(
            format!("Check-in streak: {streak} · cramp-free nights in a row: {cramp_free}"),
            theme.hold(),
        ));
    }
    if c.red_flags.any() {
        lines.push(Line::from(""));
        lines.extend(guidance::RED_FLAG_NOTICE.lines().map(|l| Line::styled(l.to_string(), theme.warn())));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
