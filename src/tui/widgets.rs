//! Small drawing helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::theme::Theme;

/// A `width`×`height` rectangle centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// The message shown instead of a layout that cannot fit.
pub fn too_small(f: &mut Frame, area: Rect, min_w: u16, min_h: u16, theme: &Theme) {
    let lines = vec![
        Line::styled("Make the window larger", theme.pause()),
        Line::from(format!("{}×{} now, {min_w}×{min_h} needed", area.width, area.height)),
        Line::styled("q or Esc quits", theme.dim()),
    ];
    let rect = Rect { y: area.y + area.height.saturating_sub(3) / 2, height: area.height.min(3), ..area };
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }), rect);
}

/// The footer's keys as fit `width`: the first ones in order, and `? help`
/// always (the help tells the rest).
pub fn keys_fitted<'a>(theme: &Theme, keys: &[(&'a str, &'a str)], width: u16) -> Line<'a> {
    let cols = |(k, what): &(&str, &str)| Span::raw(*k).width() + 1 + Span::raw(*what).width();
    const GAP: usize = 3; // " · "
    let total: usize = keys.iter().map(cols).sum::<usize>() + GAP * keys.len().saturating_sub(1);
    let width = usize::from(width);
    if total <= width {
        return keys_line(theme, keys);
    }
    let help = keys.iter().find(|(k, _)| *k == "?").copied();
    let mut room = width.saturating_sub(help.map_or(0, |h| cols(&h) + GAP));
    let mut kept = Vec::new();
    for item in keys.iter().filter(|(k, _)| *k != "?") {
        let need = cols(item) + if kept.is_empty() { 0 } else { GAP };
        if need > room {
            break;
        }
        room -= need;
        kept.push(*item);
    }
    kept.extend(help);
    keys_line(theme, &kept)
}

/// "Enter start · q quit": keys in the key style, what they do in plain text.
pub fn keys_line<'a>(theme: &Theme, keys: &[(&'a str, &'a str)]) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, (k, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(*k, theme.key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}

/// A bordered box of `lines` centred over `area`.
pub fn dialog(f: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let width = lines.iter().map(|l| l.width() as u16).max().unwrap_or(20) + 4;
    let rect = centered(area, width.min(area.width), (lines.len() as u16 + 2).min(area.height));
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().border_type(BorderType::Rounded).title(title.to_string())),
        rect,
    );
}

/// The frame every full screen uses: a rounded border with the screen's title
/// on the left and its main keys on the right. Returns the inside, or `None`
/// after drawing the "make the window larger" message when `f` is smaller
/// than `min` (columns, rows).
pub fn screen_frame(f: &mut Frame, theme: &Theme, title: &str, keys: &str, min: (u16, u16)) -> Option<Rect> {
    let area = f.area();
    if area.width < min.0 || area.height < min.1 {
        too_small(f, area, min.0, min.1, theme);
        return None;
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(format!(" {title} "), theme.title()))
        .title(Line::from(format!(" {keys} ")).right_aligned());
    let inner = block.inner(area).inner(ratatui::layout::Margin { horizontal: 1, vertical: 0 });
    f.render_widget(block, area);
    Some(inner)
}

/// The `?` overlay: each key beside what it does, and how to close it.
pub fn keys_help(f: &mut Frame, area: Rect, theme: &Theme, rows: &[(&str, &str)], closes: &str) {
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).max(8);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(k, what)| Line::from(vec![Span::styled(format!("{k:>width$}  "), theme.key()), Span::raw(*what)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(closes.to_string(), theme.dim()));
    dialog(f, area, " Keys ", lines);
}

/// `text` cut to `width` columns, ending in "…" when anything was cut.
pub fn ellipsis(text: &str, width: usize) -> String {
    let cols = |s: &str| Span::raw(s).width();
    if cols(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = cols(ch.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    // No word stub before the ellipsis if a space is near: "about 5 minu…"
    // reads worse than "about 5…".
    let mid_word = text[out.len()..].starts_with(|c: char| !c.is_whitespace());
    if let Some(cut) = out.rfind(' ').filter(|&i| mid_word && cols(&out[i..]) <= 8) {
        out.truncate(cut);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if width > 0 {
        out.push('…');
    }
    out
}

/// Key hints wrapped to `width` at their separators: a key and what it does
/// stay together on one line, and a line never starts with " · ".
pub fn keys_lines<'a>(theme: &Theme, keys: &[(&'a str, &'a str)], width: u16) -> Vec<Line<'a>> {
    let mut lines = vec![Line::default()];
    for (k, what) in keys {
        let item = Span::raw(*k).width() + 1 + Span::raw(*what).width();
        let line = lines.last_mut().expect("one line at least");
        let used = line.width();
        if used > 0 && used + 3 + item > usize::from(width) {
            lines.push(Line::default());
        }
        let line = lines.last_mut().expect("one line at least");
        if line.width() > 0 {
            line.spans.push(Span::styled(" · ", theme.dim()));
        }
        line.spans.push(Span::styled(*k, theme.key()));
        line.spans.push(Span::raw(format!(" {what}")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(ellipsis("short", 10), "short");
        assert_eq!(
            ellipsis("a glass of water, feet supported: about 5 minutes", 40),
            "a glass of water, feet supported: about…"
        );
        assert_eq!(ellipsis("abcdefghij", 5), "abcd…");
        assert!(Span::raw(ellipsis("日本語のテキストです", 7)).width() <= 7);
    }

    #[test]
    fn hints_wrap_between_keys_never_inside_one() {
        let theme = Theme::plain();
        let keys = [("↑↓", "step"), ("Enter", "type a value"), ("J/K or Shift-↑↓", "move"), ("Ctrl-S", "save")];
        let lines = keys_lines(&theme, &keys, 30);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for l in &text {
            assert!(l.chars().count() <= 30 && !l.starts_with(" ·") && !l.ends_with("· "), "{text:?}");
        }
        assert_eq!(text[0], "↑↓ step · Enter type a value");
        assert_eq!(text[1], "J/K or Shift-↑↓ move");
        assert_eq!(text[2], "Ctrl-S save");
    }

    #[test]
    fn a_footer_too_long_keeps_its_first_keys_and_the_help() {
        let theme = Theme::new(false);
        let keys = [("↑↓", "pick"), ("Enter", "edit"), ("e", "$EDITOR"), ("r", "reload"), ("?", "help")];
        let text = |w| keys_fitted(&theme, &keys, w).to_string();
        assert_eq!(text(80), "↑↓ pick · Enter edit · e $EDITOR · r reload · ? help");
        assert_eq!(text(41), "↑↓ pick · Enter edit · e $EDITOR · ? help");
        assert_eq!(text(40), "↑↓ pick · Enter edit · ? help");
        assert_eq!(text(20), "↑↓ pick · ? help");
    }
}
