//! The check-in form's text boxes.

use ratatui_textarea::TextArea;

use super::fields::Field;

/// The text boxes of the form.
pub struct Texts {
    pub longest: TextArea<'static>,
    pub into_bed: TextArea<'static>,
    pub fall_asleep: TextArea<'static>,
    pub awakenings: TextArea<'static>,
    pub final_wake: TextArea<'static>,
    pub tags: TextArea<'static>,
    pub note: TextArea<'static>,
}

/// The fields with a text box, in screen order.
pub const TEXT_FIELDS: [Field; 7] =
    [Field::Longest, Field::IntoBed, Field::FallAsleep, Field::Awakenings, Field::FinalWake, Field::Tags, Field::Note];

impl Texts {
    pub fn empty() -> Texts {
        Texts {
            longest: TextArea::default(),
            into_bed: TextArea::default(),
            fall_asleep: TextArea::default(),
            awakenings: TextArea::default(),
            final_wake: TextArea::default(),
            tags: TextArea::default(),
            note: TextArea::default(),
        }
    }

    pub fn get(&self, f: Field) -> Option<&TextArea<'static>> {
        Some(match f {
            Field::Longest => &self.longest,
            Field::IntoBed => &self.into_bed,
            Field::FallAsleep => &self.fall_asleep,
            Field::Awakenings => &self.awakenings,
            Field::FinalWake => &self.final_wake,
            Field::Tags => &self.tags,
            Field::Note => &self.note,
            _ => return None,
        })
    }

    pub fn get_mut(&mut self, f: Field) -> Option<&mut TextArea<'static>> {
        Some(match f {
            Field::Longest => &mut self.longest,
            Field::IntoBed => &mut self.into_bed,
            Field::FallAsleep => &mut self.fall_asleep,
            Field::Awakenings => &mut self.awakenings,
            Field::FinalWake => &mut self.final_wake,
            Field::Tags => &mut self.tags,
            Field::Note => &mut self.note,
            _ => return None,
        })
    }

    /// The text of a box, lines joined, trimmed.
    pub fn text(&self, f: Field) -> String {
        self.get(f).map(|t| t.lines().join("\n").trim().to_string()).unwrap_or_default()
    }

    /// Every box's text, to tell whether anything was typed.
    pub fn all(&self) -> Vec<String> {
        TEXT_FIELDS.iter().map(|f| self.text(*f)).collect()
    }
}

/// A text box holding `s`, the cursor at its end.
pub fn text_area(s: &str) -> TextArea<'static> {
    let mut t = TextArea::new(s.lines().map(String::from).collect());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}
