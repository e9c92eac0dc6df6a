//! Errors in a routine (or settings) file, located as FILE:LINE:COL with the
//! offending line shown beneath, the way compilers report them.

use std::ops::Range;

/// Shown as [`Diagnostic::headline`], then the offending line with the span underlined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}", self.headline(), self.excerpt())]
pub struct Diagnostic {
    /// The file as the user would name it.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub message: String,
    /// The text of the offending line (empty when the file is empty).
    pub line_text: String,
    /// How many characters to underline (at least 1).
    pub width: usize,
}

impl Diagnostic {
    /// Locates `span` (a byte range into `text`) and builds the diagnostic.
    pub fn at(file: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let col = text[line_start..start].chars().count() + 1;
        let line_text = text[line_start..line_end].trim_end_matches('\r').to_string();
        let width = text[start..end.min(line_end).max(start)].chars().count().max(1);
        Diagnostic { file: file.to_string(), line, col, message: message.into(), line_text, width }
    }

    /// A diagnostic about the whole file (points at its first character).
    pub fn file_level(file: &str, text: &str, message: impl Into<String>) -> Self {
        Self::at(file, text, 0..0, message)
    }

    /// `FILE:LINE:COL: message`, the one-line form for lists.
    pub fn headline(&self) -> String {
        format!("{}:{}:{}: {}", self.file, self.line, self.col, self.message)
    }
}

impl Diagnostic {
    /// The offending line beneath the headline, the span underlined; empty
    /// when there is no line to show (an empty file, a problem of the whole file).
    fn excerpt(&self) -> String {
        if self.line_text.is_empty() {
            return String::new();
        }
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        // Long lines (a 50 MB one-liner) are cut so the message stays readable.
        let shown: String = self.line_text.chars().take(200).collect();
        let caret_pad = " ".repeat(self.col.saturating_sub(1).min(200));
        let carets = "^".repeat(self.width.min(80));
        format!("\n{pad} |\n{num} | {shown}\n{pad} | {caret_pad}{carets}")
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column() {
        let text = "a = 1\nhold = \"15m\"\n";
        let start = text.find("\"15m\"").unwrap();
        let d = Diagnostic::at("r.toml", text, start..start + 5, "too long");
        assert_eq!((d.line, d.col, d.width), (2, 8, 5));
        assert_eq!(d.headline(), "r.toml:2:8: too long");
        assert_eq!(d.to_string(), "r.toml:2:8: too long\n  |\n2 | hold = \"15m\"\n  |        ^^^^^");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "title = \"Étirement\" x";
        let start = text.find('x').unwrap();
        let d = Diagnostic::at("r.toml", text, start..start + 1, "m");
        assert_eq!(d.col, 21);
    }

    #[test]
    fn empty_file_points_at_start() {
        let d = Diagnostic::file_level("r.toml", "", "empty");
        assert_eq!((d.line, d.col), (1, 1));
        assert_eq!(d.to_string(), "r.toml:1:1: empty");
    }
}
