//! The app's fixed health wording, in one place so every face says the same.

/// Shown once, plainly, wherever health questions are asked.
pub const NOT_MEDICAL_ADVICE: &str = "winddown gives general information, not medical advice.";

/// After a yes to either red-flag question.
pub const RED_FLAG_NOTICE: &str = "\
Please get medical advice about this; it is not something to stretch through.
- One leg swollen, red, warm or tender (especially after long travel or time off
  your feet) can be a blood clot: contact a doctor or urgent care today.
- With breathlessness or chest pain, call emergency services now.
- Numbness, tingling or weakness that stays, a cramp lasting over 10 minutes, or
  cramps that keep getting worse: see a doctor soon.
Do not stop a prescribed medicine without asking the prescriber.";

/// The same advice in three lines, for the check-in form.
pub const RED_FLAG_SHORT: &str = "Please get medical advice. One leg swollen, red or warm can be a blood clot: \
see a doctor or urgent care today; with breathlessness or chest pain, call emergency services now. \
Numbness or weakness that stays: see a doctor soon.";
