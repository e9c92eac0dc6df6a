//! The check-in form's fields, in screen order, and which are shown when.

/// One row of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Night,
    AnyCramps,
    Count,
    Pain,
    Longest,
    Where,
    Disturbed,
    Quality,
    Rested,
    IntoBed,
    FallAsleep,
    Awakenings,
    FinalWake,
    Triggers,
    Tags,
    Swollen,
    Numbness,
    Note,
    Save,
}

impl Field {
    pub const ALL: [Field; 19] = [
        Field::Night,
        Field::AnyCramps,
        Field::Count,
        Field::Pain,
        Field::Longest,
        Field::Where,
        Field::Disturbed,
        Field::Quality,
        Field::Rested,
        Field::IntoBed,
        Field::FallAsleep,
        Field::Awakenings,
        Field::FinalWake,
        Field::Triggers,
        Field::Tags,
        Field::Swollen,
        Field::Numbness,
        Field::Note,
        Field::Save,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Night => "Night",
            Field::AnyCramps => "Any leg cramps last night?",
            Field::Count => "  How many?",
            Field::Pain => "  Pain of the worst (1-10)",
            Field::Longest => "  Longest (30s, 3m)",
            Field::Where => "  Where?",
            Field::Disturbed => "  Sleep disturbed (0-10)",
            Field::Quality => "Sleep quality",
            Field::Rested => "How rested?",
            Field::IntoBed => "Into bed (HH:MM)",
            Field::FallAsleep => "Minutes to fall asleep",
            Field::Awakenings => "Awakenings",
            Field::FinalWake => "Final wake (HH:MM)",
            Field::Triggers => "Possible triggers yesterday",
            Field::Tags => "Other triggers (a, b)",
            Field::Swollen => "One leg swollen, red or warm?",
            Field::Numbness => "Numbness or weakness that stays?",
            Field::Note => "Note",
            Field::Save => "",
        }
    }

    /// Cramp details only appear once the night had cramps.
    pub fn is_cramp_detail(self) -> bool {
        matches!(self, Field::Count | Field::Pain | Field::Longest | Field::Where | Field::Disturbed)
    }

    /// Fields that take typed text (keys go to the text box).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Longest
                | Field::IntoBed
                | Field::FallAsleep
                | Field::Awakenings
                | Field::FinalWake
                | Field::Tags
                | Field::Note
        )
    }
}
