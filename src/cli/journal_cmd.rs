//! Recording and reading the journal from the command line:
//! `checkin`, `cramp`, `rest`, `log`, `export`, `import`.

use std::io::IsTerminal;
use std::path::Path;

use chrono::NaiveTime;

use super::args::{CheckinArgs, ExportFormat};
use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use super::log_text;
use std::io::Write;

use crate::checkin::rules::{validate_cramp, validate_rest};
use crate::checkin::{Answers, RuleError};
use crate::journal::exchange::{import, parse_export, write_export_csv, write_export_json};
use crate::journal::night::latest_at;
use crate::journal::{Cramp, JournalError, Record, RedFlags, RestNight, SleepTimes, Spot};

pub fn checkin(ctx: &Ctx, args: CheckinArgs) -> CmdResult {
    if !args.has_answers() {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            return checkin_form(ctx, args.night);
        }
        return Err(Exit::invalid(
            "no terminal for the check-in form: give the answers as flags, for instance `winddown checkin --cramps 0 --quality fair` (see `winddown checkin --help`)",
        ));
    }
    let journal = ctx.journal();
    let nights = ctx.nights();
    let night = args.night.unwrap_or(nights.last_over);
    let logged =
        journal.read_range(Some(night), Some(night))?.night(night).map(|n| n.cramps.clone()).unwrap_or_default();
    let cramps = args.cramps.or_else(|| (!logged.is_empty()).then_some(logged.len() as u32));
    let mut places = args.places;
    if places.is_empty() && cramps.is_some_and(|n| n > 0) {
        // Start from the cramps logged in the night.
        places = logged.iter().filter_map(|c| Some(Spot { place: c.place?, side: c.side })).collect();
    }
    let answers = Answers {
        cramps,
        pain: args.pain,
        longest_s: args.longest,
        places,
        disturbed: args.disturbed,
        quality: args.quality,
        rested: args.rested,
        sleep: SleepTimes {
            into_bed: args.into_bed,
            fall_asleep_min: args.fall_asleep,
            awakenings: args.awakenings,
            final_wake: args.final_wake,
        },
        triggers: args.triggers,
        tags: args.tags,
        red_flags: RedFlags { one_leg_swollen: args.swollen_leg, lasting_numbness: args.numbness },
        note: args.note.unwrap_or_default(),
    };
    let record = answers.build(night, ctx.now, &nights).map_err(|e| match e {
        RuleError::Missing { .. } => Exit::invalid("--cramps is required (0 for a night without cramps)"),
        e => e.into(),
    })?;
    let flags = record.red_flags;
    journal.put(vec![Record::Checkin(record)])?;
    println!("checked in for the night of {}", night.format("%a %d %b %Y"));
    if flags.any() {
        println!("{}", crate::guidance::RED_FLAG_NOTICE);
    }
    Ok(())
}

/// The full-screen check-in form.
fn checkin_form(ctx: &Ctx, night: Option<chrono::NaiveDate>) -> CmdResult {
    let nights = ctx.nights();
    let night = night.unwrap_or(nights.last_over);
    if !nights.is_over(night) {
        return Err(RuleError::NightNotOver { night, latest: nights.last_over }.into());
    }
    let settings = crate::tui::runtime::RunSettings::from(&ctx.config);
    let (app, ending) = super::run_cmd::run_app(ctx, crate::tui::app::Start::Checkin(night), 1.0, &settings)?;
    if let Some(form) = app.checkin.as_ref().or(app.last_checkin.as_ref())
        && let Some(saved) = &form.saved
    {
        println!("checked in for the night of {}", saved.night.format("%a %d %b %Y"));
    }
    match ending {
        crate::tui::runtime::Ending::Signal(s) => {
            Err(Exit { code: s.exit_code(), message: format!("stopped by {}; nothing was saved", s.name) })
        }
        crate::tui::runtime::Ending::Normal => Ok(()),
    }
}

