//! The list of routines both the Tonight and the Routines tab show: name,
//! total time, steps, the default marked with a star, invalid ones said so.

use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use crate::routine::Library;
use crate::routine::plan::{format_duration, total_time};
use crate::tui::theme::Theme;

/// The list with `selected` highlighted.
pub fn routine_list<'a>(library: &'a Library, default: &str, theme: &Theme, selected: usize) -> (List<'a>, ListState) {
    let items: Vec<ListItem> = library
        .entries
        .iter()
        .map(|e| {
            let default = if e.id == default { " ★" } else { "" };
            match &e.routine {
                Ok(r) => ListItem::new(Line::from(vec![
                    Span::raw(format!("{:<17}", crate::text::visible(&e.id))),
                    Span::styled(format!("{:>7} {:>2}", format_duration(total_time(r)), r.steps.len()), theme.dim()),
                    Span::styled(default, theme.key()),
                ])),
                Err(_) => ListItem::new(Line::from(vec![
                    Span::raw(format!("{:<17}", crate::text::visible(&e.id))),
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
