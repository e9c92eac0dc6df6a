//! The command line, declared with clap. Parsing only: dispatch lives in `cli::run`.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Parser, Subcommand, ValueEnum};

use super::complete;
use super::values;
use crate::journal::{Quality, Rested, Spot, Trigger};

#[derive(Debug, Parser)]
#[command(name = "winddown", version, about = "A bedtime routine coach against night-time leg cramps")]
#[command(propagate_version = true)]
pub struct Cli {
    /// Folder for settings and your routines [default: the XDG config dir]
    #[arg(long, global = true, env = "WINDDOWN_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Folder for the journal [default: the XDG data dir]
    #[arg(long, global = true, env = "WINDDOWN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run tonight's routine in the full-screen coach
    Run {
        /// A routine name or file [default: the default routine from the settings]
        #[arg(add = complete::routines())]
        routine: Option<String>,
        /// Run the clock this many times faster (practice and demos); the record notes it
        #[arg(long, default_value_t = 1.0, value_parser = values::speed, value_name = "X")]
        speed: f64,
    },
    /// Settings: where they live, what they are, whether the file is valid
    #[command(subcommand)]
    Config(ConfigCmd),
    /// Spoken and sounded cues: which programs are used, and a test of every cue
    #[command(subcommand)]
    Cue(CueCmd),
    /// Print a shell completion script (it asks winddown, so it knows your routines): winddown completions bash > ~/.local/share/bash-completion/completions/winddown
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): winddown man | man -l -
    Man,
    /// Print the evening-nudge hook for a shell: eval "$(winddown init bash)" in ~/.bashrc
    Init {
        #[arg(value_enum)]
        shell: InitShell,
    },
    /// A desktop notification if tonight's routine is not done (for cron or a systemd timer)
    Remind,
    /// The prompt hook installed by `winddown init` (prints the nudge when due)
    #[command(hide = true)]
    Prompt,
    /// Read, check, create and edit routine files
    #[command(subcommand)]
    Routine(RoutineCmd),
    /// The morning check-in about last night
    Checkin(CheckinArgs),
    /// Log a cramp as it happens (or at a time tonight); with no WHERE, in a terminal: the night screen
    Cramp {
        /// Where: calf, foot, thigh or other, with an optional side: calf-left, foot-both [default: the
        /// cramp screen, which logs the cramp at once and guides a relief stretch]
        #[arg(value_parser = values::spot, value_name = "WHERE", add = complete::spots())]
        spot: Option<Spot>,
        /// When, as HH:MM (the most recent such time) [default: now]
        #[arg(long, value_parser = values::time, value_name = "HH:MM")]
        at: Option<NaiveTime>,
        /// On the cramp screen: ring the bell (and run cue_command) when a hold ends [default: silent]
        #[arg(long, conflicts_with = "spot")]
        sound: bool,
    },
    /// Mark a night as a rest night (travel, illness): streaks pause instead of breaking
    Rest {
        /// The night [default: the current night]
        #[arg(long, value_parser = values::date, value_name = "YYYY-MM-DD")]
        night: Option<NaiveDate>,
        /// Why the routine is skipped
        #[arg(long, value_parser = values::non_empty)]
        reason: String,
    },
    /// Recent nights, one line each
    Log {
        /// How many nights to show
        #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(u32).range(1..=36500))]
        last: u32,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// Streaks, consistency and insights: on nights with the routine, were there fewer cramps?
    Stats {
        /// Machine-readable output (schema in the README)
        #[arg(long)]
        json: bool,
        /// Only nights from this date on (insights); streaks always use the whole record
        #[arg(long, value_parser = values::date, value_name = "YYYY-MM-DD")]
        since: Option<NaiveDate>,
    },
    /// The history screen: calendar, weekly chart, streaks and insights
    History,
    /// A planned test on yourself: weeks with the routine against weeks without, in random order
    #[command(subcommand)]
    Experiment(ExperimentCmd),
    /// Write the whole journal (or a range of nights) to stdout
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// First night to include
        #[arg(long, value_parser = values::date, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        /// Last night to include
        #[arg(long, value_parser = values::date, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
    },
    /// The journal on two machines: its health, contradictions to settle, git's merge driver
    #[command(subcommand)]
    Journal(JournalCmd),
    /// Restore or merge a JSON export; importing the same file twice changes nothing
    Import {
        /// A file written by `winddown export --format json`
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitShell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Every field of the check-in as a flag, for scripts and quick entries.
#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The night [default: last night]
    #[arg(long, value_parser = values::date, value_name = "YYYY-MM-DD")]
    pub night: Option<NaiveDate>,
    /// Number of cramps, 0-100 (0 = none) [default: the cramps logged that night]
    #[arg(long, value_name = "N")]
    pub cramps: Option<u32>,
    /// Pain of the worst cramp, 1-10
    #[arg(long, value_name = "1-10")]
    pub pain: Option<u8>,
    /// Where, comma-separated: calf-left,foot-right,thigh-both,other
    #[arg(long = "where", value_parser = values::spot, value_delimiter = ',', value_name = "WHERE", add = complete::spots())]
    pub places: Vec<Spot>,
    /// How long the longest cramp lasted: 30s, 3m, 1m 30s
    #[arg(long, value_parser = values::longest, value_name = "DURATION")]
    pub longest: Option<u32>,
    /// How much cramps disturbed sleep, 0-10
    #[arg(long, value_name = "0-10")]
    pub disturbed: Option<u8>,
    /// Sleep quality: very-poor, poor, fair, good, very-good
    #[arg(long, value_parser = values::choice::<Quality>, value_name = "QUALITY", add = complete::choices::<Quality>())]
    pub quality: Option<Quality>,
    /// How rested: not-at-all, slightly, somewhat, well, very-well
    #[arg(long, value_parser = values::choice::<Rested>, value_name = "RESTED", add = complete::choices::<Rested>())]
    pub rested: Option<Rested>,
    /// Possible triggers, comma-separated: late-exercise, long-standing, long-travel, alcohol, little-water, new-medication
    #[arg(long, value_parser = values::choice::<Trigger>, value_delimiter = ',', value_name = "TRIGGERS", add = complete::choices::<Trigger>())]
    pub triggers: Vec<Trigger>,
    /// Your own trigger tags, comma-separated
    #[arg(long, value_delimiter = ',', value_parser = values::non_empty, value_name = "TAGS")]
    pub tags: Vec<String>,
    /// Time into bed, HH:MM
    #[arg(long, value_parser = values::time, value_name = "HH:MM")]
    pub into_bed: Option<NaiveTime>,
    /// Minutes it took to fall asleep, 0-1440
    #[arg(long, value_name = "MIN")]
    pub fall_asleep: Option<u32>,
    /// Number of awakenings, 0-100
    #[arg(long, value_name = "N")]
    pub awakenings: Option<u32>,
    /// Final wake time, HH:MM
    #[arg(long, value_parser = values::time, value_name = "HH:MM")]
    pub final_wake: Option<NaiveTime>,
    /// One leg swollen, red or warm? yes or no
    #[arg(long, value_parser = values::yes_no, value_name = "yes|no")]
    pub swollen_leg: Option<bool>,
    /// Numbness, tingling or weakness that stays? yes or no
    #[arg(long, value_parser = values::yes_no, value_name = "yes|no")]
    pub numbness: Option<bool>,
    /// A note about the night
    #[arg(long)]
    pub note: Option<String>,
}

