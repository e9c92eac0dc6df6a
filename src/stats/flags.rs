//! Gentle flags: patterns in the record that are worth a doctor's view.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::facts::Facts;

/// Cramps on at least this many of the last 14 checked-in nights raise a flag.
pub const FREQUENT: u32 = 7;
/// Worst pain up by this much (last 7 cramp nights against the 7 before).
pub const PAIN_RISE: f64 = 2.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// "frequent-cramps", "pain-rising", "red-flag".
    pub kind: &'static str,
    pub reason: String,
    pub advice: &'static str,
}

const SEE_DOCTOR: &str = "Worth talking to a doctor: frequent or worsening night cramps can have causes a doctor can check, \
including medicines (diuretics, statins, some inhalers). Do not stop a medicine without asking the prescriber.";
const URGENT: &str = "One leg swollen, red or warm needs urgent medical advice (a doctor or urgent care today); \
with breathlessness or chest pain, call emergency services. Numbness or weakness that stays: see a doctor soon.";

/// Flags as of `last` (the last night that is over).
pub fn flags(facts: &Facts, last: NaiveDate) -> Vec<Flag> {
    flags_with_older_pains(facts, last, &[])
}

/// How many worst-pain answers of cramp nights the pain-rising flag looks at.
pub const PAINS: usize = 14;

/// As [`flags`], where `facts` holds only the newer nights (at least the
/// last 30 up to `last`) and `older_pains` the worst pains of the cramp nights
/// before them, newest first (at most [`PAINS`] are used).
pub fn flags_with_older_pains(facts: &Facts, last: NaiveDate, older_pains: &[u8]) -> Vec<Flag> {
    let mut out = Vec::new();
    let from = last.checked_sub_days(Days::new(13)).unwrap_or(last);
    let recent: Vec<_> = facts.nights.range(from..=last).filter_map(|(_, n)| n.checkin.as_ref()).collect();
    let with_cramps = recent.iter().filter(|c| c.cramps > 0).count() as u32;
    if with_cramps >= FREQUENT {
        out.push(Flag {
            kind: "frequent-cramps",
            reason: format!("cramps on {with_cramps} of the last 14 nights"),
            advice: SEE_DOCTOR,
        });
    }
    let pains: Vec<f64> = facts
        .nights
        .range(..=last)
        .rev()
        .filter_map(|(_, n)| n.checkin.as_ref())
        .filter(|c| c.cramps > 0)
        .filter_map(|c| c.pain)
        .chain(older_pains.iter().copied())
        .map(f64::from)
        .take(PAINS)
        .collect();
    if pains.len() == PAINS {
        let newer = pains[..7].iter().sum::<f64>() / 7.0;
        let older = pains[7..].iter().sum::<f64>() / 7.0;
        if newer - older >= PAIN_RISE {
            out.push(Flag {
                kind: "pain-rising",
                reason: format!(
                    "worst pain rising: {newer:.1}/10 on the last 7 cramp nights, {older:.1}/10 on the 7 before"
                ),
                advice: SEE_DOCTOR,
            });
        }
    }
    let month_ago = last.checked_sub_days(Days::new(29)).unwrap_or(last);
    if let Some((night, c)) = facts
        .nights
        .range(month_ago..=last)
        .rev()
        .find_map(|(d, n)| n.checkin.as_ref().filter(|c| c.red_flags.any()).map(|c| (d, c)))
    {
        let what = match (c.red_flags.one_leg_swollen == Some(true), c.red_flags.lasting_numbness == Some(true)) {
            (true, true) => "one leg swollen, red or warm, and numbness or weakness that stays",
            (true, false) => "one leg swollen, red or warm",
            _ => "numbness, tingling or weakness that stays",
        };
        out.push(Flag {
            kind: "red-flag",
            reason: format!("{what} (night of {})", night.format("%a %d %b")),
            advice: URGENT,
        });
    }
    out
}
