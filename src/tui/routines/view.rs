//! Drawing the Routines tab's body: the list and a preview of the routine
//! under the cursor (or the in-app editor), and the naming dialog over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::RoutinesTab;
use crate::config::Config;
use crate::routine::plan::{format_duration, total_time};
use crate::tui::home_data::HomeData;
use crate::tui::routine_list::routine_list;
use crate::tui::theme::Theme;
use crate::tui::widgets::centered;

pub fn render(tab: &RoutinesTab, data: &HomeData, config: &Config, theme: &Theme, f: &mut Frame, area: Rect) {
    if let Some(editor) = &tab.editor {
        return super::editor::view::render(editor, theme, f, area);
    }
    let [left, right] = Layout::horizontal([Constraint::Length(34), Constraint::Min(20)]).areas(area);
    let cursor = tab.cursor.min(data.library.entries.len().saturating_sub(1));
    let (list, mut state) = routine_list(&data.library, &config.default_routine, theme, cursor);
    f.render_stateful_widget(list.block(Block::bordered().title(" Routines ")), left, &mut state);
    let mut lines = Vec::new();
    if let Some(e) = data.library.entries.get(cursor) {
        lines.push(Line::styled(e.origin.describe(), theme.dim()));
        match &e.routine {
            Ok(r) => {
                lines.push(Line::styled(crate::text::visible(&r.name).into_owned(), theme.title()));
                lines.push(Line::from(crate::text::visible(&r.summary).into_owned()));
                lines.push(Line::from(format!(
                    "{} steps, {} of holds and pauses",
                    r.steps.len(),
                    format_duration(total_time(r))
                )));
                for (i, s) in r.steps.iter().enumerate() {
                    lines.push(Line::from(format!(" {}. {}", i + 1, crate::text::visible(&s.title))));
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
    if let Some(folder) = &data.library.folder_error {
        lines.push(Line::styled(folder.clone(), theme.warn()));
    }
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(Block::bordered().title(" Preview ")),
        right,
    );
}

/// The dialog for the name of a new copy, over the whole screen.
pub fn overlays(tab: &RoutinesTab, theme: &Theme, f: &mut Frame, area: Rect) {
    if let Some(name) = &tab.naming {
        let rect = centered(area, 50, 3);
        f.render_widget(Clear, rect);
        let keys = crate::tui::keymap::footer(&tab.commands());
        let block = Block::bordered()
            .title(" New copy: name ")
            .title_bottom(crate::tui::widgets::keys_line(theme, &keys).right_aligned());
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        f.render_widget(name, inner);
    }
}
