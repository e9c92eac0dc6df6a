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

use crate::journal::exchange::{import, parse_export, write_export_csv, write_export_json};
use crate::journal::night::latest_at;
use crate::journal::{CheckIn, Cramp, JournalError, Record, RedFlags, RestNight, SleepTimes, Spot};

impl From<JournalError> for Exit {
    fn from(e: JournalError) -> Exit {
        Exit::failed(e.to_string())
    }
}

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
    let night = args.night.unwrap_or_else(|| ctx.last_night());
    if night > ctx.current_night() {
        // The form refuses these too: a check-in is about a night that has happened.
        return Err(Exit::invalid(format!(
            "the night of {night} has not happened yet; the latest night to check in for is {}",
            ctx.current_night()
        )));
    }
    let logged =
        journal.read_range(Some(night), Some(night))?.night(night).map(|n| n.cramps.clone()).unwrap_or_default();
    let cramps = match (args.cramps, logged.len()) {
        (Some(n), _) => n,
        (None, 0) => {
            return Err(Exit::invalid("--cramps is required (0 for a night without cramps)"));
        }
        (None, n) => n as u32,
    };
    if cramps == 0 {
        let extra = [
            ("--pain", args.pain.is_some()),
            ("--where", !args.places.is_empty()),
            ("--longest", args.longest.is_some()),
            ("--disturbed", args.disturbed.is_some()),
        ];
        if let Some((flag, _)) = extra.iter().find(|(_, given)| *given) {
            return Err(Exit::invalid(format!("{flag} describes cramps, but --cramps is 0")));
        }
    }
    let mut places = args.places;
    if places.is_empty() && cramps > 0 {
        // Start from the cramps logged in the night.
        places = logged.iter().map(|c| Spot { place: c.place, side: c.side }).collect();
    }
    places.sort();
    places.dedup();
    let record = CheckIn {
        night,
        recorded: ctx.now,
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
        triggers: dedup(args.triggers),
        tags: dedup(args.tags),
        red_flags: RedFlags {
            one_leg_swollen: args.swollen_leg.unwrap_or(false),
            lasting_numbness: args.numbness.unwrap_or(false),
        },
        note: args.note.unwrap_or_default().trim().to_string(),
    };
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
    let last = ctx.last_night();
    let night = night.unwrap_or(last);
    if night > last {
        return Err(Exit::invalid(format!("{night} has not happened yet; the latest night to check in for is {last}")));
    }
    let mut form = crate::tui::checkin::CheckinForm::new(ctx.journal(), night, last.max(night), ctx.now);
    let cues = crate::tui::runtime::RunSettings::from(&ctx.config);
    let ending =
        crate::tui::runtime::run_screen(&mut form, &cues).map_err(|e| Exit::failed(format!("terminal error: {e}")))?;
    if let crate::tui::checkin::Mode::Saved { .. } = form.mode {
        println!("checked in for the night of {}", form.night.format("%a %d %b %Y"));
    }
    match ending {
        crate::tui::runtime::Ending::Signal(name) => Err(Exit::failed(format!("stopped by {name}; nothing was saved"))),
        crate::tui::runtime::Ending::Normal if form.open_history => history(ctx),
        crate::tui::runtime::Ending::Normal => Ok(()),
    }
}

fn dedup<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

pub fn cramp(ctx: &Ctx, spot: Spot, at: Option<NaiveTime>) -> CmdResult {
    let at = at.map_or(ctx.now, |t| latest_at(ctx.now, t));
    let night = crate::journal::night_of_time(at, ctx.config.night_boundary);
    ctx.journal().put(vec![Record::Cramp(Cramp { night, at, place: spot.place, side: spot.side })])?;
    println!(
        "logged a cramp ({}) at {} for the night of {}",
        crate::journal::exchange::spot_name(spot.place, spot.side),
        at.format("%H:%M"),
        night.format("%a %d %b")
    );
    Ok(())
}

pub fn rest(ctx: &Ctx, night: Option<chrono::NaiveDate>, reason: String) -> CmdResult {
    let night = night.unwrap_or_else(|| ctx.current_night());
    ctx.journal().put(vec![Record::Rest(RestNight { night, reason, recorded: ctx.now })])?;
    println!("the night of {} is a rest night", night.format("%a %d %b %Y"));
    Ok(())
}

pub fn log(ctx: &Ctx, last: u32, json: bool) -> CmdResult {
    let end = ctx.current_night();
    let start = end.checked_sub_days(chrono::Days::new(u64::from(last.saturating_sub(1))));
    let entries = ctx.journal().read_range(start, Some(end))?;
    if json {
        let rows = log_text::rows(&entries, end, last);
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| Exit::failed(e.to_string()))?);
    } else {
        print!("{}", log_text::log_text(&entries, end, last));
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
    let text =
        std::fs::read_to_string(file).map_err(|e| Exit::invalid(format!("cannot read {}: {e}", file.display())))?;
    let records = parse_export(&text).map_err(|e| Exit::invalid(format!("{}: {e}", file.display())))?;
    let report = import(&ctx.journal(), records)?;
    println!("imported {}: {} added, {} already there", file.display(), report.added, report.unchanged);
    Ok(())
}

pub fn stats(ctx: &Ctx, json: bool, since: Option<chrono::NaiveDate>) -> CmdResult {
    let facts = crate::stats::facts::Facts::read(&ctx.journal())?;
    let plan = match crate::experiment::store::load(&ctx.paths.data_dir) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("winddown: warning: {e}");
            None
        }
    };
    let report = match &plan {
        Some(p) => {
            crate::stats::report::report_with_off_nights(&facts, ctx.current_night(), since, |n| p.is_off_night(n))
        }
        None => crate::stats::report::report(&facts, ctx.current_night(), since),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report).map_err(|e| Exit::failed(e.to_string()))?);
    } else {
        print!("{}", crate::stats::report::text(&report));
        if let Some(p) = plan.filter(|p| p.night(ctx.current_night()).is_some()) {
            println!("\nExperiment tonight: {} (winddown experiment status)", p.tonight_line(ctx.current_night()));
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
    let entries = ctx.journal().read_all()?;
    let mut app = crate::tui::history::HistoryApp::new(entries, ctx.current_night());
    match crate::experiment::store::load(&ctx.paths.data_dir) {
        Ok(Some(plan)) => {
            let facts = crate::stats::facts::Facts::from_entries(&app.entries);
            app.report = crate::stats::report::report_with_off_nights(&facts, ctx.current_night(), None, |n| {
                plan.is_off_night(n)
            });
            app.consistency =
                crate::stats::score::series_with_off_nights(&facts, ctx.current_night(), |n| plan.is_off_night(n));
            let last_over = ctx.last_night().min(ctx.current_night());
            app.experiment = Some((plan.clone(), crate::experiment::analyse(&plan, &app.entries, last_over)));
        }
        Ok(None) => {}
        Err(e) => return Err(Exit::failed(e.to_string())),
    }
    let cues = crate::tui::runtime::RunSettings::from(&ctx.config);
    crate::tui::runtime::run_screen(&mut app, &cues).map_err(|e| Exit::failed(format!("terminal error: {e}")))?;
    Ok(())
}
