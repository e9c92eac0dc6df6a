//! The one rule for showing text that came from a user, a file or an import:
//! control characters are made visible, so nothing reaches a terminal (or a
//! log, or a spreadsheet) as a control sequence. The stored data keeps what
//! the user typed; only what is shown goes through here.

use std::borrow::Cow;

/// `s` with every control character made visible: C0 controls and DEL in
/// caret notation (`ESC` → `^[`, newline → `^J`, DEL → `^?`), C1 controls and
/// the invisible bidirectional overrides as `<U+XXXX>`. Text without any of
/// them is returned as it is, without a copy.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`visible`], but keeps newlines (for multi-line text such as a
/// diagnostic's quoted lines); other controls are still made visible.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && needs_escape(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' { out.push('\n') } else { push_visible(&mut out, c) }
    }
    Cow::Owned(out)
}

/// JSON text (as serde_json writes it) safe for a terminal: serde_json already
/// escapes C0 controls inside strings; this also escapes DEL, C1 controls and
/// the bidirectional overrides as `\uXXXX`. Machines read the same value back.
/// Those characters can only occur inside JSON strings, so escaping them keeps
/// the document valid.
pub fn json_visible(json: &str) -> Cow<'_, str> {
    // Newlines between values are layout (inside strings serde_json writes `\n`).
    let raw = |c: char| c != '\n' && needs_escape(c);
    // Printable ASCII (the usual journal line) needs no look at characters.
    if json.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\n') || !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A CSV cell safe to open in a spreadsheet and to show in a terminal: control
/// characters made visible except newlines (a quoted CSV cell may span lines,
/// so a multi-line note stays one), and (OWASP's advice against CSV injection) a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so a spreadsheet shows it as text instead of running it as a formula.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    match (visible_lines(s), formula) {
        (shown, false) => shown,
        (shown, true) => Cow::Owned(format!("'{shown}")),
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Characters that reorder text invisibly ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\u{0}'..='\u{1F}' => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        '\u{7F}' => out.push_str("^?"),
        c if needs_escape(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(visible("Wall calf stretch — 30 s"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(visible("x\u{1b}]2;PWNED\u{7}\u{1b}[2J"), "x^[]2;PWNED^G^[[2J");
        assert_eq!(visible("a\nb\tc\u{7f}"), "a^Jb^Ic^?");
        assert_eq!(visible("\u{9b}31m"), "<U+009B>31m");
        assert_eq!(visible("abc\u{202E}def"), "abc<U+202E>def");
        assert_eq!(visible_lines("one\ntwo\u{1b}"), "one\ntwo^[");
    }

    #[test]
    fn nothing_escapes() {
        let all: String = (0u32..0x250).filter_map(char::from_u32).collect();
        let shown = visible(&all);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    }

    #[test]
    fn json_stays_json_without_controls() {
        let value = serde_json::json!({ "note": "a\u{1b}[2J\u{7f}\u{9b}1m\u{202e}z\n" });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let shown = json_visible(&text);
        assert!(!shown.chars().any(|c| c != '\n' && needs_escape(c)), "{shown}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&shown).unwrap(), value);
        assert!(matches!(json_visible("{\"a\":\"b\"}"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for (cell, shown) in [
            ("=1+2", "'=1+2"),
            ("+33 6", "'+33 6"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'^Ix"),
            ("\rx", "'^Mx"),
            ("calf=left", "calf=left"),
            ("a\u{1b}b", "a^[b"),
            ("two\nlines\r", "two\nlines^M"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), shown);
        }
    }
}
