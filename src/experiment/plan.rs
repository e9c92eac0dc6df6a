//! The plan: what is compared, for how long, in which order. Stored as a small
//! text file with a schema version and a checksum, so a plan changed by hand
//! is refused rather than silently trusted (the order must stay the one that
//! was drawn, or the randomisation test means nothing).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::stats::rng::SplitMix64;

/// Version of the plan file.
pub const PLAN_VERSION: u32 = 1;
pub const DEFAULT_WEEKS: u32 = 8;
pub const MIN_WEEKS: u32 = 4;
/// The exact test enumerates 2^pairs orders: 12 pairs are 4 096.
pub const MAX_WEEKS: u32 = 24;
pub const DEFAULT_WASHOUT: u32 = 2;
/// At most this many wash-out nights, so each week keeps some nights to count.
pub const MAX_WASHOUT: u32 = 4;
/// A plan file larger than this is not a plan.
pub const MAX_PLAN_BYTES: u64 = 16 * 1024;

/// The two arms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Arm {
    /// The routine (or routine A).
    A,
    /// No routine (or routine B).
    B,
}

/// What is compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Design {
    /// Routine weeks against weeks without any routine.
    RoutineVsNone { routine: String },
    /// Routine A weeks against routine B weeks.
    TwoRoutines { a: String, b: String },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub version: u32,
    pub created: DateTime<FixedOffset>,
    pub first_night: NaiveDate,
    pub weeks: u32,
    pub washout: u32,
    pub design: Design,
    pub seed: u64,
    /// One per pair of weeks: which arm comes first.
    pub orders: Vec<[Arm; 2]>,
    /// Set by `experiment stop`: the last night that counts.
    pub stopped: Option<NaiveDate>,
}

/// Why a plan was not made or not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("the experiment plan is not valid: {0}")]
    Invalid(String),
    /// The file was changed after winddown wrote it.
    #[error(
        "the experiment plan was changed by hand (its checksum does not match), so it cannot be trusted; \
         put the original back, or run `winddown experiment stop --discard` to set it aside"
    )]
    Edited,
    #[error(
        "the experiment plan is version {0}, newer than this winddown understands ({PLAN_VERSION}); update winddown"
    )]
    Newer(u32),
}

impl Arm {
    pub fn letter(self) -> char {
        match self {
            Arm::A => 'A',
            Arm::B => 'B',
        }
    }
}

/// The orders drawn from `seed`: for each pair a fair coin, AB or BA.
pub fn draw_orders(seed: u64, pairs: u32) -> Vec<[Arm; 2]> {
    let mut rng = SplitMix64::new(seed);
    (0..pairs).map(|_| if rng.coin() { [Arm::B, Arm::A] } else { [Arm::A, Arm::B] }).collect()
}

/// Checks the length and wash-out a user asked for.
pub fn check_length(weeks: u32, washout: u32) -> Result<(), PlanError> {
    if !(MIN_WEEKS..=MAX_WEEKS).contains(&weeks) || !weeks.is_multiple_of(2) {
        return Err(PlanError::Invalid(format!(
            "the length must be an even number of weeks from {MIN_WEEKS} to {MAX_WEEKS} (pairs of weeks), not {weeks}"
        )));
    }
    if washout > MAX_WASHOUT {
        return Err(PlanError::Invalid(format!("the wash-out can be 0 to {MAX_WASHOUT} nights, not {washout}")));
    }
    Ok(())
}

/// A routine name as stored: the names `routine list` shows.
fn check_routine(name: &str) -> Result<(), PlanError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name != "none"
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(PlanError::Invalid(format!(
            "a routine name in a plan is lowercase letters, digits, '-' and '_' (at most 64), not \"{}\"",
            crate::text::visible(name)
        )))
    }
}

impl Plan {
    /// A new plan; `seed` is the random draw.
    pub fn new(
        design: Design,
        weeks: u32,
        washout: u32,
        first_night: NaiveDate,
        created: DateTime<FixedOffset>,
        seed: u64,
    ) -> Result<Plan, PlanError> {
        check_length(weeks, washout)?;
        match &design {
            Design::RoutineVsNone { routine } => check_routine(routine)?,
            Design::TwoRoutines { a, b } => {
                check_routine(a)?;
                check_routine(b)?;
                if a == b {
                    return Err(PlanError::Invalid("routines A and B must differ".into()));
                }
            }
        }
        Ok(Plan {
            version: PLAN_VERSION,
            created,
            first_night,
            weeks,
            washout,
            design,
            seed,
            orders: draw_orders(seed, weeks / 2),
            stopped: None,
        })
    }

    pub fn pairs(&self) -> u32 {
        self.weeks / 2
    }

    pub fn nights(&self) -> u32 {
        self.weeks * 7
    }

    /// The last planned night.
    pub fn last_night(&self) -> NaiveDate {
        self.first_night + chrono::Days::new(u64::from(self.nights()) - 1)
    }

