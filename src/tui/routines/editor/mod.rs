//! The in-app routine editor (Routines tab, Enter): steps in a list, values
//! changed with +/- or typed, steps moved, added from a palette, deleted and
//! undone; saved with toml_edit so the user's comments survive. Validation
//! runs on every change and an invalid routine cannot be saved.

use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, List, ListItem, ListState, Paragraph};
use ratatui_textarea::TextArea;

use crate::routine::edit::{PALETTE, RoutineDoc, StepField};
use crate::routine::plan::{format_duration, total_time};
use crate::routine::{Routine, StepKind};
use crate::tui::screen::Effect;
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

const FIELDS: [StepField; 6] =
    [StepField::Hold, StepField::Reps, StepField::Sides, StepField::Rest, StepField::GetReady, StepField::Optional];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prompt {
    Rename,
    Value,
}

pub struct EditorState {
    pub doc: RoutineDoc,
    /// Where the routine is saved (a built-in is saved into the user folder).
    pub path: PathBuf,
    pub step: usize,
    pub field: usize,
    prompt: Option<(Prompt, TextArea<'static>)>,
    palette: Option<usize>,
    confirm_delete: bool,
    confirm_discard: bool,
    pub message: Option<String>,
    /// The last valid routine, for the values shown while the text is invalid.
    last_valid: Option<Routine>,
}

impl EditorState {
    pub fn new(doc: RoutineDoc, path: PathBuf) -> EditorState {
        let last_valid = doc.validate().ok();
        EditorState {
            doc,
            path,
            step: 0,
            field: 0,
            prompt: None,
            palette: None,
            confirm_delete: false,
            confirm_discard: false,
            message: None,
            last_valid,
        }
    }

    fn current(&self) -> Option<Routine> {
        self.doc.validate().ok().or_else(|| self.last_valid.clone())
    }

    fn after_change(&mut self) {
        if let Ok(r) = self.doc.validate() {
            self.last_valid = Some(r);
        }
        self.step = self.step.min(self.doc.step_count().saturating_sub(1));
    }

