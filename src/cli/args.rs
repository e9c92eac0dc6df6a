//! The command line, declared with clap. Parsing only: dispatch lives in `cli::run`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "winddown",
    version,
    about = "A bedtime routine coach against night-time leg cramps"
)]
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
    /// Read, check, create and edit routine files
    #[command(subcommand)]
    Routine(RoutineCmd),
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
        routine: String,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// Validate routine files; exit 0 when all are valid, 2 otherwise
    Check {
        /// Routine files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a commented starter routine (or a copy of one) into your routines folder
    New {
        /// Name of the new routine: lowercase letters, digits, '-' and '_'
        name: String,
        /// Copy this routine instead of the starter
        #[arg(long, value_name = "ROUTINE")]
        from: Option<String>,
    },
    /// Open a routine in $VISUAL / $EDITOR and validate it when the editor closes
    Edit {
        /// The routine to edit; a built-in one is first copied to your folder
        name: String,
    },
    /// Print the folder where your routines live
    Path,
}