impl CheckinArgs {
    /// Whether any answer was given as a flag (otherwise the form opens).
    pub fn has_answers(&self) -> bool {
        self.cramps.is_some()
            || self.pain.is_some()
            || !self.places.is_empty()
            || self.longest.is_some()
            || self.disturbed.is_some()
            || self.quality.is_some()
            || self.rested.is_some()
            || !self.triggers.is_empty()
            || !self.tags.is_empty()
            || self.into_bed.is_some()
            || self.fall_asleep.is_some()
            || self.awakenings.is_some()
            || self.final_wake.is_some()
            || self.swollen_leg.is_some()
            || self.numbness.is_some()
            || self.note.is_some()
    }
}

#[derive(Debug, Subcommand)]
pub enum JournalCmd {
    /// Report the journal's files, records, sync tools' conflict copies and contradictions waiting
    Check {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// List records with two different answers (from two machines), or keep one with --pick
    Resolve {
        /// The night of the contradiction to settle
        #[arg(value_parser = values::date, value_name = "YYYY-MM-DD")]
        night: Option<NaiveDate>,
        /// Which record of that night: checkin or rest (needed only when both disagree)
        #[arg(long, value_parser = ["checkin", "rest"])]
        kind: Option<String>,
        /// The number of the answer to keep, as listed
        #[arg(long, value_name = "N")]
        pick: Option<usize>,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// git merge driver for journal files: winddown journal merge-driver %O %A %B %P
    MergeDriver {
        /// The common ancestor's version (%O)
        base: PathBuf,
        /// Ours (%A): the merge is written here
        ours: PathBuf,
        /// Theirs (%B)
        theirs: PathBuf,
        /// The file's path in the repository (%P)
        path: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CueCmd {
    /// Say which speech and sound programs were found (and how to get one), then play every cue once
    Test {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
        /// Only say what was found; play nothing
        #[arg(long)]
        silent: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Print the path of config.toml
    Path,
    /// Print the settings in effect (defaults filled in)
    Show,
    /// Validate config.toml; exit 0 when valid, 2 otherwise
    Check,
}

#[derive(Debug, Subcommand)]
pub enum RoutineCmd {
    /// List every routine: built-in and yours, with step count and total time
    List {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// Show a routine's steps, sides, reps, durations and total time
    Show {
        /// A routine name (see `routine list`) or the path of a routine file
        #[arg(add = complete::routines())]
        routine: String,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// Validate routine files (with none: every routine you have); exit 0 when all are valid, 2 otherwise
    #[command(override_usage = "winddown routine check [--config-dir DIR] [--data-dir DIR] [FILE]...")]
    Check {
        /// Routine files to check [default: every routine, built-in and in your folder]
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a commented starter routine (or a copy of one) into your routines folder
    New {
        /// Name of the new routine: lowercase letters, digits, '-' and '_'
        name: String,
        /// Copy this routine instead of the starter
        #[arg(long, value_name = "ROUTINE", add = complete::routines())]
        from: Option<String>,
    },
    /// Open a routine in $VISUAL / $EDITOR and validate it when the editor closes
    Edit {
        /// The routine to edit; a built-in one is first copied to your folder
        #[arg(add = complete::routines())]
        name: String,
    },
    /// Print the folder where your routines live
    Path,
}

#[derive(Debug, Subcommand)]
pub enum ExperimentCmd {
    /// Plan an experiment: pairs of weeks, one with the routine and one without, order drawn at random
    Start {
        /// The routine to test [default: the default routine from the settings]
        #[arg(long, value_name = "ROUTINE")]
        routine: Option<String>,
        /// Compare against this routine instead of against no routine
        #[arg(long, value_name = "ROUTINE")]
        against: Option<String>,
        /// Length in weeks: even, 4 to 24
        #[arg(long, default_value_t = crate::experiment::plan::DEFAULT_WEEKS, value_name = "N")]
        weeks: u32,
        /// Nights at the start of each week set aside (wash-out), 0 to 4
        #[arg(long, default_value_t = crate::experiment::plan::DEFAULT_WASHOUT, value_name = "N")]
        washout: u32,
        /// The first night [default: tonight]
        #[arg(long, value_parser = values::date, value_name = "YYYY-MM-DD")]
        first_night: Option<NaiveDate>,
        /// The random draw's seed [default: a fresh random one]; stored in the plan
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// What tonight is, and the calendar with each night's check-in
    Status {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// The result so far: difference in cramps per night, its interval, the randomisation test
    Result {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// End the experiment early (the result is weaker for it)
    Stop {
        /// Set the plan file aside even if it cannot be read (an edited or damaged plan)
        #[arg(long)]
        discard: bool,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
}
