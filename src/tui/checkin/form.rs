//! The check-in form's model and update: keys in, answers validated, the
//! check-in saved through the journal. Drawing lives in `view.rs`.

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::fields::Field;
use crate::journal::choices::Choice;
use crate::journal::{
    CheckIn, Journal, LegSide, NightEntry, Place, Quality, Record, RedFlags, Rested, SleepTimes, Spot, Trigger,
};
use crate::stats::facts::Facts;

/// The "where" chips, in order.
pub const SPOTS: [(Place, Option<LegSide>); 7] = [
    (Place::Calf, Some(LegSide::Left)),
    (Place::Calf, Some(LegSide::Right)),
    (Place::Foot, Some(LegSide::Left)),
    (Place::Foot, Some(LegSide::Right)),
    (Place::Thigh, Some(LegSide::Left)),
    (Place::Thigh, Some(LegSide::Right)),
    (Place::Other, None),
];

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Editing,
    /// Esc with unsaved answers: "discard them?"
    ConfirmDiscard,
    Help,
    /// Saved: the summary, with the number of nights checked in and the streaks.
    Saved {
        checkins: usize,
        checkin_streak: u32,
        cramp_free: u32,
    },
}

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

impl Texts {
    fn empty() -> Texts {
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

    fn get_mut(&mut self, f: Field) -> Option<&mut TextArea<'static>> {
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
}

fn text_area(s: &str) -> TextArea<'static> {
    let mut t = TextArea::new(s.lines().map(String::from).collect());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

pub struct CheckinForm {
    journal: Journal,
    /// The latest night one can check in for (last night).
    pub last_night: NaiveDate,
    pub night: NaiveDate,
    /// What the journal holds for the night (runs, logged cramps, rest).
    pub entry: NightEntry,
    pub editing_existing: bool,
    pub focus: Field,
    pub mode: Mode,
    pub dirty: bool,
    pub any_cramps: Option<bool>,
    pub count: u32,
    pub pain: Option<u8>,
    pub spots: BTreeSet<(Place, Option<LegSide>)>,
    pub disturbed: Option<u8>,
    pub quality: Quality,
    pub rested: Rested,
    pub triggers: BTreeSet<Trigger>,
    pub swollen: bool,
    pub numbness: bool,
    pub texts: Texts,
    /// Cursor within the chips of the focused multi-select field.
    pub chip: usize,
    /// A message about the last action (a refused save, a blocked night change).
    pub message: Option<String>,
    now: DateTime<FixedOffset>,
    pub quit: bool,
    /// The user asked for the history screen from the summary.
    pub open_history: bool,
}

impl CheckinForm {
    /// A form for `night` (usually last night), filled from the journal.
    pub fn new(journal: Journal, night: NaiveDate, last_night: NaiveDate, now: DateTime<FixedOffset>) -> CheckinForm {
        let mut f = CheckinForm { journal, last_night, night, now, ..CheckinForm::blank() };
        f.load(night);
        f
    }

    /// Fills the form from the journal's record of `night`.
    fn load(&mut self, night: NaiveDate) {
        let entry = match self.journal.read_range(Some(night), Some(night)) {
            Ok(e) => e.night(night).cloned().unwrap_or_default(),
            Err(e) => {
                self.message = Some(e.to_string());
                NightEntry::default()
            }
        };
        let focus = self.focus;
        let (journal, last, now) = (self.journal.clone(), self.last_night, self.now);
        *self = CheckinForm { journal, last_night: last, night, now, focus, ..CheckinForm::blank() };
        if let Some(c) = &entry.checkin {
            self.editing_existing = true;
            self.any_cramps = Some(c.cramps > 0);
            self.count = c.cramps.max(1);
            self.pain = c.pain;
            self.spots = c.places.iter().flat_map(spot_chips).collect();
            self.disturbed = c.disturbed;
            self.quality = c.quality.unwrap_or(Quality::Fair);
            self.rested = c.rested.unwrap_or(Rested::Somewhat);
            self.triggers = c.triggers.iter().copied().collect();
            self.swollen = c.red_flags.one_leg_swollen;
            self.numbness = c.red_flags.lasting_numbness;
            let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
            let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
            self.texts = Texts {
                longest: text_area(
                    &c.longest_s
                        .map(|s| humantime::format_duration(std::time::Duration::from_secs(u64::from(s))).to_string())
                        .unwrap_or_default(),
                ),
                into_bed: text_area(&time(c.sleep.into_bed)),
                fall_asleep: text_area(&num(c.sleep.fall_asleep_min)),
                awakenings: text_area(&num(c.sleep.awakenings)),
                final_wake: text_area(&time(c.sleep.final_wake)),
                tags: text_area(&c.tags.join(", ")),
                note: text_area(&c.note),
            };
        } else if !entry.cramps.is_empty() {
            // Cramps logged in the night start the answers.
            self.any_cramps = Some(true);
            self.count = entry.cramps.len() as u32;
            self.spots = entry
                .cramps
                .iter()
                .filter_map(|c| Some(Spot { place: c.place?, side: c.side }))
                .flat_map(|s| spot_chips(&s))
                .collect();
        }
        self.entry = entry;
    }