pub fn cramp(ctx: &Ctx, spot: Option<Spot>, at: Option<NaiveTime>, sound: bool) -> CmdResult {
    let Some(spot) = spot else {
        if at.is_some() {
            return Err(Exit::invalid("--at needs WHERE: for instance `winddown cramp calf-left --at 03:10`"));
        }
        return cramp_screen(ctx, sound);
    };
    let at = at.map_or(ctx.now, |t| latest_at(ctx.now, t));
    let night = crate::journal::night_of_time(at, ctx.config.night_boundary);
    let record = Cramp { night, at, place: Some(spot.place), side: spot.side };
    validate_cramp(&record, &ctx.nights(), night)?;
    ctx.journal().put(vec![Record::Cramp(record)])?;
    println!(
        "logged a cramp ({}) at {} for the night of {}",
        crate::journal::exchange::spot_name(spot.place, spot.side),
        at.format("%H:%M"),
        night.format("%a %d %b")
    );
    Ok(())
}

/// `winddown cramp` in a terminal: the cramp is logged as the screen opens.
fn cramp_screen(ctx: &Ctx, sound: bool) -> CmdResult {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Exit::invalid(
            "no terminal for the cramp screen: say where, for instance `winddown cramp calf-left`",
        ));
    }
    // Quiet at night: no bell, no cue command, unless asked with --sound.
    let mut settings = crate::tui::runtime::RunSettings::from(&ctx.config);
    if !sound {
        settings.cues = crate::cues::programs::CueSetup::default();
    }
    let (app, ending) = super::run_cmd::run_app(ctx, crate::tui::app::Start::Cramp, 1.0, &settings)?;
    let Some(app) = app.front_cramp() else { return Ok(()) };
    if let Some(e) = &app.save_error {
        return Err(Exit::failed(format!("the cramp was not saved: {e}")));
    }
    let c = &app.cramp;
    let place =
        c.place.map_or_else(|| "place not said".to_string(), |p| crate::journal::exchange::spot_name(p, c.side));
    println!("logged a cramp ({place}) at {} for the night of {}", c.at.format("%H:%M"), c.night.format("%a %d %b"));
    match ending {
        crate::tui::runtime::Ending::Signal(s) => {
            Err(Exit { code: s.exit_code(), message: format!("stopped by {}; the cramp is logged", s.name) })
        }
        crate::tui::runtime::Ending::Normal => Ok(()),
    }
}

pub fn rest(ctx: &Ctx, night: Option<chrono::NaiveDate>, reason: String) -> CmdResult {
    let night = night.unwrap_or_else(|| ctx.current_night());
    let record = RestNight { night, reason, recorded: ctx.now };
    validate_rest(&record, &ctx.nights())?;
    ctx.journal().put(vec![Record::Rest(record)])?;
    println!("the night of {} is a rest night", night.format("%a %d %b %Y"));
    Ok(())
}

pub fn log(ctx: &Ctx, last: u32, json: bool) -> CmdResult {
    let nights = ctx.nights();
    // Tonight is listed once something is recorded for it (a run, a rest);
    // in the morning the list ends at the night that is over.
    let journal = ctx.journal();
    let tonight = journal.read_range(Some(nights.current), Some(nights.current))?;
    let end = if tonight.nights.is_empty() { nights.last_over } else { nights.current };
    let start = end.checked_sub_days(chrono::Days::new(u64::from(last.saturating_sub(1))));
    let entries = journal.read_range(start, Some(end))?;
    if json {
        let rows = log_text::rows(&entries, end, last);
        super::show::json(&rows)?;
    } else {
        super::show::text(&log_text::log_text(&entries, end, last));
    }
    Ok(())
}

