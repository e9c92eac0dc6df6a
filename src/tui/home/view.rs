//! Drawing the home screen: the tab bar and each tab; the coach full-screen
//! while it runs; the welcome on first run.

use std::time::Instant;

use chrono::{Datelike, Days};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::{HomeApp, Tab};
use crate::guidance;
use crate::routine::plan::{format_duration, total_time};
use crate::stats::{NightMark, facts_mark};
use crate::tui::history::calendar::{cramp_mark, cramp_style, routine_mark, routine_style};
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, ellipsis, keys_help, keys_line, too_small};

pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 22;

pub fn render(app: &HomeApp, now: Instant, theme: &Theme, f: &mut Frame) {
    if let Some(coach) = &app.coach {
        return crate::tui::coach::view::render(coach, now, theme, f);
    }
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small(f, area, MIN_WIDTH, MIN_HEIGHT, theme);
    }
    if app.welcome {
        return welcome(app, theme, f, area);
    }
    match app.tab {
        Tab::Checkin => {
            if let Some(form) = &app.checkin {
                crate::tui::checkin::view::render(form, theme, f);
            }
            return;
        }
        Tab::History => return crate::tui::history::view::render(&app.history, theme, f),
        _ => {}
    }
    let mut tabs = vec![Span::raw(" ")];
    for (i, t) in Tab::ALL.iter().enumerate() {
        let style = if *t == app.tab { theme.flash() } else { theme.text() };
        tabs.push(Span::styled(format!(" {} {} ", i + 1, t.title()), style));
        tabs.push(Span::raw(" "));
    }
    // The clock gives up the weekday, then the date, before it would run into
    // the tabs (which hides the border between them).
    let tabs = Line::from(tabs);
    let room = usize::from(area.width).saturating_sub(" winddown ".len() + tabs.width() + 2 + 2);
    let wall = app.wall(now);
    let clock = ["%a %d %b %H:%M", "%d %b %H:%M", "%H:%M"]
        .iter()
        .map(|f| format!(" {} ", wall.format(f)))
        .find(|c| c.len() <= room)
        .unwrap_or_default();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(" winddown ", theme.title()))
        .title(tabs)
        .title(Line::from(clock).right_aligned());
    let inner = block.inner(area).inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 });
    f.render_widget(block, area);
    let [body, status, keys] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    match app.tab {
        Tab::Routines if app.routines.editor.is_some() => {
            if let Some(editor) = &app.routines.editor {
                editor.render(theme, f, body);
            }
        }
        Tab::Routines => routines(app, theme, f, body),
        _ => tonight(app, now, theme, f, body),
    }
    let status_line = match (&app.message, app.config_problems.first()) {
        (Some(m), _) => Line::styled(m.clone(), theme.warn()),
        (None, _) if app.contradictions > 0 => Line::styled(contradictions_notice(app.contradictions), theme.warn()),
        (None, Some(p)) => Line::styled(format!("settings: {p} (defaults used)"), theme.warn()),
        (None, None) => Line::styled(guidance::NOT_MEDICAL_ADVICE, theme.dim()),
    };
    f.render_widget(status_line, status);
    let key_list: &[(&str, &str)] = match app.tab {
        Tab::Routines if app.routines.editor.is_some() => &[("Esc", "close the editor")],
        Tab::Routines if app.routines.invalid_edit.is_some() => {
            &[("e", "edit again"), ("k", "keep previous"), ("s", "keep this")]
        }
        Tab::Routines => &[
            ("↑↓", "pick"),
            ("Enter", "edit"),
            ("e", "$EDITOR"),
            ("n", "copy"),
            ("d", "default"),
            ("r", "reload"),
            ("?", "help"),
        ],
        _ => {
            &[("Enter", "start"), ("↑↓", "routine"), ("c", "check in"), ("h", "history"), ("?", "help"), ("q", "quit")]
        }
    };
    f.render_widget(keys_line(theme, key_list), keys);
    if let Some(name) = &app.routines.naming {
        let rect = centered(area, 50, 3);
        f.render_widget(Clear, rect);
        let block = Block::bordered().title(" New copy: name (Enter to create, Esc to cancel) ");
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        f.render_widget(name, inner);
    }
    if app.help {
        help(app.tab, theme, f, area);
    }
}

