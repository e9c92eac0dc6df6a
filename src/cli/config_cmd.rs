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
            let in_file = keys_in_file(&path);
            let (_, problems) = config::load(&path);
            let invalid = |key: &str| problems.iter().any(|p| p.message.starts_with(key));
            if !path.exists() {
                println!("# {} does not exist: these are the defaults", path.display());
            }
            let week_start = match c.week_start {
                chrono::Weekday::Sun => "sunday",
                chrono::Weekday::Sat => "saturday",
                _ => "monday",
            };
            let settings = [
                ("default_routine", Some(format!("{:?}", c.default_routine))),
                ("night_boundary", Some(format!("\"{}\"", c.night_boundary.format("%H:%M")))),
                ("bell", Some(c.bell.to_string())),
                ("cue_command", c.cue_command.as_ref().map(|cmd| format!("{cmd:?}"))),
                ("theme", Some(format!("\"{}\"", if c.color { "color" } else { "no-color" }))),
                ("week_start", Some(format!("\"{week_start}\""))),
                ("nudge", Some(c.nudge.to_string())),
                ("nudge_from", Some(format!("\"{}\"", c.nudge_from.format("%H:%M")))),
            ];
            for (key, value) in settings {
                match value {
                    // A setting the file gives (and that is valid) is shown bare; a default says so.
                    Some(v) if invalid(key) => println!("{key} = {v}   # default: the file's value is not valid"),
                    Some(v) if in_file.iter().any(|k| k == key) => println!("{key} = {v}"),
                    Some(v) => println!("{key} = {v}   # default"),
                    None => println!("# {key} = \"...\"   (not set)"),
                }
            }
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

/// The top-level keys the settings file sets (none when it is missing or does not parse).
fn keys_in_file(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .map(|table| table.keys().cloned().collect())
        .unwrap_or_default()
}