pub fn export(
    ctx: &Ctx,
    format: ExportFormat,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> CmdResult {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Exit::invalid(format!("--from {f} is after --to {t}")));
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = match format {
        ExportFormat::Json => {
            let lines = ctx.journal().read_lines(from, to)?;
            write_export_json(&lines, &mut out)
        }
        ExportFormat::Csv => {
            let entries = ctx.journal().read_range(from, to)?;
            let r = write_export_csv(&entries, &mut out).map_err(std::io::Error::from);
            // The process ends right after: freeing ten years of records one by one is wasted time.
            std::mem::forget(entries);
            r
        }
    };
    match result.and_then(|_| out.flush()) {
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Exit::failed(format!("cannot write the export: {e}")))
        }
        _ => Ok(()),
    }
}

pub fn import_file(ctx: &Ctx, file: &Path) -> CmdResult {
    use crate::input_file::{IMPORT_LIMIT, read_text_limited};
    let text = read_text_limited(file, IMPORT_LIMIT)
        .map_err(|e| Exit::invalid(format!("cannot import {}: {e}", file.display())))?;
    let records = parse_export(&text).map_err(|e| Exit::invalid(format!("{}: {e}", file.display())))?;
    // The same rules as when each record is written; one bad record refuses the whole file.
    let problems = crate::checkin::rules::validate_import(&records, &ctx.nights(), ctx.config.night_boundary);
    if !problems.is_empty() {
        const SHOWN: usize = 20;
        let more = problems.len().saturating_sub(SHOWN);
        let mut lines: Vec<String> =
            problems.iter().take(SHOWN).map(|p| crate::text::visible(&p.to_string()).into_owned()).collect();
        if more > 0 {
            lines.push(format!("and {more} more"));
        }
        return Err(Exit::invalid(format!(
            "import refused, nothing was written: {} invalid record{} in {}:\n  {}",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            file.display(),
            lines.join("\n  ")
        )));
    }
    // A file that disagrees with the journal (or with itself) is bad input: exit 2.
    let report = import(&ctx.journal(), records).map_err(|e| match e {
        JournalError::Refused(m) => Exit::invalid(crate::text::visible_lines(&m).into_owned()),
        e => Exit::from(e),
    })?;
    super::show::line(&format!(
        "imported {}: {} added, {} already there",
        file.display(),
        report.added,
        report.unchanged
    ));
    Ok(())
}

pub fn stats(ctx: &Ctx, json: bool, since: Option<chrono::NaiveDate>) -> CmdResult {
    let facts = crate::stats::facts::Facts::read(&ctx.journal())?;
    let nights = ctx.nights();
    let plan = match crate::experiment::store::load(&ctx.paths.data_dir) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("winddown: warning: {}", crate::text::visible(&e.to_string()));
            None
        }
    };
    let report = crate::stats::report::report_with_off_nights(&facts, nights.current, nights.last_over, since, |n| {
        plan.as_ref().is_some_and(|p| p.is_off_night(n))
    });
    if json {
        super::show::json(&report)?;
    } else {
        super::show::text(&crate::stats::report::text(&report));
        if let Some(p) = plan.filter(|p| p.night(nights.current).is_some()) {
            super::show::text(&format!(
                "\nExperiment tonight: {} (winddown experiment status)\n",
                p.tonight_line(nights.current)
            ));
        }
    }
    Ok(())
}

/// The full-screen history.
pub fn history(ctx: &Ctx) -> CmdResult {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Exit::invalid(
            "the history screen needs a terminal; `winddown stats` and `winddown log` print the same figures",
        ));
    }
    // A plan that cannot be read is refused here, as `winddown experiment status` would.
    crate::experiment::store::load(&ctx.paths.data_dir)?;
    let settings = crate::tui::runtime::RunSettings::from(&ctx.config);
    match super::run_cmd::run_app(ctx, crate::tui::app::Start::History, 1.0, &settings)?.1 {
        crate::tui::runtime::Ending::Signal(s) => {
            Err(Exit { code: s.exit_code(), message: format!("stopped by {}", s.name) })
        }
        crate::tui::runtime::Ending::Normal => Ok(()),
    }
}