    /// A key; `Effect::Close` asks the Routines tab to close the editor,
    /// `Effect::WriteFile` to save it (answered with [`EditorState::saved`]).
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.message = None;
        if let Some((kind, text)) = &mut self.prompt {
            match key.code {
                KeyCode::Esc => self.prompt = None,
                KeyCode::Enter => {
                    let value = text.lines().join("").trim().to_string();
                    let kind = *kind;
                    self.prompt = None;
                    self.apply_typed(kind, &value);
                }
                _ => {
                    text.input(key);
                }
            }
            return Vec::new();
        }
        if let Some(cursor) = &mut self.palette {
            match key.code {
                KeyCode::Up => *cursor = (*cursor + PALETTE.len() - 1) % PALETTE.len(),
                KeyCode::Down => *cursor = (*cursor + 1) % PALETTE.len(),
                KeyCode::Enter => {
                    let t = PALETTE[*cursor];
                    self.palette = None;
                    self.doc.add_step(&t);
                    self.step = self.doc.step_count().saturating_sub(1);
                    self.after_change();
                }
                _ => self.palette = None,
            }
            return Vec::new();
        }
        if self.confirm_delete {
            self.confirm_delete = false;
            if key.code == KeyCode::Char('y') {
                self.doc.delete_step(self.step);
                self.after_change();
            }
            return Vec::new();
        }
        if self.confirm_discard {
            self.confirm_discard = false;
            return if key.code == KeyCode::Char('y') { vec![Effect::Close] } else { Vec::new() };
        }
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        let n = self.doc.step_count().max(1);
        match key.code {
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => return self.save(),
            KeyCode::Up if shift => self.move_step(-1),
            KeyCode::Down if shift => self.move_step(1),
            KeyCode::Char('K') => self.move_step(-1),
            KeyCode::Char('J') => self.move_step(1),
            KeyCode::Up | KeyCode::Char('k') => self.step = (self.step + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.step = (self.step + 1) % n,
            KeyCode::Left | KeyCode::Char('h') => self.field = (self.field + FIELDS.len() - 1) % FIELDS.len(),
            KeyCode::Right | KeyCode::Char('l') => self.field = (self.field + 1) % FIELDS.len(),
            KeyCode::Char('+') | KeyCode::Char('=') => self.adjust(1),
            KeyCode::Char('-') => self.adjust(-1),
            KeyCode::Enter => {
                let mut t = TextArea::default();
                t.set_placeholder_text("a value like 45s, 1m 30s, 3 or left,right");
                self.prompt = Some((Prompt::Value, t));
            }
            KeyCode::Char('t') => {
                let title =
                    self.current().and_then(|r| r.steps.get(self.step).map(|s| s.title.clone())).unwrap_or_default();
                self.prompt = Some((Prompt::Rename, TextArea::new(vec![title])));
            }
            KeyCode::Char('a') => self.palette = Some(0),
            KeyCode::Char('x') | KeyCode::Delete => self.confirm_delete = self.doc.step_count() > 0,
            KeyCode::Char('u') => {
                if self.doc.undo() {
                    self.after_change();
                } else {
                    self.message = Some("nothing to undo".into());
                }
            }
            KeyCode::Esc | KeyCode::Char('q') => {
                if self.doc.changed() {
                    self.confirm_discard = true;
                } else {
                    return vec![Effect::Close];
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn move_step(&mut self, by: isize) {
        if self.doc.move_step(self.step, by) {
            self.step = (self.step as isize + by) as usize;
            self.after_change();
        }
    }

    /// +/-: hold by 5 s, pauses by 1 s, reps by 1; sides cycle; optional toggles.
    fn adjust(&mut self, by: i64) {
        let Some(r) = self.current() else { return };
        let Some(step) = r.steps.get(self.step) else { return };
        let StepKind::Timed(t) = &step.kind else {
            if FIELDS[self.field] == StepField::Optional {
                self.doc.set_optional(self.step, !step.optional);
                self.after_change();
            } else {
                self.message = Some("a check step has no timings".into());
            }
            return;
        };
        let nudge = |d: Duration, unit: u64| {
            let secs = (d.as_secs() as i64 + by * unit as i64).max(0) as u64;
            Duration::from_secs(secs)
        };
        match FIELDS[self.field] {
            StepField::Hold => self.doc.set_duration(self.step, "hold", nudge(t.hold, 5)),
            StepField::Rest => self.doc.set_duration(self.step, "rest", nudge(t.rest, 1)),
            StepField::GetReady => self.doc.set_duration(self.step, "get_ready", nudge(t.get_ready, 1)),
            StepField::Reps => self.doc.set_reps(self.step, (t.reps as i64 + by).clamp(1, 20) as u32),
            StepField::Sides => {
                let names: Vec<&str> = t.sides.iter().map(|s| s.as_str()).collect();
                let cycle: [&[&str]; 4] = [&["left", "right"], &["left"], &["right"], &[]];
                let i = cycle.iter().position(|c| *c == names.as_slice()).unwrap_or(0);
                let next = (i as i64 + by).rem_euclid(4) as usize;
                self.doc.set_sides(self.step, cycle[next]);
            }
            StepField::Optional => self.doc.set_optional(self.step, !step.optional),
        }
        self.after_change();
    }

    fn apply_typed(&mut self, kind: Prompt, value: &str) {
        match kind {
            Prompt::Rename => self.doc.set_title(self.step, value),
            Prompt::Value => match FIELDS[self.field] {
                StepField::Hold | StepField::Rest | StepField::GetReady => match humantime::parse_duration(value) {
                    Ok(d) => {
                        let key = match FIELDS[self.field] {
                            StepField::Hold => "hold",
                            StepField::Rest => "rest",
                            _ => "get_ready",
                        };
                        self.doc.set_duration(self.step, key, d);
                    }
                    Err(_) => self.message = Some(format!("\"{value}\" is not a duration like 45s or 1m 30s")),
                },
                StepField::Reps => match value.parse::<u32>() {
                    Ok(n) => self.doc.set_reps(self.step, n),
                    Err(_) => self.message = Some(format!("\"{value}\" is not a whole number")),
                },
                StepField::Sides => {
                    let sides: Vec<&str> = value.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).collect();
                    self.doc.set_sides(self.step, &sides);
                }
                StepField::Optional => self.doc.set_optional(self.step, matches!(value, "yes" | "y" | "true")),
            },
        }
        self.after_change();
    }

    /// Ctrl-S: asks for the file to be written when the routine is valid.
    fn save(&mut self) -> Vec<Effect> {
        if let Err(errs) = self.doc.validate() {
            self.message = Some(format!("not saved: {}", errs[0].headline()));
            return Vec::new();
        }
        vec![Effect::WriteFile { path: self.path.clone(), bytes: self.doc.text().into_bytes() }]
    }

    /// The save asked for is done (or failed).
    pub fn saved(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.doc.mark_saved();
                self.message = Some(format!("saved {}", self.path.display()));
            }
            Err(e) => self.message = Some(format!("not saved: {e}")),
        }
    }

    pub fn render(&self, theme: &Theme, f: &mut Frame, area: Rect) {
        let title = format!(" Editing {} {}", self.doc.id, if self.doc.changed() { "(unsaved) " } else { "" });
        let block = Block::bordered().border_type(BorderType::Rounded).title(Line::styled(title, theme.title()));
        let inner = block.inner(area);
        f.render_widget(Clear, area);
        f.render_widget(block, area);
        let keys = crate::tui::widgets::keys_lines(theme, &KEYS, inner.width);
        let [head, list_area, status, keys_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(2),
            Constraint::Length(keys.len() as u16),
        ])
        .areas(inner);
        let validation = self.doc.validate();
        let routine = self.current();
        // The columns: the step's number and title, then one column per field under its header.
        let title_w =
            usize::from(inner.width).saturating_sub(2 + 4 + 1 + COLUMNS.iter().map(|(_, w)| w + 1).sum::<usize>());
        let title_w = title_w.clamp(12, 32);
        let mut header = vec![Span::styled(format!("{:<w$}", "      step", w = 2 + 4 + title_w), theme.dim())];
        for (name, w) in COLUMNS {
            header.push(Span::styled(format!(" {name:<w$}"), theme.dim().add_modifier(Modifier::BOLD)));
        }
        f.render_widget(Line::from(header), head);
        let items: Vec<ListItem> = routine
            .iter()
            .flat_map(|r| r.steps.iter().enumerate())
            .map(|(i, s)| {
                let title = crate::tui::widgets::ellipsis(&crate::text::visible(&s.title), title_w);
                let mut spans = vec![Span::raw(format!("{:>2}. {title:<title_w$}", i + 1))];
                let values: Vec<(StepField, String)> = match &s.kind {
                    StepKind::Check => vec![
                        (StepField::Hold, "check".into()),
                        (StepField::Reps, String::new()),
                        (StepField::Sides, String::new()),
                        (StepField::Rest, String::new()),
                        (StepField::GetReady, String::new()),
                        (StepField::Optional, opt(s.optional)),
                    ],
                    StepKind::Timed(t) => vec![
                        (StepField::Hold, format_duration(t.hold)),
                        (StepField::Reps, format!("×{}", t.reps)),
                        (StepField::Sides, sides(&t.sides)),
                        (StepField::Rest, format_duration(t.rest)),
                        (StepField::GetReady, format_duration(t.get_ready)),
                        (StepField::Optional, opt(s.optional)),
                    ],
                };
                for ((field, text), (_, w)) in values.into_iter().zip(COLUMNS) {
                    let on = i == self.step && FIELDS[self.field] == field && !text.is_empty();
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(format!("{text:<w$}"), if on { theme.flash() } else { theme.text() }));
                }
                ListItem::new(Line::from(spans))
            })
            .collect();
        let mut state = ListState::default();
        state.select(Some(self.step));
        f.render_stateful_widget(List::new(items).highlight_symbol("▸ "), list_area, &mut state);
        let status_lines = vec![
            match &validation {
                Ok(r) => Line::styled(
                    format!("valid · {} steps · {} in all", r.steps.len(), format_duration(total_time(r))),
                    theme.hold(),
                ),
                Err(errs) => Line::styled(format!("invalid, cannot save: {}", errs[0].message), theme.warn()),
            },
            match &self.message {
                Some(m) => Line::styled(m.clone(), theme.pause()),
                None => Line::from(""),
            },
        ];
        f.render_widget(Paragraph::new(status_lines), status);
        f.render_widget(Paragraph::new(keys), keys_area);
        if let Some((kind, text)) = &self.prompt {
            let rect = centered(area, 50, 3);
            f.render_widget(Clear, rect);
            let title = if *kind == Prompt::Rename { " Step title " } else { " Value (Enter to set, Esc to cancel) " };
            let b = Block::bordered().title(title);
            let inner = b.inner(rect);
            f.render_widget(b, rect);
            f.render_widget(text, inner);
        }
        if let Some(cursor) = self.palette {
            let items: Vec<ListItem> = PALETTE
                .iter()
                .map(|t| ListItem::new(format!("{}{}", t.title, if t.hold.is_none() { "  (check)" } else { "" })))
                .collect();
            let rect = centered(area, 46, PALETTE.len() as u16 + 2);
            f.render_widget(Clear, rect);
            let mut state = ListState::default();
            state.select(Some(cursor));
            f.render_stateful_widget(
                List::new(items).highlight_style(theme.flash()).block(Block::bordered().title(" Add a step (Enter) ")),
                rect,
                &mut state,
            );
        }
        let ask = if self.confirm_delete {
            Some("Delete this step? y / any other key")
        } else if self.confirm_discard {
            Some("Discard unsaved changes? y / any other key")
        } else {
            None
        };
        if let Some(q) = ask {
            let rect = centered(area, q.len() as u16 + 4, 3);
            f.render_widget(Clear, rect);
            f.render_widget(Paragraph::new(q).block(Block::bordered()), rect);
        }
    }
}

/// The editor's keys, wrapped between hints.
const KEYS: [(&str, &str); 11] = [
    ("↑↓", "step"),
    ("←→", "field"),
    ("+/-", "change"),
    ("Enter", "type a value"),
    ("t", "title"),
    ("J/K or Shift-↑↓", "move"),
    ("a", "add"),
    ("x", "delete"),
    ("u", "undo"),
    ("Ctrl-S", "save"),
    ("Esc", "close"),
];

/// The value columns in the order of `FIELDS`: header and width.
const COLUMNS: [(&str, usize); 6] = [("hold", 6), ("reps", 4), ("sides", 5), ("rest", 6), ("ready", 6), ("need", 8)];

fn opt(optional: bool) -> String {
    if optional { "optional".into() } else { "required".into() }
}

fn sides(s: &[crate::routine::Side]) -> String {
    match s {
        [] => "no sides".into(),
        list => {
            list.iter().map(|s| if *s == crate::routine::Side::Left { "L" } else { "R" }).collect::<Vec<_>>().join("+")
        }
    }
}
