//! `winddown experiment …`: start, status, result, stop.

use std::hash::{BuildHasher, Hasher};

use chrono::NaiveDate;
use serde::Serialize;

use super::args::ExperimentCmd;
use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use super::experiment_text as text;
use crate::experiment::store::{self, StoreError};
use crate::experiment::{Design, Outcome, Plan, analyse};
use crate::journal::Entries;
use crate::routine::library::Library;

/// Version of the `experiment … --json` output.
pub const EXPERIMENT_JSON_VERSION: u32 = 1;

pub fn run(ctx: &Ctx, cmd: ExperimentCmd) -> CmdResult {
    match cmd {
        ExperimentCmd::Start { routine, against, weeks, washout, first_night, seed, json } => {
            let routine = routine.unwrap_or_else(|| ctx.config.default_routine.clone());
            start(ctx, routine, against, weeks, washout, first_night, seed, json)
        }
        ExperimentCmd::Status { json } => status(ctx, json),
        ExperimentCmd::Result { json } => result(ctx, json),
        ExperimentCmd::Stop { discard, json } => stop(ctx, discard, json),
    }
}

/// The most recent night that is over (a check-in can be about it).
fn last_over(ctx: &Ctx) -> NaiveDate {
    ctx.last_night().min(ctx.current_night())
}

fn current(ctx: &Ctx) -> Result<Plan, Exit> {
    store::load(&ctx.paths.data_dir)?.ok_or_else(|| StoreError::NoPlan.into())
}

/// The journal over the plan's nights.
fn entries(ctx: &Ctx, plan: &Plan) -> Result<Entries, Exit> {
    Ok(ctx.journal().read_range(Some(plan.first_night), Some(plan.last_night()))?)
}

fn print_json(value: &impl Serialize) -> CmdResult {
    println!("{}", serde_json::to_string_pretty(value).map_err(|e| Exit::failed(e.to_string()))?);
    Ok(())
}

fn check_routine(ctx: &Ctx, lib: &Library, name: &str) -> Result<(), Exit> {
    match lib.find(name) {
        Some(e) if e.routine.is_ok() => Ok(()),
        Some(_) => Err(Exit::invalid(format!(
            "the routine \"{}\" has errors; fix it first (winddown routine check)",
            crate::text::visible(name)
        ))),
        None => Err(Exit::invalid(format!(
            "no routine named \"{}\" (see `winddown routine list`; routines in {} count too)",
            crate::text::visible(name),
            ctx.paths.routines_dir().display()
        ))),
    }
}

/// A fresh random seed: the standard library's per-process random keys and the clock.
fn fresh_seed() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    h.write_u32(std::process::id());
    h.finish()
}

#[allow(clippy::too_many_arguments)]
fn start(
    ctx: &Ctx,
    routine: String,
    against: Option<String>,
    weeks: u32,
    washout: u32,
    first_night: Option<NaiveDate>,
    seed: Option<u64>,
    json: bool,
) -> CmdResult {
    let lib = Library::load(&ctx.paths.routines_dir());
    check_routine(ctx, &lib, &routine)?;
    if let Some(b) = &against {
        check_routine(ctx, &lib, b)?;
    }
    let tonight = ctx.current_night();
    let first_night = first_night.unwrap_or(tonight);
    if first_night < tonight {
        return Err(Exit::invalid(
            "an experiment cannot start on a night that is already over: its order must be drawn before",
        ));
    }
    let design = match against {
        Some(b) => Design::TwoRoutines { a: routine, b },
        None => Design::RoutineVsNone { routine },
    };
    let plan = Plan::new(design, weeks, washout, first_night, ctx.now, seed.unwrap_or_else(fresh_seed))
        .map_err(|e| Exit::invalid(e.to_string()))?;
    store::start(&ctx.paths.data_dir, &plan, tonight)?;
    if json {
        return print_json(&text::status_json(&plan, &Entries::default(), tonight, last_over(ctx)));
    }
    println!("Experiment planned and saved in {}.\n", store::path(&ctx.paths.data_dir).display());
    print!("{}", text::status_text(&plan, &Entries::default(), tonight, last_over(ctx)));
    Ok(())
}

fn status(ctx: &Ctx, json: bool) -> CmdResult {
    let plan = current(ctx)?;
    let entries = entries(ctx, &plan)?;
    if json {
        print_json(&text::status_json(&plan, &entries, ctx.current_night(), last_over(ctx)))
    } else {
        print!("{}", text::status_text(&plan, &entries, ctx.current_night(), last_over(ctx)));
        Ok(())
    }
}

#[derive(Serialize)]
struct ResultJson<'a> {
    version: u32,
    plan: &'a Plan,
    result: Outcome,
}

fn result(ctx: &Ctx, json: bool) -> CmdResult {
    let plan = current(ctx)?;
    let outcome = analyse(&plan, &entries(ctx, &plan)?, last_over(ctx));
    if json {
        print_json(&ResultJson { version: EXPERIMENT_JSON_VERSION, plan: &plan, result: outcome })
    } else {
        print!("{}", text::result_text(&plan, &outcome));
        Ok(())
    }
}

fn stop(ctx: &Ctx, discard: bool, json: bool) -> CmdResult {
    let dir = &ctx.paths.data_dir;
    if discard {
        let stamp = ctx.now.format("discarded-%Y%m%dT%H%M%S").to_string();
        let to = store::archive(dir, &stamp)?;
        if json {
            return print_json(&serde_json::json!({"version": EXPERIMENT_JSON_VERSION, "discarded": to}));
        }
        println!("The plan file was set aside as {} (nothing deleted).", to.display());
        return Ok(());
    }
    let mut plan = current(ctx)?;
    if plan.stopped.is_some() {
        return Err(Exit::invalid("the experiment is already stopped"));
    }
    let last = last_over(ctx);
    if last >= plan.last_night() {
        return Err(Exit::invalid(
            "the experiment is already over: nothing to stop (see `winddown experiment result`)",
        ));
    }
    if last < plan.first_night {
        // Nothing counted yet: the plan is set aside rather than stopped.
        let to = store::archive(dir, &format!("cancelled-{}", plan.first_night))?;
        if json {
            return print_json(&serde_json::json!({"version": EXPERIMENT_JSON_VERSION, "cancelled": to}));
        }
        println!("The experiment had not started yet; its plan was set aside as {}.", to.display());
        return Ok(());
    }
    plan.stopped = Some(last);
    store::save(dir, &plan)?;
    let outcome = analyse(&plan, &entries(ctx, &plan)?, last);
    if json {
        return print_json(&ResultJson { version: EXPERIMENT_JSON_VERSION, plan: &plan, result: outcome });
    }
    println!("Stopped after the night of {}.\n", last.format("%a %d %b %Y"));
    print!("{}", text::result_text(&plan, &outcome));
    Ok(())
}