    fn blank() -> CheckinForm {
        CheckinForm {
            journal: Journal::new(""),
            last_night: NaiveDate::MIN,
            night: NaiveDate::MIN,
            entry: NightEntry::default(),
            editing_existing: false,
            focus: Field::AnyCramps,
            mode: Mode::Editing,
            dirty: false,
            any_cramps: None,
            count: 1,
            pain: None,
            spots: BTreeSet::new(),
            disturbed: None,
            quality: Quality::Fair,
            rested: Rested::Somewhat,
            triggers: BTreeSet::new(),
            swollen: false,
            numbness: false,
            texts: Texts::empty(),
            chip: 0,
            message: None,
            now: DateTime::<FixedOffset>::MIN_UTC.fixed_offset(),
            quit: false,
            open_history: false,
        }
    }

    /// The rows shown now (cramp details only after "yes").
    pub fn visible(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| !f.is_cramp_detail() || self.any_cramps == Some(true)).collect()
    }

    /// Problems that keep the form from being saved, each beside its field.
    pub fn errors(&self) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        if self.any_cramps.is_none() {
            out.push((Field::AnyCramps, "answer y or n".to_string()));
        }
        if self.any_cramps == Some(true) && !self.texts.text(Field::Longest).is_empty() && self.longest().is_none() {
            out.push((Field::Longest, "like 30s, 3m, 1m 30s".into()));
        }
        for f in [Field::IntoBed, Field::FinalWake] {
            if !self.texts.text(f).is_empty() && self.time(f).is_none() {
                out.push((f, "HH:MM, like 22:45".into()));
            }
        }
        for f in [Field::FallAsleep, Field::Awakenings] {
            if !self.texts.text(f).is_empty() && self.number(f).is_none() {
                out.push((f, "a whole number".into()));
            }
        }
        out
    }

    fn longest(&self) -> Option<u32> {
        crate::cli::values::longest(&self.texts.text(Field::Longest)).ok()
    }

    fn time(&self, f: Field) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(&self.texts.text(f), "%H:%M").ok()
    }

    fn number(&self, f: Field) -> Option<u32> {
        self.texts.text(f).parse::<u32>().ok().filter(|n| *n <= 1440)
    }

    /// The check-in the answers make (only meaningful when `errors()` is empty).
    pub fn checkin(&self) -> CheckIn {
        let cramps = self.any_cramps == Some(true);
        CheckIn {
            night: self.night,
            recorded: self.now,
            cramps: if cramps { self.count } else { 0 },
            pain: self.pain.filter(|_| cramps),
            longest_s: if cramps { self.longest() } else { None },
            places: if cramps { merge_spots(&self.spots) } else { Vec::new() },
            disturbed: self.disturbed.filter(|_| cramps),
            quality: Some(self.quality),
            rested: Some(self.rested),
            sleep: SleepTimes {
                into_bed: self.time(Field::IntoBed),
                fall_asleep_min: self.number(Field::FallAsleep),
                awakenings: self.number(Field::Awakenings),
                final_wake: self.time(Field::FinalWake),
            },
            triggers: self.triggers.iter().copied().collect(),
            tags: self
                .texts
                .text(Field::Tags)
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            red_flags: RedFlags { one_leg_swollen: self.swollen, lasting_numbness: self.numbness },
            note: self.texts.text(Field::Note),
        }
    }

    /// Ctrl-S: saves when valid, otherwise says what is missing.
    pub fn save(&mut self) {
        if let Some((field, why)) = self.errors().into_iter().next() {
            self.focus = field;
            self.message = Some(format!("cannot save yet: {}: {why}", field.label().trim()));
            return;
        }
        let result = self.journal.put(vec![Record::Checkin(self.checkin())]);
        match result.and_then(|_| Facts::read(&self.journal)) {
            Ok(all) => {
                self.dirty = false;
                self.message = None;
                let tonight = self.last_night.succ_opt().unwrap_or(self.last_night);
                self.mode = Mode::Saved {
                    checkins: all.checkin_count(),
                    checkin_streak: crate::stats::streak::checkin(&all, tonight).current,
                    cramp_free: crate::stats::streak::cramp_free(&all, tonight).current,
                };
            }
            Err(e) => self.message = Some(format!("not saved: {e}")),
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, _now: Instant) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self.mode {
            Mode::Saved { .. } => {
                match key.code {
                    KeyCode::Enter | KeyCode::Esc | KeyCode::Char('q') => self.quit = true,
                    KeyCode::Char('h') => {
                        self.open_history = true;
                        self.quit = true;
                    }
                    _ => {}
                }
                return;
            }
            Mode::Help => {
                self.mode = Mode::Editing;
                return;
            }
            Mode::ConfirmDiscard => {
                match key.code {
                    KeyCode::Char('y') | KeyCode::Enter => self.quit = true,
                    _ => self.mode = Mode::Editing,
                }
                return;
            }
            Mode::Editing => {}
        }
        if ctrl && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if ctrl && key.code == KeyCode::Char('s') {
            self.save();
            return;
        }
        self.message = None;
        match key.code {
            KeyCode::Esc => {
                if self.dirty {
                    self.mode = Mode::ConfirmDiscard;
                } else {
                    self.quit = true;
                }
                return;
            }
            KeyCode::Tab => return self.move_focus(1),
            KeyCode::BackTab => return self.move_focus(-1),
            KeyCode::Down if self.focus != Field::Note => return self.move_focus(1),
            KeyCode::Up if self.focus != Field::Note => return self.move_focus(-1),
            _ => {}
        }
        if self.focus.is_text() {
            self.text_key(key);
        } else {
            self.choice_key(key);
        }
    }

    fn text_key(&mut self, key: KeyEvent) {
        // Enter moves on from one-line boxes; only the note takes new lines.
        if key.code == KeyCode::Enter && self.focus != Field::Note {
            return self.move_focus(1);
        }
        if let Some(t) = self.texts.get_mut(self.focus)
            && t.input(key)
        {
            self.dirty = true;
        }
    }

    fn choice_key(&mut self, key: KeyEvent) {
        let before = self.snapshot();
        let digit = match key.code {
            KeyCode::Char(c) => c.to_digit(10),
            _ => None,
        };
        let step: i32 = match key.code {
            KeyCode::Right => 1,
            KeyCode::Left => -1,
            _ => 0,
        };
        match self.focus {
            Field::Night if step != 0 => self.change_night(step),
            Field::AnyCramps => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.answer_cramps(true),
                KeyCode::Char('n') | KeyCode::Char('N') => self.answer_cramps(false),
                KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
                    self.any_cramps = Some(self.any_cramps != Some(true));
                }
                _ => {}
            },
            Field::Count => {
                if let Some(d) = digit {
                    self.count = d.max(1);
                }
                self.count = (self.count as i32 + step).clamp(1, 100) as u32;
            }
            Field::Pain => self.pain = scale(self.pain, step, digit),
            Field::Disturbed => self.disturbed = scale(self.disturbed, step, digit),
            Field::Quality => self.quality = pick(self.quality, step, digit),
            Field::Rested => self.rested = pick(self.rested, step, digit),
            Field::Where => self.chips_key(key, SPOTS.len(), |f, i| toggle(&mut f.spots, SPOTS[i])),
            Field::Triggers => {
                let all: Vec<Trigger> = Trigger::all().collect();
                self.chips_key(key, all.len(), |f, i| toggle(&mut f.triggers, all[i]));
            }
            Field::Swollen => yes_no(&mut self.swollen, key.code),
            Field::Numbness => yes_no(&mut self.numbness, key.code),
            Field::Save if key.code == KeyCode::Enter => return self.save(),
            _ => {}
        }
        if key.code == KeyCode::Enter && self.focus != Field::Save {
            self.move_focus(1);
        }
        if self.snapshot() != before {
            self.dirty = true;
        }
        if key.code == KeyCode::Char('?') {
            self.mode = Mode::Help;
        }
    }

    /// A "yes"/"no" to the first question moves straight on.
    fn answer_cramps(&mut self, yes: bool) {
        self.any_cramps = Some(yes);
        self.move_focus(1);
    }

    fn chips_key(&mut self, key: KeyEvent, n: usize, mut toggle_at: impl FnMut(&mut Self, usize)) {
        match key.code {
            KeyCode::Right => self.chip = (self.chip + 1) % n,
            KeyCode::Left => self.chip = (self.chip + n - 1) % n,
            KeyCode::Char(' ') => toggle_at(self, self.chip.min(n - 1)),
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=n).contains(&i) {
                    self.chip = i - 1;
                    toggle_at(self, i - 1);
                }
            }
            _ => {}
        }
    }

    fn snapshot(&self) -> String {
        format!(
            "{:?}{}{:?}{:?}{:?}{:?}{:?}{:?}{}{}",
            self.any_cramps,
            self.count,
            self.pain,
            self.spots,
            self.disturbed,
            self.quality,
            self.rested,
            self.triggers,
            self.swollen,
            self.numbness
        )
    }

    fn move_focus(&mut self, by: i32) {
        let visible = self.visible();
        let i = visible.iter().position(|f| *f == self.focus).unwrap_or(0) as i32;
        let j = (i + by).clamp(0, visible.len() as i32 - 1) as usize;
        self.focus = visible[j];
        self.chip = 0;
    }

    fn change_night(&mut self, by: i32) {
        if self.dirty {
            self.message = Some("save (Ctrl-S) or discard (Esc) these answers before changing the night".into());
            return;
        }
        let target =
            if by > 0 { self.night.checked_add_days(Days::new(1)) } else { self.night.checked_sub_days(Days::new(1)) };
        if let Some(t) = target.filter(|t| *t <= self.last_night) {
            self.load(t);
        }
    }

    pub fn is_finished(&self) -> bool {
        self.quit
    }
}

