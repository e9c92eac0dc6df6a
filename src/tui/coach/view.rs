//! Drawing the coach: a pure function of the app state and the instant.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Gauge, Paragraph, Wrap};

use super::state::{CoachScreen, Mode};
use super::{keys, progress, stage};
use crate::routine::plan::PhaseKind;
use crate::routine::{Side, StepKind};
use crate::session::SessionView;
use crate::text::visible;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::{dialog, keys_help, keys_line, too_small};

/// Smallest size the coach lays out in; below it a message asks for more room.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 14;

pub fn render(app: &CoachScreen, now: Instant, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, area, MIN_WIDTH, MIN_HEIGHT, theme);
        return;
    }
    let v = app.session.view(now);
    let routine = app.session.routine();
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(format!(" {} ", visible(&routine.name)), theme.title()))
        .title(Line::from(step_counter(&v)).right_aligned());
    if app.flashing(now) {
        block = block.border_style(theme.flash());
    }
    if let Some(line) = &app.experiment {
        block = block.title_bottom(Line::styled(format!(" Experiment: {line} "), theme.dim()));
    }
    let inner = block.inner(area);
    f.render_widget(block, area);

    if app.mode == Mode::Summary {
        super::summary::render(app, theme, f, inner);
        return;
    }
    body(app, &v, now, theme, f, inner);
    match &app.mode {
        Mode::Help => help(app, theme, f, area),
        Mode::ConfirmQuit { .. } => dialog(
            f,
            area,
            " Quit? ",
            vec![
                Line::from("Quit and save progress?"),
                Line::from(""),
                keys_line(theme, &keymap::footer(&keys::confirm_quit())),
            ],
        ),
        Mode::ResumeOffer { step } => {
            let title = routine.steps.get(*step).map_or(String::new(), |s| visible(&s.title).into_owned());
            dialog(
                f,
                area,
                " Resume? ",
                vec![
                    Line::from(format!("You stopped at step {} of {} tonight:", step + 1, routine.steps.len())),
                    Line::styled(title.to_string(), theme.title()),
                    Line::from(""),
                    keys_line(theme, &keymap::footer(&keys::resume_offer())),
                ],
            )
        }
        _ => {}
    }
}

fn step_counter(v: &SessionView) -> String {
    if v.finished { " done ".into() } else { format!(" step {} of {} ", v.step + 1, v.step_count) }
}

fn body(app: &CoachScreen, v: &SessionView, now: Instant, theme: &Theme, f: &mut Frame, area: Rect) {
    let routine = app.session.routine();
    let Some(step) = routine.steps.get(v.step) else {
        return;
    };
    let how_lines = if area.height >= 20 { 3 } else { 2 };
    let [title_row, phase_row, middle, how_row, next_row, phase_gauge, routine_gauge, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(how_lines),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area.inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 }));

    let mut title = vec![Span::styled(visible(&step.title).into_owned(), theme.title())];
    if step.optional {
        title.push(Span::styled("  (optional)", theme.dim()));
    }
    f.render_widget(Line::from(title), title_row);
    f.render_widget(phase_line(app, v, theme), phase_row);

    // Middle: the countdown (or the check prompt) beside the step's picture.
    let art = step.art.as_deref().and_then(crate::assets::art);
    let art_width = art.map_or(0, |a| a.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u16 + 2);
    let beside_art = |area: Rect| -> [Rect; 2] {
        if art.is_some() && area.width >= 60 {
            Layout::horizontal([Constraint::Min(30), Constraint::Length(art_width)]).areas(area)
        } else {
            [area, Rect::default()]
        }
    };
    let right = match step.kind {
        StepKind::Check => {
            let [left, right] = beside_art(middle);
            stage::check(step.say.as_deref().unwrap_or(&step.title), theme, f, left);
            right
        }
        StepKind::Timed(_) => stage::countdown(v, theme, f, middle, beside_art),
    };
    if let Some(art) = art
        && right.width > 0
    {
        // Centred beside the digits rather than hanging from the top.
        let art = art.trim_end_matches('\n');
        let rows = (art.lines().count() as u16).min(right.height);
        let top = right.y + (right.height - rows) / 2;
        f.render_widget(Paragraph::new(art).style(theme.dim()), Rect { y: top, height: rows, ..right });
    }

    if let Some(how) = &step.how {
        f.render_widget(
            Paragraph::new(how.split_whitespace().collect::<Vec<_>>().join(" ")).wrap(Wrap { trim: true }),
            how_row,
        );
    }
    let next = routine.steps.get(v.step + 1).map_or("the end".to_string(), |s| visible(&s.title).into_owned());
    f.render_widget(Line::from(vec![Span::styled("next: ", theme.dim()), Span::raw(next)]), next_row);

    let phase_label = match v.phase {
        Some(PhaseKind::Check) | None => String::new(),
        Some(PhaseKind::GetReady) => format!("get ready · {}s", v.remaining_secs),
        Some(PhaseKind::Hold { .. }) => format!("hold · {}s left", v.remaining_secs),
        Some(PhaseKind::Switch { .. }) => format!("switch legs · {}s", v.remaining_secs),
        Some(PhaseKind::Rest { .. }) => format!("rest · {}s", v.remaining_secs),
    };
    f.render_widget(
        Gauge::default().gauge_style(theme.gauge()).ratio(v.phase_progress.clamp(0.0, 1.0)).label(phase_label),
        phase_gauge,
    );
    f.render_widget(
        Gauge::default()
            .gauge_style(theme.gauge())
            .ratio(progress::ratio(routine, v))
            .label(progress::label(routine, v)),
        routine_gauge,
    );
    // The keys that work now: under a question or the help, theirs.
    let footer_line = match &app.save_error {
        Some(e) => Line::styled(format!("not saved: {}", crate::text::visible(e)), theme.warn()),
        None => keys_line(theme, &keymap::footer(&app.commands())),
    };
    f.render_widget(footer_line, footer);
    let _ = now;
}

