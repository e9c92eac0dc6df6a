//! Drawing the Tonight tab's body (the app draws the frame around it).

use chrono::{Datelike, Days};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::TonightTab;
use crate::checkin::Nights;
use crate::guidance;
use crate::routine::plan::format_duration;
use crate::stats::{NightMark, facts_mark};
use crate::tui::history::calendar::{cramp_mark, cramp_style, routine_mark, routine_style};
use crate::tui::home_data::HomeData;
use crate::tui::routine_list::routine_list;
use crate::tui::theme::Theme;
use crate::tui::widgets::ellipsis;

/// The tab's body for `nights` (where now stands), with `default` the default routine's id.
pub fn render(
    tab: &TonightTab,
    data: &HomeData,
    default: &str,
    nights: Nights,
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
) {
    let facts = &data.summary.recent;
    let [top, preview, bottom] =
        Layout::vertical([Constraint::Length(7), Constraint::Min(3), Constraint::Length(4)]).areas(area);
    let [left, _, right] =
        Layout::horizontal([Constraint::Length(34), Constraint::Length(1), Constraint::Min(20)]).areas(top);
    let (list, mut state) = routine_list(&data.library, default, theme, tab.picked);
    f.render_stateful_widget(list.block(Block::bordered().title(" Tonight's routine (★ default) ")), left, &mut state);

    let r = &data.summary.overview;
    let tonight = nights.current;
    let mut strip_days = Vec::new();
    let mut strip_marks = Vec::new();
    // As many of the last 14 nights as fit (three columns each): the newest
    // ones, never cut on the right.
    let shown = ((u64::from(right.width) + 1) / 3).clamp(1, 14);
    for i in (0..shown).rev() {
        let night = tonight - Days::new(i);
        let entry = facts.night(night);
        strip_days.push(Span::styled(format!("{:<3}", &night.weekday().to_string()[..2]), theme.dim()));
        let before_start = data.summary.first_night.is_none_or(|first| night < first);
        let pending = night == tonight || before_start;
        let m = facts_mark(entry);
        strip_marks.push(Span::styled(routine_mark(m, pending), routine_style(theme, m)));
        let cramps = cramp_mark(facts, night);
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
        Line::from(match facts_mark(facts.night(tonight)) {
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

    if let Some(e) = &data.journal_error {
        return journal_problem(e, theme, f, preview, bottom);
    }
    let mut lines = Vec::new();
    match data.library.entries.get(tab.picked) {
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
                        Span::raw(format!(" {}. {:<32}", i + 1, crate::text::visible(&s.title))),
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
    if let Some(line) = data.experiment.as_ref().filter(|p| p.night(tonight).is_some()).map(|p| p.tonight_line(tonight))
    {
        bottom_lines.push(Line::from(vec![Span::styled("Experiment: ", theme.title()), Span::raw(line)]));
    }
    if data.recent.night(nights.last_over).is_none_or(|n| n.checkin.is_none()) {
        bottom_lines.push(Line::styled(
            format!("▶ No check-in yet for last night ({}){}", nights.last_over.format("%a %d %b"), checkin_key(data)),
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

/// ": press c", from the tab's keys, when checking in can start from here.
fn checkin_key(data: &HomeData) -> String {
    super::keys::commands(data)
        .into_iter()
        .find(|c| c.action == super::keys::Action::CheckIn && c.enabled)
        .and_then(|c| c.footer)
        .map_or_else(String::new, |(key, _)| format!(": press {key}"))
}
