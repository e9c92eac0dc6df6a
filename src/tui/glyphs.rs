//! Plain terminals: with `TERM=dumb`, or a locale that is not UTF-8
//! (`LANG=C`), every screen is shown in ASCII. The screens draw as usual; the
//! finished frame goes through this one table (frames, marks, blocks of the
//! large digits, arrows), so no view needs a second way of drawing.

use ratatui::buffer::Buffer;

/// Whether the terminal wants plain ASCII, judged from the environment.
pub fn plain_from_env() -> bool {
    plain(|name| std::env::var(name).ok())
}

/// `TERM=dumb`, or the locale in effect (the first set of `LC_ALL`,
/// `LC_CTYPE`, `LANG`) is not UTF-8. No locale at all keeps Unicode.
pub fn plain(var: impl Fn(&str) -> Option<String>) -> bool {
    if var("TERM").is_some_and(|t| t == "dumb") {
        return true;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].into_iter().find_map(|name| var(name).filter(|v| !v.is_empty()));
    locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        !(l.contains("utf-8") || l.contains("utf8"))
    })
}

/// The ASCII stand-in for one cell's symbol.
pub fn ascii(symbol: &str) -> &str {
    if symbol.is_ascii() {
        return symbol;
    }
    match symbol {
        // Frames.
        "─" | "━" | "═" | "—" | "–" | "‐" => "-",
        "│" | "┃" | "║" => "|",
        "╭" | "╮" | "╰" | "╯" | "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => "+",
        // Marks.
        "✓" | "✔" => "v",
        "½" => "/",
        "·" | "…" => ".",
        "•" => "*",
        "○" => "o",
        "●" => "*",
        "★" => "*",
        "▸" | "▶" | "→" | "»" => ">",
        "◀" | "←" | "«" => "<",
        "↑" => "^",
        "↓" => "v",
        "×" => "x",
        // Shades and blocks (cramp pain, gauges, the large digits).
        "░" => "-",
        "▒" => "=",
        "▓" | "█" | "▉" | "▊" | "▋" | "▇" | "▆" => "#",
        "▁" | "▂" | "▃" => "_",
        "▅" => "=",
        "▄" | "▌" | "▍" | "▎" | "▏" | "▐" | "▀" | "▔" | "▕" => "#",
        "▖" | "▗" | "▘" | "▝" => ".",
        "▙" | "▚" | "▛" | "▜" | "▞" | "▟" => "#",
        // Anything else (a name in another script) cannot be shown here.
        _ => "?",
    }
}

/// The last guard before a frame reaches the terminal: a cell holding a
/// control character or an invisible bidirectional override (from a note, a
/// routine name, an import) shows `?` instead. Views already pass user text
/// through `text::visible`; this catches anything drawn without it.
pub fn no_raw_controls(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(|c| c.is_control() || crate::text::is_bidi_control(c)) {
            cell.set_symbol("?");
        }
    }
}

/// Replaces every non-ASCII symbol of a drawn frame.
pub fn to_ascii(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let symbol = cell.symbol();
        if !symbol.is_ascii() {
            let plain = ascii(symbol).to_string();
            cell.set_symbol(&plain);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn which_terminals_are_plain() {
        assert!(plain(env(&[("TERM", "dumb"), ("LANG", "en_US.UTF-8")])));
        assert!(plain(env(&[("TERM", "xterm"), ("LANG", "C")])));
        assert!(plain(env(&[("LC_ALL", "POSIX"), ("LANG", "en_US.UTF-8")])));
        assert!(plain(env(&[("LANG", "de_DE.ISO-8859-1")])));
        assert!(!plain(env(&[("TERM", "xterm"), ("LANG", "C.UTF-8")])));
        assert!(!plain(env(&[("LC_ALL", ""), ("LANG", "en_GB.utf8")])));
        assert!(!plain(env(&[("TERM", "xterm")])), "no locale at all keeps Unicode");
    }

    #[test]
    fn no_control_or_bidi_override_reaches_the_terminal() {
        use ratatui::layout::Rect;
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "ab\u{202E}cd\u{2066}e", ratatui::style::Style::default());
        buf[(1, 0)].set_symbol("\u{1b}");
        no_raw_controls(&mut buf);
        let shown: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(!shown.chars().any(|c| c.is_control() || crate::text::is_bidi_control(c)), "{shown:?}");
        assert!(shown.starts_with("a?"), "{shown:?}");
    }

    #[test]
    fn the_table_is_ascii() {
        for s in ["╭", "─", "✓", "½", "░", "▓", "█", "▟", "◀", "★", "é", "→", "—"] {
            assert!(ascii(s).is_ascii() && ascii(s).len() == 1, "{s}");
        }
        assert_eq!(ascii("abc"), "abc");
    }
}
