//! A night with two different check-ins, one from each of two machines
//! (a sync tool's conflict copy): the form shows both and the user keeps one.
//! Nothing is dropped until they pick; Esc leaves the choice for later.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::form::{CheckinForm, Mode};
use crate::journal::choices::Choice;
use crate::journal::{CheckIn, Record, RecordKey};
use crate::tui::screen::Effect;
use crate::tui::widgets::dialog;

impl CheckinForm {
    /// `1`…`N` keeps that answer (the others are dropped); Esc decides later.
    pub(super) fn contested_key(&mut self, key: KeyEvent) {
        let pick = match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.effects.push(Effect::Close);
                return;
            }
            KeyCode::Esc => {
                self.mode = Mode::Editing;
                self.message = Some("two answers still wait for this night: press Ctrl-R to choose".into());
                return;
            }
            KeyCode::Char(d) => d.to_digit(10).and_then(|d| (d as usize).checked_sub(1)),
            _ => None,
        };
        let Some(chosen) = pick.and_then(|i| self.contested.get(i)).cloned() else { return };
        self.resolving = true;
        self.effects.push(Effect::Resolve { key: RecordKey::Checkin(self.night), keep: Record::Checkin(chosen) });
    }

    /// The pick is written (then the night is read again), or not.
    pub(super) fn resolved(&mut self, result: Result<(), String>) {
        self.resolving = false;
        match result {
            Ok(()) => {
                self.message = Some("kept that answer; the other one is gone".into());
                self.effects.push(Effect::LoadNight(self.night));
            }
            Err(e) => {
                self.mode = Mode::Editing;
                self.message = Some(format!("not settled: {}", crate::text::visible(&e)));
            }
        }
    }
}

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
    let n = form.contested.len();
    lines.push(Line::from(format!("1-{n} keep that answer · Esc decide later")));
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
