//! `winddown config path|show|check`.

use super::args::ConfigCmd;
use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use crate::config;

pub fn run(cmd: ConfigCmd, ctx: &Ctx) -> CmdResult {
    let path = ctx.paths.config_file();
    match cmd {
        ConfigCmd::Path => println!("{}", path.display()),
        ConfigCmd::Show => {
            let c = &ctx.config;
            if !path.exists() {
                println!("# {} does not exist: these are the defaults", path.display());
            }
            println!("default_routine = {:?}", c.default_routine);
            println!("night_boundary = \"{}\"", c.night_boundary.format("%H:%M"));
            println!("bell = {}", c.bell);
            match &c.cue_command {
                Some(cmd) => println!("cue_command = {cmd:?}"),
                None => println!("# cue_command = \"...\"   (not set)"),
            }
            println!("theme = \"{}\"", if c.color { "color" } else { "no-color" });
            let week_start = match c.week_start {
                chrono::Weekday::Sun => "sunday",
                chrono::Weekday::Sat => "saturday",
                _ => "monday",
            };
            println!("week_start = \"{week_start}\"");
        }
        ConfigCmd::Check => {
            let (_, problems) = config::load(&path);
            if !problems.is_empty() {
                let text: Vec<String> = problems.iter().map(|d| format!("error: {d}")).collect();
                return Err(Exit::invalid(format!(
                    "{}\n{} problem(s) in the settings",
                    text.join("\n"),
                    problems.len()
                )));
            }
            println!("{}: ok", path.display());
        }
    }
    Ok(())
}
