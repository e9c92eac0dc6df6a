//! `winddown cue test`: which speech and sound programs the coach will use,
//! how to get one if none was found, and every cue played once.

use std::time::{Duration, Instant};

use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use crate::cues::programs::{self, Choice, Program};
use crate::cues::{CuePlayer, CueSetup, Found};
use crate::text::visible;

pub fn test(ctx: &Ctx, json: bool, silent: bool) -> CmdResult {
    let c = &ctx.config;
    let found = Found::on_path(std::env::var_os("PATH"));
    let setup = CueSetup {
        quiet: c.quiet,
        bell: c.bell,
        command: c.cue_command.clone(),
        ..CueSetup::new(&c.voice, &c.sound, &found)
    };
    let cues = crate::cues::demo::every_cue();
    if json {
        let describe = |choice: &Choice, p: &Option<Program>| {
            let setting = match choice {
                Choice::Auto => "auto",
                Choice::Off => "off",
                Choice::Command(_) => "command",
            };
            let (program, path) = match p {
                Some(Program::Found { name, path }) => (Some(name.to_string()), Some(path.display().to_string())),
                Some(Program::User(cmd)) => (Some(cmd.clone()), None),
                None => (None, None),
            };
            serde_json::json!({ "setting": setting, "program": program, "path": path })
        };
        let out = serde_json::json!({
            "voice": describe(&c.voice, &setup.voice),
            "sound": describe(&c.sound, &setup.sound),
            "quiet": c.quiet,
            "bell": c.bell,
            "cue_command": c.cue_command,
        });
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| Exit::failed(e.to_string()))?);
    } else {
        println!("speech: {}", line(&c.voice, &setup.voice, "voice", programs::install_hint()));
        println!("sounds: {}", line(&c.sound, &setup.sound, "sound", programs::player_hint()));
        if setup.sound.is_none() {
            println!("bell:   {}", if c.bell { "rings instead of the sounds" } else { "off (bell = false)" });
        }
        if c.quiet {
            println!("quiet:  on (softer, no ticks, no bell)");
        }
        if let Some(cmd) = &c.cue_command {
            println!("cue_command: {}", visible(cmd));
        }
    }
    if silent {
        return Ok(());
    }
    let mut player = CuePlayer::new(setup);
    let mut bells = false;
    for u in &cues {
        if !json {
            let words = u.words.as_deref().map(|w| format!("\"{w}\"")).unwrap_or_default();
            let sound = u.sound.map(|s| format!("[{} sound]", s.name())).unwrap_or_default();
            println!("  {}", [words, sound].join("  ").trim());
        }
        bells |= player.give(u);
        if bells {
            use std::io::Write;
            let _ = std::io::stdout().write_all(b"\x07").and_then(|_| std::io::stdout().flush());
            bells = false;
        }
        wait_for(&mut player);
    }
    if c.cue_command.is_some() {
        player.run_command("hold-start", "Cue test", None);
        wait_for(&mut player);
    }
    Ok(())
}

/// Waits (up to the time limits) until nothing plays, so cues do not cut each other off.
fn wait_for(player: &mut CuePlayer) {
    let give_up = Instant::now() + crate::cues::player::SPEECH_LIMIT;
    loop {
        let now = Instant::now();
        player.reap(now);
        if player.running().is_empty() || now >= give_up {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// "espeak-ng (/usr/bin/espeak-ng)", "off (voice = \"off\")", or what to install.
fn line(choice: &Choice, p: &Option<Program>, key: &str, hint: &str) -> String {
    match (choice, p) {
        (Choice::Off, _) => format!("off ({key} = \"off\" in the settings)"),
        (_, Some(Program::Found { name, path })) => format!("{name} ({})", visible(&path.display().to_string())),
        (_, Some(Program::User(cmd))) => format!("your command: {}", visible(cmd)),
        (_, None) => format!("none found on PATH; {hint}"),
    }
}