/// Two machines gave two answers for the same thing: the user picks, on the command line.
fn contradictions_notice(n: usize) -> String {
    let what = if n == 1 { "1 record".to_string() } else { format!("{n} records") };
    format!("two answers for {what}: pick one with `winddown journal resolve`")
}

fn routine_list<'a>(app: &'a HomeApp, theme: &Theme, selected: usize) -> (List<'a>, ListState) {
    let items: Vec<ListItem> = app
        .library
        .entries
        .iter()
        .map(|e| {
            let default = if e.id == app.config.default_routine { " ★" } else { "" };
            match &e.routine {
                Ok(r) => ListItem::new(Line::from(vec![
                    Span::raw(format!("{:<17}", e.id)),
                    Span::styled(format!("{:>7} {:>2}", format_duration(total_time(r)), r.steps.len()), theme.dim()),
                    Span::styled(default, theme.key()),
                ])),
                Err(_) => ListItem::new(Line::from(vec![
                    Span::raw(format!("{:<17}", e.id)),
                    Span::styled("invalid", theme.warn()),
                ])),
            }
        })
        .collect();
    let list = List::new(items).highlight_style(theme.flash()).highlight_symbol("▸ ");
    let mut state = ListState::default();
    state.select(Some(selected));
    (list, state)
}