/// A 0-10 scale: digits set it, arrows move it.
fn scale(v: Option<u8>, step: i32, digit: Option<u32>) -> Option<u8> {
    if let Some(d) = digit {
        return Some(d as u8);
    }
    if step == 0 {
        return v;
    }
    Some(match v {
        None => {
            if step > 0 {
                0
            } else {
                10
            }
        }
        Some(x) => (x as i32 + step).clamp(0, 10) as u8,
    })
}

/// One of a labelled list: arrows move, 1-5 pick.
fn pick<T: Choice>(v: T, step: i32, digit: Option<u32>) -> T {
    let all: Vec<T> = T::all().collect();
    let i = all.iter().position(|x| *x == v).unwrap_or(0) as i32;
    let j = match digit {
        Some(d) if (1..=all.len() as u32).contains(&d) => d as i32 - 1,
        _ => (i + step).clamp(0, all.len() as i32 - 1),
    };
    all[j as usize]
}

fn yes_no(v: &mut bool, key: KeyCode) {
    match key {
        KeyCode::Char('y') | KeyCode::Char('Y') => *v = true,
        KeyCode::Char('n') | KeyCode::Char('N') => *v = false,
        KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => *v = !*v,
        _ => {}
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
}

/// The chips a recorded spot stands for ("calf-both" is both calf chips).
fn spot_chips(s: &Spot) -> Vec<(Place, Option<LegSide>)> {
    match (s.place, s.side) {
        (Place::Other, _) => vec![(Place::Other, None)],
        (p, Some(LegSide::Both)) => vec![(p, Some(LegSide::Left)), (p, Some(LegSide::Right))],
        (p, Some(side)) => vec![(p, Some(side))],
        (p, None) => vec![(p, Some(LegSide::Left))],
    }
}

/// Chips back to spots: left and right of one place become "both".
fn merge_spots(chips: &BTreeSet<(Place, Option<LegSide>)>) -> Vec<Spot> {
    let mut out = Vec::new();
    for (place, side) in chips {
        let both = chips.contains(&(*place, Some(LegSide::Left))) && chips.contains(&(*place, Some(LegSide::Right)));
        match side {
            Some(LegSide::Right) if both => {}
            Some(LegSide::Left) if both => out.push(Spot { place: *place, side: Some(LegSide::Both) }),
            _ => out.push(Spot { place: *place, side: *side }),
        }
    }
    out
}
