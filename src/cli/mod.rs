//! The command-line face: parse arguments, dispatch to the core, map errors
//! to exit codes (0 success, 2 invalid input, 1 anything else).

pub mod args;
pub mod complete;
pub mod config_cmd;
pub mod context;
pub mod cue_cmd;
pub mod exit;
pub mod experiment_cmd;
pub mod experiment_text;
pub mod journal_cmd;
pub mod journal_sync_cmd;
pub mod log_text;
pub mod man;
pub mod nudge_cmd;
pub mod routine_cmd;
pub mod routine_text;
pub mod run_cmd;
pub mod show;
pub mod values;

use clap::Parser;

use crate::paths::Paths;
use args::{Cli, Command, JournalCmd};
pub use exit::{CmdResult, Exit};

/// Runs winddown with the process's arguments and returns the exit code.
pub fn main() -> u8 {
    // The prompt hook runs at every shell prompt: no clap, no full context.
    let mut args = std::env::args_os().skip(1);
    if args.next().is_some_and(|a| a == "prompt") && args.next().is_none() {
        nudge_cmd::prompt_fast();
        return 0;
    }
    // A shell asking for completions (WINDDOWN_COMPLETE=bash winddown -- …): answer and exit.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).var(complete::VAR).complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Usage errors exit 2, --help/--version 0. An error can quote the
            // argument given, so it is shown plain, with controls made visible.
            if e.use_stderr() {
                show::error_line(e.render().to_string().trim_end());
            } else {
                let _ = e.print();
            }
            return e.exit_code() as u8;
        }
    };
    match dispatch(cli) {
        Ok(()) => 0,
        Err(e) => {
            if !e.message.is_empty() {
                show::error_line(&format!("winddown: {}", e.message));
            }
            e.code
        }
    }
}

fn dispatch(cli: Cli) -> CmdResult {
    // git runs the merge driver inside a repository: it needs no settings and no data folder.
    if let Some(Command::Journal(JournalCmd::MergeDriver { base, ours, theirs, path })) = cli.command {
        return journal_sync_cmd::merge_driver(&base, &ours, &theirs, path);
    }
    let paths = Paths::resolve(cli.config_dir, cli.data_dir)?;
    let ctx = context::Ctx::new(paths)?;
    match cli.command {
        Some(Command::Run { routine, speed }) => run_cmd::run(&ctx, routine.as_deref(), speed),
        Some(Command::Config(cmd)) => config_cmd::run(cmd, &ctx),
        Some(Command::Cue(args::CueCmd::Test { json, silent })) => cue_cmd::test(&ctx, json, silent),
        Some(Command::Completions { shell }) => match complete::registration(shell, &mut std::io::stdout()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Exit::failed(e.to_string())),
            _ => Ok(()),
        },
        Some(Command::Man) => match man::render(&mut std::io::stdout()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Exit::failed(e.to_string())),
            _ => Ok(()),
        },
        Some(Command::Init { shell }) => nudge_cmd::init(shell),
        Some(Command::Remind) => nudge_cmd::remind(&ctx),
        Some(Command::Prompt) => {
            nudge_cmd::prompt(&ctx.paths);
            Ok(())
        }
        Some(Command::Routine(cmd)) => routine_cmd::run(cmd, &ctx.paths, &ctx.config.default_routine),
        Some(Command::Checkin(args)) => journal_cmd::checkin(&ctx, args),
        Some(Command::Cramp { spot, at, sound }) => journal_cmd::cramp(&ctx, spot, at, sound),
        Some(Command::Rest { night, reason }) => journal_cmd::rest(&ctx, night, reason),
        Some(Command::Log { last, json }) => journal_cmd::log(&ctx, last, json),
        Some(Command::Export { format, from, to }) => journal_cmd::export(&ctx, format, from, to),
        Some(Command::Stats { json, since }) => journal_cmd::stats(&ctx, json, since),
        Some(Command::History) => journal_cmd::history(&ctx),
        Some(Command::Experiment(cmd)) => experiment_cmd::run(&ctx, cmd),
        Some(Command::Import { file }) => journal_cmd::import_file(&ctx, &file),
        Some(Command::Journal(JournalCmd::Check { json })) => journal_sync_cmd::check(&ctx, json),
        Some(Command::Journal(JournalCmd::Resolve { night, kind, pick, json })) => {
            journal_sync_cmd::resolve(&ctx, night, kind, pick, json)
        }
        Some(Command::Journal(JournalCmd::MergeDriver { base, ours, theirs, path })) => {
            journal_sync_cmd::merge_driver(&base, &ours, &theirs, path)
        }
        None => run_cmd::home(&ctx),
    }
}