fn tonight(app: &HomeApp, now: Instant, theme: &Theme, f: &mut Frame, area: Rect) {
    let [top, preview, bottom] =
        Layout::vertical([Constraint::Length(7), Constraint::Min(3), Constraint::Length(4)]).areas(area);
    let [left, _, right] =
        Layout::horizontal([Constraint::Length(34), Constraint::Length(1), Constraint::Min(20)]).areas(top);
    let (list, mut state) = routine_list(app, theme, app.picked);
    f.render_stateful_widget(list.block(Block::bordered().title(" Tonight's routine (★ default) ")), left, &mut state);

    let r = app.report();
    let tonight = app.tonight(now);
    let mut strip_days = Vec::new();
    let mut strip_marks = Vec::new();
    // As many of the last 14 nights as fit (three columns each): the newest
    // ones, never cut on the right.
    let shown = ((u64::from(right.width) + 1) / 3).clamp(1, 14);
    for i in (0..shown).rev() {
        let night = tonight - Days::new(i);
        let entry = app.facts().night(night);
        strip_days.push(Span::styled(format!("{:<3}", &night.weekday().to_string()[..2]), theme.dim()));
        let before_start = app.first_night().is_none_or(|first| night < first);
        let pending = night == tonight || before_start;
        let m = facts_mark(entry);
        strip_marks.push(Span::styled(routine_mark(m, pending), routine_style(theme, m)));
        let cramps = cramp_mark(app.facts(), night);
        strip_marks.push(Span::styled(format!("{cramps} "), cramp_style(theme, cramps)));
    }
    let side = vec![
        Line::from(vec![
            Span::styled("Routine streak ", theme.dim()),
            Span::styled(
                format!("{} night{}", r.streaks.routine.current, if r.streaks.routine.current == 1 { "" } else { "s" }),
                theme.hold(),
            ),
            Span::styled(format!(" (best {})", r.streaks.routine.longest), theme.dim()),
        ]),
        Line::from(vec![
            Span::styled("Consistency    ", theme.dim()),
            Span::raw(format!("{:.0}% ({:+.0} in 30 nights)", r.consistency.score * 100.0, r.consistency.change_30)),
        ]),
        Line::from(match facts_mark(app.facts().night(tonight)) {
            NightMark::Done => "Tonight: done ✓",
            NightMark::Partial => "Tonight: partly done ½",
            NightMark::Rest => "Tonight: rest night",
            NightMark::Practice => "Tonight: practice only",
            NightMark::Missed => "Tonight: not yet",
        }),
        Line::styled(format!("Last {shown} nights"), theme.dim()),
        Line::from(strip_days),
        Line::from(strip_marks),
    ];
    f.render_widget(Paragraph::new(side), right);

    if let Some(e) = &app.journal_error {
        return journal_problem(e, theme, f, preview, bottom);
    }
    let mut lines = Vec::new();
    match app.library.entries.get(app.picked) {
        Some(e) => match &e.routine {
            Ok(routine) => {
                // One line, cut with an ellipsis rather than mid-word.
                let summary = crate::text::visible(&routine.summary);
                lines.push(Line::styled(ellipsis(&summary, usize::from(preview.width)), theme.text()));
                for (i, s) in routine.steps.iter().enumerate() {
                    let what = match s.timed() {
                        Some(t) if t.sides.is_empty() => format!("{} × {}", format_duration(t.hold), t.reps),
                        Some(t) => format!(
                            "{} per side{}",
                            format_duration(t.hold),
                            if t.reps > 1 { format!(" × {}", t.reps) } else { String::new() }
                        ),
                        None => "check".into(),
                    };
                    lines.push(Line::from(vec![
                        Span::raw(format!(" {}. {:<32}", i + 1, s.title)),
                        Span::styled(what, theme.dim()),
                    ]));
                }
            }
            Err(errs) => {
                lines.push(Line::styled(format!("This routine has errors: {}", errs[0].headline()), theme.warn()))
            }
        },
        None => lines.push(Line::from("No routines found.")),
    }
    f.render_widget(
        Paragraph::new(lines).block(Block::new().borders(ratatui::widgets::Borders::TOP).title(" Steps ")),
        preview,
    );

    let mut bottom_lines = Vec::new();
    if let Some(line) = app.experiment_tonight(tonight) {
        bottom_lines.push(Line::from(vec![Span::styled("Experiment: ", theme.title()), Span::raw(line)]));
    }
    if app.needs_checkin(now) {
        bottom_lines.push(Line::styled(
            format!("▶ No check-in yet for last night ({}): press c", app.last_night(now).format("%a %d %b")),
            theme.pause(),
        ));
    }
    for flag in &r.flags {
        bottom_lines.push(Line::styled(format!("! {}: worth talking to a doctor", flag.reason), theme.warn()));
    }
    let tip = guidance::TIPS[tonight.num_days_from_ce().unsigned_abs() as usize % guidance::TIPS.len()];
    bottom_lines.push(Line::from(vec![Span::styled("Tip: ", theme.title()), Span::raw(tip)]));
    f.render_widget(Paragraph::new(bottom_lines).wrap(Wrap { trim: true }), bottom);
}

/// The journal cannot be read or written: the whole reason, wrapped, instead
/// of the steps (a routine would not be recorded, so none starts).
fn journal_problem(reason: &str, theme: &Theme, f: &mut Frame, preview: Rect, bottom: Rect) {
    let area = Rect { height: preview.height + bottom.height, ..preview };
    let mut lines = vec![Line::styled(
        "The journal cannot be used, so a routine or a check-in would not be recorded:",
        theme.warn(),
    )];
    lines.extend(crate::text::visible_lines(reason).lines().map(|l| Line::from(l.to_string())));
    lines.push(Line::from(""));
    lines.push(Line::styled("Until this is fixed, no routine or check-in starts from here.", theme.dim()));
    let block = Block::new().borders(ratatui::widgets::Borders::TOP).title(" Journal ");
    f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
}