    /// The routine for an arm (`None`: no routine).
    pub fn routine(&self, arm: Arm) -> Option<&str> {
        match (&self.design, arm) {
            (Design::RoutineVsNone { routine }, Arm::A) => Some(routine),
            (Design::RoutineVsNone { .. }, Arm::B) => None,
            (Design::TwoRoutines { a, .. }, Arm::A) => Some(a),
            (Design::TwoRoutines { b, .. }, Arm::B) => Some(b),
        }
    }

    /// "calf-basic" or "no routine".
    pub fn arm_name(&self, arm: Arm) -> String {
        self.routine(arm).map_or_else(|| "no routine".to_string(), |r| crate::text::visible(r).into_owned())
    }

    /// The file's text, checksum last.
    pub fn to_text(&self) -> String {
        let body = self.body();
        format!("{body}checksum {}\n", checksum(&body))
    }

    fn body(&self) -> String {
        let (a, b) = match &self.design {
            Design::RoutineVsNone { routine } => (routine.as_str(), "none"),
            Design::TwoRoutines { a, b } => (a.as_str(), b.as_str()),
        };
        let orders: Vec<String> = self.orders.iter().map(|o| format!("{}{}", o[0].letter(), o[1].letter())).collect();
        let mut s = format!(
            "# winddown experiment plan. Written by winddown: do not edit (a changed plan is refused).\n\
             winddown-experiment {}\ncreated {}\nfirst-night {}\nweeks {}\nwashout {}\noutcome cramps-per-night\n\
             a {a}\nb {b}\nseed {}\norders {}\n",
            self.version,
            self.created.to_rfc3339(),
            self.first_night,
            self.weeks,
            self.washout,
            self.seed,
            orders.join(" ")
        );
        if let Some(d) = self.stopped {
            s.push_str(&format!("stopped {d}\n"));
        }
        s
    }

    /// Reads a plan file's text: checksum first, then every field, then that
    /// the orders are the ones the seed draws.
    pub fn parse(text: &str) -> Result<Plan, PlanError> {
        let bad = |why: &str| PlanError::Invalid(why.to_string());
        let (body, last) = text.trim_end_matches('\n').rsplit_once('\n').ok_or_else(|| bad("it is too short"))?;
        let body = format!("{body}\n");
        let sum = last.strip_prefix("checksum ").ok_or_else(|| bad("the last line must be its checksum"))?;
        let mut lines = body.lines().filter(|l| !l.starts_with('#'));
        let mut field = |key: &str| -> Result<String, PlanError> {
            let line = lines.next().ok_or_else(|| PlanError::Invalid(format!("\"{key}\" is missing")))?;
            line.strip_prefix(key).and_then(|v| v.strip_prefix(' ')).map(str::to_string).ok_or_else(|| {
                PlanError::Invalid(format!("expected \"{key}\" here, found \"{}\"", crate::text::visible(line)))
            })
        };
        let version: u32 = field("winddown-experiment")?.parse().map_err(|_| bad("the version is not a number"))?;
        if version > PLAN_VERSION {
            return Err(PlanError::Newer(version));
        }
        if sum != checksum(&body) {
            return Err(PlanError::Edited);
        }
        let created = DateTime::parse_from_rfc3339(&field("created")?).map_err(|_| bad("\"created\" is not a time"))?;
        let first_night: NaiveDate = field("first-night")?.parse().map_err(|_| bad("\"first-night\" is not a date"))?;
        let weeks: u32 = field("weeks")?.parse().map_err(|_| bad("\"weeks\" is not a number"))?;
        let washout: u32 = field("washout")?.parse().map_err(|_| bad("\"washout\" is not a number"))?;
        if field("outcome")? != "cramps-per-night" {
            return Err(bad("the only outcome is cramps-per-night"));
        }
        let a = field("a")?;
        let b = field("b")?;
        let design = if b == "none" { Design::RoutineVsNone { routine: a } } else { Design::TwoRoutines { a, b } };
        let seed: u64 = field("seed")?.parse().map_err(|_| bad("\"seed\" is not a number"))?;
        let orders = field("orders")?;
        let stopped = match lines.next() {
            None => None,
            Some(l) => Some(
                l.strip_prefix("stopped ")
                    .and_then(|d| d.parse().ok())
                    .ok_or_else(|| bad("only a \"stopped\" date may follow the orders"))?,
            ),
        };
        if lines.next().is_some() {
            return Err(bad("it has lines after the last field"));
        }
        let mut plan = Plan::new(design, weeks, washout, first_night, created, seed)?;
        let drawn: Vec<String> = plan.orders.iter().map(|o| format!("{}{}", o[0].letter(), o[1].letter())).collect();
        if orders != drawn.join(" ") {
            return Err(bad("its orders are not the ones its seed draws"));
        }
        if stopped.is_some_and(|d| d < first_night || d > plan.last_night()) {
            return Err(bad("the stop date is outside the plan"));
        }
        plan.version = version;
        plan.stopped = stopped;
        Ok(plan)
    }
}

fn checksum(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
