//! A night with two different check-ins, one from each of two machines
//! (a sync tool's conflict copy): the dialog that shows both so the user
//! keeps one. Nothing is dropped until they pick (`update.rs`); Esc leaves
//! the choice for later.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::form::CheckinForm;
use super::keys;
use crate::journal::CheckIn;
use crate::journal::choices::Choice;
use crate::tui::widgets::dialog;

/// The two (or more) answers side by side, with the keys that settle them.
pub fn draw(form: &CheckinForm, f: &mut Frame, area: Rect) {
    let mut lines = vec![
        Line::from("This night has two different check-ins, from two machines."),
        Line::from("Keep one (the other is dropped):"),
        Line::from(""),
    ];
    for (i, c) in form.contested.iter().enumerate() {
        // Two lines an answer, so an 80-column terminal shows all of it.
        let (answers, when) = summary(c);
        let standing = if i == 0 { " (shown for now)" } else { "" };
        lines.push(Line::from(format!(" {}  {answers}", i + 1)));
        lines.push(Line::from(format!("    {when}{standing}")));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(keys::footer_text(&keys::contested(form.contested.len()))));
    dialog(f, area, " Two answers ", lines);
}

/// ("2 cramps, worst 7/10 · sleep Poor · rested —", "recorded Tue 24 Nov 07:10 · note \"…\"").
pub fn summary(c: &CheckIn) -> (String, String) {
    let mut parts = vec![match (c.cramps, c.pain) {
        (0, _) => "no cramps".to_string(),
        (n, Some(p)) => format!("{n} cramp{}, worst {p}/10", if n == 1 { "" } else { "s" }),
        (n, None) => format!("{n} cramp{}", if n == 1 { "" } else { "s" }),
    }];
    parts.push(format!("sleep {}", c.quality.map_or("—", |q| q.label())));
    parts.push(format!("rested {}", c.rested.map_or("—", |r| r.label())));
    let mut when = format!("recorded {}", c.recorded.format("%a %d %b %H:%M"));
    if !c.note.is_empty() {
        let note = crate::text::visible(&c.note);
        let short: String = note.chars().take(24).collect();
        let cut = if short.len() < note.len() { "…" } else { "" };
        when.push_str(&format!(" · note \"{short}{cut}\""));
    }
    (parts.join(" · "), when)
}