fn routines(app: &HomeApp, theme: &Theme, f: &mut Frame, area: Rect) {
    let [left, right] = Layout::horizontal([Constraint::Length(34), Constraint::Min(20)]).areas(area);
    let cursor = app.routines.cursor.min(app.library.entries.len().saturating_sub(1));
    let (list, mut state) = routine_list(app, theme, cursor);
    f.render_stateful_widget(list.block(Block::bordered().title(" Routines ")), left, &mut state);
    let mut lines = Vec::new();
    if let Some(e) = app.library.entries.get(cursor) {
        lines.push(Line::styled(e.origin.describe(), theme.dim()));
        match &e.routine {
            Ok(r) => {
                lines.push(Line::styled(r.name.clone(), theme.title()));
                lines.push(Line::from(r.summary.clone()));
                lines.push(Line::from(format!(
                    "{} steps, {} of holds and pauses",
                    r.steps.len(),
                    format_duration(total_time(r))
                )));
                for (i, s) in r.steps.iter().enumerate() {
                    lines.push(Line::from(format!(" {}. {}", i + 1, s.title)));
                }
            }
            Err(errs) => {
                lines.push(Line::styled("This file has errors:", theme.warn()));
                for d in errs.iter().take(4) {
                    lines.push(Line::from(d.headline()));
                }
            }
        }
    }
    if let Some(folder) = &app.library.folder_error {
        lines.push(Line::styled(folder.clone(), theme.warn()));
    }
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(Block::bordered().title(" Preview ")),
        right,
    );
}

fn welcome(app: &HomeApp, theme: &Theme, f: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled("Welcome to winddown", theme.title()),
        Line::from(""),
        Line::from("A few minutes each evening: calf and hamstring stretches held about 30"),
        Line::from("seconds per side, a glass of water, feet supported. Each morning, a short"),
        Line::from("check-in about the night. Over time, your own record shows whether nights"),
        Line::from("with the routine had fewer cramps."),
        Line::from(""),
        Line::from(vec![
            Span::styled("Your routines  ", theme.dim()),
            Span::raw(app.paths.routines_dir().display().to_string()),
        ]),
        Line::from(vec![
            Span::styled("Your journal   ", theme.dim()),
            Span::raw(app.paths.journal_dir().display().to_string()),
        ]),
        Line::from(vec![
            Span::styled("Settings       ", theme.dim()),
            Span::raw(app.paths.config_file().display().to_string()),
        ]),
        Line::from(""),
        Line::styled(guidance::NOT_MEDICAL_ADVICE, theme.text()),
        Line::from("One leg swollen, red or warm, numbness or weakness that stays, or cramps"),
        Line::from("that keep getting worse need a doctor, not an app."),
        Line::from(""),
        Line::styled("Press any key to start", theme.key()),
    ];
    let rect = centered(area, 78, lines.len() as u16 + 2);
    f.render_widget(Paragraph::new(lines).block(Block::bordered().border_type(BorderType::Rounded)), rect);
}

fn help(tab: Tab, theme: &Theme, f: &mut Frame, area: Rect) {
    let mut rows: Vec<(&str, &str)> =
        vec![("1 2 3 4", "Tonight · Check-in · History · Routines"), ("Tab S-Tab", "next / previous tab")];
    match tab {
        Tab::Routines => rows.extend([
            ("↑ ↓", "pick a routine"),
            ("Enter", "edit here: steps, values, order (comments kept)"),
            ("e", "edit in $EDITOR (a built-in is copied first)"),
            ("n", "new routine from a copy of this one"),
            ("d", "make it the default"),
            ("r", "reload from disk"),
            ("Esc", "back to Tonight"),
        ]),
        _ => rows.extend([
            ("Enter", "start tonight's routine"),
            ("↑ ↓", "pick another routine"),
            ("c", "check in for last night"),
            ("h", "history"),
            ("Ctrl-Z", "suspend (fg to come back)"),
            ("q", "quit"),
        ]),
    }
    keys_help(f, area, theme, &rows, "any key closes this");
}
