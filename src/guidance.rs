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

/// One short tip a day on the home screen, in our own words.
pub const TIPS: &[&str] = &[
    "Sip water through the day and evening, not just one big glass at bedtime.",
    "Keep hard exercise earlier in the day; a tired muscle late at night cramps more easily.",
    "A pillow under the ankles or loose covers keeps the feet from pointing while you sleep.",
    "Long hours standing or sitting? A few calf stretches during the day help too.",
    "Alcohol in the evening is a commonly reported trigger; note it in the morning check-in.",
    "When a cramp strikes, pull the toes towards the knee and stand on that leg if you can.",
    "Hold each stretch gently: a pull, never pain. Breathe out slowly while you hold.",
    "New medicine and new cramps? Ask the prescriber; never stop a medicine on your own.",
];