fn phase_line<'a>(app: &CoachScreen, v: &SessionView, theme: &Theme) -> Line<'a> {
    let reps = app.session.routine().steps.get(v.step).and_then(|s| s.timed()).map_or(1, |t| t.reps);
    let rep = |r: u32| {
        if reps > 1 { format!(" · rep {r} of {reps}") } else { String::new() }
    };
    let mut spans = match v.phase {
        Some(PhaseKind::GetReady) => {
            let first =
                app.session.routine().steps.get(v.step).and_then(|s| s.timed()).and_then(|t| t.sides.first().copied());
            let mut s = vec![Span::styled("GET READY", theme.pause())];
            if let Some(side) = first {
                s.push(Span::raw(format!(" · {} first", leg(side))));
            }
            s
        }
        Some(PhaseKind::Hold { rep: r, side }) => {
            let mut s = vec![Span::styled("HOLD", theme.hold())];
            if let Some(side) = side {
                s.push(Span::styled(format!(" · {}", leg(side)), theme.hold()));
            }
            s.push(Span::raw(rep(r)));
            s
        }
        Some(PhaseKind::Switch { to }) => {
            vec![Span::styled("SWITCH", theme.pause()), Span::raw(format!(" · now the {}", leg(to)))]
        }
        Some(PhaseKind::Rest { next_rep }) => {
            vec![Span::styled("REST", theme.pause()), Span::raw(format!(" · rep {next_rep} of {reps} next"))]
        }
        Some(PhaseKind::Check) => vec![Span::styled("CHECK", theme.hold())],
        None => vec![],
    };
    if v.paused {
        // The key that resumes, from the keymap, while the running keys are the ones in force
        // (under a dialog or the help, the dialog says its own keys).
        let resume = (app.mode == Mode::Running)
            .then(|| app.commands().into_iter().find(|c| c.action == super::keys::Action::Pause && c.enabled))
            .flatten()
            .and_then(|c| c.footer.map(|(k, _)| format!(" ({k} to resume)")))
            .unwrap_or_default();
        spans.push(Span::styled(format!("   ‖ PAUSED{resume}"), theme.pause()));
    }
    Line::from(spans)
}

fn leg(side: Side) -> &'static str {
    match side {
        Side::Left => "LEFT leg",
        Side::Right => "RIGHT leg",
    }
}

/// The running coach's keys, over the coach; the overlay's own keys close it.
fn help(app: &CoachScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    let rows = keymap::help(&keys::running(&app.session));
    let closes: Vec<String> = keymap::footer(&keys::help_overlay()).iter().map(|(k, w)| format!("{k} {w}")).collect();
    keys_help(f, area, theme, &rows, &format!("any of {}", closes.join(" · ")));
}
