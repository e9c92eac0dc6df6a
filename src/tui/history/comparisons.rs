//! The comparisons page of the history screen: every with/without split of
//! `stats`, and a running experiment, as a dot and a whisker on one axis,
//! with the verdict in words beside it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::HistoryScreen;
use super::whisker::{Axis, axis_labels, whisker};
use crate::experiment::analysis::{Status, Verdict as ExpVerdict};
use crate::stats::difference::{Difference, MIN_NIGHTS, Verdict};
use crate::tui::theme::Theme;

const LABEL: usize = 24;
const VERDICT: usize = 22;

struct Row {
    label: String,
    difference: Difference,
    verdict: String,
    /// A verdict that the interval supports (fewer / more).
    clear: bool,
}

fn stats_row(label: String, s: &crate::stats::insights::Split) -> Row {
    let verdict = match s.verdict {
        Verdict::Fewer => "fewer".to_string(),
        Verdict::More => "more".to_string(),
        Verdict::Unclear => "no clear difference".to_string(),
        Verdict::TooFew => format!("too few: {} v {} (<{MIN_NIGHTS})", s.with.nights, s.without.nights),
    };
    Row { label, difference: s.difference, verdict, clear: matches!(s.verdict, Verdict::Fewer | Verdict::More) }
}

fn rows(app: &HistoryScreen) -> Vec<Row> {
    let i = app.insights();
    let mut rows: Vec<Row> = i.routine.iter().map(|w| stats_row(format!("routine, {}", w.window), &w.split)).collect();
    rows.extend(
        i.triggers
            .iter()
            .filter(|t| t.split.with.nights > 0)
            .map(|t| stats_row(format!("after {}", t.label.to_lowercase()), &t.split)),
    );
    rows.push(stats_row("started before 22:30".into(), &i.start_time));
    if let Some((plan, r)) = &app.experiment {
        let word = match r.verdict {
            ExpVerdict::Fewer => "fewer",
            ExpVerdict::More => "more",
            ExpVerdict::Inconclusive => "inconclusive",
            ExpVerdict::TooFew => "too few pairs",
        };
        let verdict = match r.status {
            Status::Finished => word.to_string(),
            Status::Stopped => format!("{word} (stopped)"),
            Status::Running | Status::NotStarted => format!("{word} (interim)"),
        };
        rows.push(Row {
            label: format!("experiment: {}", plan.arm_name(crate::experiment::Arm::A)),
            difference: r.difference,
            verdict,
            clear: matches!(r.verdict, ExpVerdict::Fewer | ExpVerdict::More),
        });
    }
    rows
}

fn fit(s: &str, n: usize) -> String {
    let s: String = crate::text::visible(s).chars().take(n).collect();
    format!("{s:<n$}")
}

pub fn render(app: &HistoryScreen, theme: &Theme, f: &mut Frame, area: Rect) {
    let rows = rows(app);
    let width = (area.width as usize).saturating_sub(LABEL + VERDICT + 2).max(10);
    let axis = Axis::fit(rows.iter().map(|r| &r.difference));
    let mut lines = vec![
        Line::styled(
            "Cramps a night, with minus without: ● estimate, ├─┤ 95% interval, ┆ no difference",
            theme.title(),
        ),
        Line::from(""),
    ];
    for r in &rows {
        let style = if r.clear { theme.text() } else { theme.dim() };
        lines.push(Line::from(vec![
            Span::raw(fit(&r.label, LABEL)),
            Span::styled(whisker(&r.difference, axis, width), style),
            Span::raw("  "),
            Span::styled(fit(&r.verdict, VERDICT), style),
        ]));
    }
    lines.push(Line::from(vec![Span::raw(" ".repeat(LABEL)), Span::styled(axis_labels(axis, width), theme.dim())]));
    if let Some((_, r)) = &app.experiment {
        let mut facts = Vec::new();
        if let (Some(p), Some(min)) = (r.randomisation_p, r.smallest_possible_p) {
            facts.push(format!("p = {p:.3} (lowest possible {min:.3})"));
        }
        facts.push(format!("{} missing", r.missing_checkins.len()));
        facts.push(format!("{} deviations", r.deviations.len()));
        lines.push(Line::styled(
            format!("Experiment: {}; details: winddown experiment result", facts.join(" · ")),
            theme.dim(),
        ));
    }
    lines.push(Line::from(""));
    // One line, wrapped to the width (two fixed lines broke mid-sentence on a narrow screen).
    lines.push(Line::styled(
        "Observed nights, not an experiment: other things differ between them. About 1 in 20 \
         comparisons shows a difference by chance. A fair test: winddown experiment start.",
        theme.dim(),
    ));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
