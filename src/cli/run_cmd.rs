//! `winddown run`: the coach, full-screen.

use std::io::IsTerminal;
use std::time::Instant;

use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use super::routine_cmd::resolve;
use crate::tui::app::{App, AppContext, Start};
use crate::tui::coach::{CoachScreen, Mode};
use crate::tui::runtime::{Ending, RunSettings};

/// Opens the app at `start` with `settings`, runs it, and hands it back for
/// the command's closing line.
pub fn run_app(ctx: &Ctx, start: Start, speed: f64, settings: &RunSettings) -> Result<(App, Ending), Exit> {
    let now = Instant::now();
    let mut app_ctx = AppContext::new(ctx.paths.clone(), ctx.config.clone(), ctx.config_problems.clone(), ctx.now, now);
    app_ctx.speed = speed;
    let mut app = App::open(app_ctx, start, now).map_err(Exit::failed)?;
    let ending =
        crate::tui::runtime::run(&mut app, settings).map_err(|e| Exit::failed(format!("terminal error: {e}")))?;
    Ok((app, ending))
}

pub fn run(ctx: &Ctx, routine: Option<&str>, speed: f64) -> CmdResult {
    let name = routine.unwrap_or(&ctx.config.default_routine);
    let (routine, _) = resolve(&ctx.paths, name)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Exit::invalid(
            "the coach needs a terminal (stdin and stdout are not both a terminal); use `winddown routine show` to print a routine",
        ));
    }
    let night = ctx.current_night();
    if let Some(problem) = crate::fsutil::dir_unwritable(&ctx.paths.journal_dir()) {
        return Err(Exit::failed(format!("{problem}; the run would not be recorded")));
    }
    let (app, ending) = run_app(ctx, Start::Coach(routine), speed, &RunSettings::from(&ctx.config))?;
    let Some(coach) = app.front_coach() else { return Ok(()) };
    if let Some(e) = &coach.save_error {
        let code = if let Ending::Signal(s) = ending { s.exit_code() } else { 1 };
        return Err(Exit { code, message: format!("progress was not saved: {e}") });
    }
    match ending {
        Ending::Signal(s) => {
            Err(Exit { code: s.exit_code(), message: format!("stopped by {}; progress saved", s.name) })
        }
        // `h` on the summary showed the history, and leaving it ended the program.
        Ending::Normal if app.tab == crate::tui::tabs::Tab::History => Ok(()),
        Ending::Normal if coach.mode == Mode::Summary => {
            println!(
                "Recorded for the night of {}. Check in tomorrow morning: winddown checkin",
                night.format("%a %d %b")
            );
            Ok(())
        }
        Ending::Normal => {
            println!("{}", quit_note(coach, night, name));
            Ok(())
        }
    }
}

/// What quitting mid-routine left in the journal, and how to carry on.
fn quit_note(app: &CoachScreen, night: chrono::NaiveDate, name: &str) -> String {
    use crate::journal::Outcome;
    let steps = app.session.steps();
    let count = |st: Outcome| steps.iter().filter(|s| s.status() == st).count();
    let (done, skipped, partial) = (count(Outcome::Done), count(Outcome::Skipped), count(Outcome::Partial));
    if matches!(app.mode, Mode::ResumeOffer { .. }) || done + skipped + partial == 0 {
        return "Nothing new was saved: no step was finished.".to_string();
    }
    format!(
        "Saved for the night of {}: {done} of {} steps done, {skipped} skipped, {partial} partly done. \
         `winddown run {}` tonight offers to resume where you stopped.",
        night.format("%a %d %b"),
        steps.len(),
        crate::text::visible(name)
    )
}

/// `winddown` with no command: the home screen.
pub fn home(ctx: &Ctx) -> CmdResult {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Exit::invalid("winddown needs a terminal; see `winddown --help` for the commands"));
    }
    let settings = RunSettings::from(&ctx.config);
    match run_app(ctx, Start::Home, 1.0, &settings)?.1 {
        Ending::Signal(s) => {
            Err(Exit { code: s.exit_code(), message: format!("stopped by {}; progress saved", s.name) })
        }
        Ending::Normal => Ok(()),
    }
}
