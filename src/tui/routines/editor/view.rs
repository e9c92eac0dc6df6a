//! Drawing the editor: the steps with a column per value, whether the
//! routine is valid, the keys of the mode it is in (from its command list),
//! and the dialog of that mode over it (a value, the palette, a question, the help).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, List, ListItem, ListState, Paragraph};

use super::{EditorState, FIELDS, Mode, Prompt};
use crate::routine::edit::PALETTE;
use crate::routine::plan::{format_duration, total_time};
use crate::routine::{Side, Step, StepKind};
use crate::text::visible;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, ellipsis, keys_help, keys_line, keys_lines};

/// The value columns in the order of `FIELDS`: header and width.
const COLUMNS: [(&str, usize); 6] = [("hold", 6), ("reps", 4), ("sides", 5), ("rest", 6), ("ready", 6), ("need", 8)];

pub fn render(editor: &EditorState, theme: &Theme, f: &mut Frame, area: Rect) {
    let title =
        format!(" Editing {} {}", visible(&editor.doc.id), if editor.doc.changed() { "(unsaved) " } else { "" });
    let block = Block::bordered().border_type(BorderType::Rounded).title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    f.render_widget(Clear, area);
    f.render_widget(block, area);
    let commands = editor.commands();
    let hints = keymap::footer(&commands);
    let keys = keys_lines(theme, &hints, inner.width);
    let [head, list_area, status, keys_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(keys.len() as u16),
    ])
    .areas(inner);
    // The columns: the step's number and title, then one column per field under its header.
    let title_w =
        usize::from(inner.width).saturating_sub(2 + 4 + 1 + COLUMNS.iter().map(|(_, w)| w + 1).sum::<usize>());
    let title_w = title_w.clamp(12, 32);
    let mut header = vec![Span::styled(format!("{:<w$}", "      step", w = 2 + 4 + title_w), theme.dim())];
    for (name, w) in COLUMNS {
        header.push(Span::styled(format!(" {name:<w$}"), theme.dim().add_modifier(Modifier::BOLD)));
    }
    f.render_widget(Line::from(header), head);
    let routine = editor.current();
    let items: Vec<ListItem> = routine
        .iter()
        .flat_map(|r| r.steps.iter().enumerate())
        .map(|(i, s)| step_row(editor, theme, i, s, title_w))
        .collect();
    let mut state = ListState::default();
    state.select(Some(editor.step));
    f.render_stateful_widget(List::new(items).highlight_symbol("▸ "), list_area, &mut state);
    let status_lines = vec![
        match editor.doc.validate() {
            Ok(r) => Line::styled(
                format!("valid · {} steps · {} in all", r.steps.len(), format_duration(total_time(&r))),
                theme.hold(),
            ),
            Err(errs) => Line::styled(format!("invalid, cannot save: {}", visible(&errs[0].message)), theme.warn()),
        },
        match &editor.message {
            Some(m) => Line::styled(visible(m).into_owned(), theme.pause()),
            None => Line::from(""),
        },
    ];
    f.render_widget(Paragraph::new(status_lines), status);
    f.render_widget(Paragraph::new(keys), keys_area);
    match &editor.mode {
        Mode::Steps => {}
        Mode::Prompt(kind, text) => {
            let rect = centered(area, 50, 3);
            f.render_widget(Clear, rect);
            let title = if *kind == Prompt::Rename { " Step title " } else { " Value " };
            let b = Block::bordered().title(title).title_bottom(keys_line(theme, &hints).right_aligned());
            let inner = b.inner(rect);
            f.render_widget(b, rect);
            f.render_widget(&**text, inner);
        }
        Mode::Palette(cursor) => {
            let items: Vec<ListItem> = PALETTE
                .iter()
                .map(|t| ListItem::new(format!("{}{}", t.title, if t.hold.is_none() { "  (check)" } else { "" })))
                .collect();
            let rect = centered(area, 46, PALETTE.len() as u16 + 2);
            f.render_widget(Clear, rect);
            let mut state = ListState::default();
            state.select(Some(*cursor));
            let block = Block::bordered().title(" Add a step ").title_bottom(keys_line(theme, &hints).right_aligned());
            f.render_stateful_widget(List::new(items).highlight_style(theme.flash()).block(block), rect, &mut state);
        }
        Mode::Confirm(question) => {
            let mut line = keys_line(theme, &hints);
            line.spans.insert(0, Span::raw(format!("{}  ", question.text())));
            let rect = centered(area, line.width() as u16 + 4, 3);
            f.render_widget(Clear, rect);
            f.render_widget(Paragraph::new(line).block(Block::bordered()), rect);
        }
    }
    if editor.help {
        keys_help(f, area, theme, &keymap::help(&commands), "any key closes this");
    }
}

/// One step: its number and title, then its values under their headers,
/// the value the cursor is on highlighted.
fn step_row<'a>(editor: &EditorState, theme: &Theme, i: usize, s: &Step, title_w: usize) -> ListItem<'a> {
    let title = ellipsis(&visible(&s.title), title_w);
    let mut spans = vec![Span::raw(format!("{:>2}. {title:<title_w$}", i + 1))];
    let values: [String; 6] = match &s.kind {
        StepKind::Check => {
            ["check".into(), String::new(), String::new(), String::new(), String::new(), need(s.optional)]
        }
        StepKind::Timed(t) => [
            format_duration(t.hold),
            format!("×{}", t.reps),
            sides(&t.sides),
            format_duration(t.rest),
            format_duration(t.get_ready),
            need(s.optional),
        ],
    };
    for ((field, text), (_, w)) in FIELDS.iter().zip(values).zip(COLUMNS) {
        let on = i == editor.step && FIELDS[editor.field] == *field && !text.is_empty();
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!("{text:<w$}"), if on { theme.flash() } else { theme.text() }));
    }
    ListItem::new(Line::from(spans))
}

fn need(optional: bool) -> String {
    if optional { "optional".into() } else { "required".into() }
}

fn sides(s: &[Side]) -> String {
    match s {
        [] => "no sides".into(),
        list => list.iter().map(|s| if *s == Side::Left { "L" } else { "R" }).collect::<Vec<_>>().join("+"),
    }
}
