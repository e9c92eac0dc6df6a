//! What every command needs: where files are, the settings, and the time now.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::checkin::{NightRule, Nights};
use crate::config::{self, Config};
use crate::journal::Journal;
use crate::paths::Paths;

pub struct Ctx {
    pub paths: Paths,
    pub config: Config,
    /// Problems found in config.toml (reported; defaults used).
    pub config_problems: Vec<String>,
    /// Local time with its UTC offset. `WINDDOWN_NOW` (RFC 3339) overrides it,
    /// so scripts and tests can record "as of" a given moment.
    pub now: DateTime<FixedOffset>,
}

impl Ctx {
    /// Loads the settings, reporting problems on stderr and falling back to defaults.
    pub fn new(paths: Paths) -> Result<Ctx, super::Exit> {
        let (config, problems) = config::load(&paths.config_file());
        for p in &problems {
            eprintln!("winddown: warning: {p}\n(defaults are used where the settings file is wrong)");
        }
        let config_problems = problems.iter().map(|d| d.headline()).collect();
        Ok(Ctx { paths, config, config_problems, now: now()? })
    }

    pub fn journal(&self) -> Journal {
        Journal::new(self.paths.journal_dir())
    }

    /// Where now stands among the nights (the one rule: `checkin::nights`).
    pub fn nights(&self) -> Nights {
        self.config.night_rule().at(self.now)
    }

    pub fn night_rule(&self) -> NightRule {
        self.config.night_rule()
    }

    /// The night going on now: tonight in the evening, still tonight after midnight.
    pub fn current_night(&self) -> NaiveDate {
        self.nights().current
    }

    /// The most recent night that is over: what a morning check-in is about.
    pub fn last_night(&self) -> NaiveDate {
        self.nights().last_over
    }
}

fn now() -> Result<DateTime<FixedOffset>, super::Exit> {
    match std::env::var("WINDDOWN_NOW") {
        Ok(s) if !s.is_empty() => DateTime::parse_from_rfc3339(&s).map_err(|_| {
            super::Exit::invalid(format!(
                "WINDDOWN_NOW must be an RFC 3339 time like 2026-11-24T07:10:00+01:00, got \"{s}\""
            ))
        }),
        _ => Ok(chrono::Local::now().fixed_offset()),
    }
}
