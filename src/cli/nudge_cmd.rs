//! The evening nudge at the edges: `winddown init SHELL` (the prompt hook),
//! the hook itself (`winddown prompt`, hidden, quiet and fast), and
//! `winddown remind` (a desktop notification for cron or a systemd timer).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::args::InitShell;
use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use crate::config::{self, Config};
use crate::journal::status::night_status;
use crate::nudge;
use crate::paths::Paths;

/// The file remembering when the prompt last nudged (in the data dir).
const NUDGED_FILE: &str = "nudged";
/// How long a notifier may take before it is stopped.
const NOTIFIER_LIMIT: Duration = Duration::from_secs(10);

/// `winddown init SHELL`: the snippet for the shell's start-up file.
pub fn init(shell: InitShell) -> CmdResult {
    let exe =
        std::env::current_exe().ok().and_then(|p| p.to_str().and_then(quote)).unwrap_or_else(|| "winddown".to_string());
    print!("{}", snippet(shell, &exe));
    Ok(())
}

/// Single-quotes a path for sh, zsh and fish; `None` for a path with a quote
/// or a backslash (the shells disagree on those), which then runs `winddown` from PATH.
fn quote(s: &str) -> Option<String> {
    (!s.contains(['\'', '\\'])).then(|| format!("'{s}'"))
}

fn snippet(shell: InitShell, exe: &str) -> String {
    match shell {
        InitShell::Bash => format!(
            r#"# winddown: a calm line at the first prompt of the evening while tonight's routine is not done.
# Add to ~/.bashrc:  eval "$(winddown init bash)"   (turn off with nudge = false in config.toml)
if [[ $- == *i* ]]; then
  __winddown_nudge() {{ local s=$?; {exe} prompt 2>/dev/null; return $s; }}
  if [[ ";${{PROMPT_COMMAND[*]:-}};" != *";__winddown_nudge;"* ]]; then
    PROMPT_COMMAND="__winddown_nudge${{PROMPT_COMMAND:+;$PROMPT_COMMAND}}"
  fi
fi
"#
        ),
        InitShell::Zsh => format!(
            r#"# winddown: a calm line at the first prompt of the evening while tonight's routine is not done.
# Add to ~/.zshrc:  eval "$(winddown init zsh)"   (turn off with nudge = false in config.toml)
if [[ -o interactive ]]; then
  __winddown_nudge() {{ {exe} prompt 2>/dev/null }}
  autoload -Uz add-zsh-hook
  add-zsh-hook precmd __winddown_nudge
fi
"#
        ),
        InitShell::Fish => format!(
            r#"# winddown: a calm line at the first prompt of the evening while tonight's routine is not done.
# Add to ~/.config/fish/config.fish:  winddown init fish | source   (turn off with nudge = false in config.toml)
if status is-interactive
  function __winddown_nudge --on-event fish_prompt
    {exe} prompt 2>/dev/null
  end
end
"#
        ),
    }
}

/// The prompt hook without clap or the full context: paths from the
/// environment, then [`prompt`]. Errors are swallowed: a prompt is no place for them.
pub fn prompt_fast() {
    let env_dir = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(Into::into);
    if let Ok(paths) = Paths::resolve(env_dir("WINDDOWN_CONFIG_DIR"), env_dir("WINDDOWN_DATA_DIR")) {
        prompt(&paths);
    }
}

/// The prompt hook: prints the nudge line when it is due, nothing otherwise.
pub fn prompt(paths: &Paths) {
    if !std::io::stdout().is_terminal() {
        return;
    }
    let (config, _) = config::load(&paths.config_file());
    let Some(now) = now() else { return };
    let night = config.night_rule().at(now).current;
    // Cheapest first: the clock, then the status file.
    if !config.nudge || !nudge::evening_started(now, night, config.nudge_from) || !pending(paths, &config, now) {
        return;
    }
    let nudged = paths.data_dir.join(NUDGED_FILE);
    let last = crate::input_file::read_text_limited(&nudged, 1024)
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok());
    if !nudge::prompt_due(now, last) {
        return;
    }
    // Remembered first: a line shown at most once an hour even if printing fails.
    // A hint, not data: no fsync (a lost write costs one extra line).
    let _ = std::fs::create_dir_all(&paths.data_dir);
    // Replaced, never written through: a link in its place is not followed.
    let _ = crate::fsutil::write_atomic(&nudged, format!("{}\n", now.to_rfc3339()).as_bytes());
    let _ = writeln!(std::io::stdout(), "{}", line(paths, &config));
}

/// Tonight's routine is neither done, nor replaced by a rest night, nor
/// left out on purpose (an off night of a running experiment).
fn pending(paths: &Paths, config: &Config, now: DateTime<FixedOffset>) -> bool {
    let night = config.night_rule().at(now).current;
    matches!(night_status(&paths.journal_dir(), night), Ok(s) if nudge::routine_pending(s))
        && !experiment_off_night(paths, night)
}

/// An experiment's off night: no routine is wanted, so nothing nudges toward one.
/// (A plan that cannot be read does not silence the nudge.)
fn experiment_off_night(paths: &Paths, night: chrono::NaiveDate) -> bool {
    matches!(crate::experiment::store::load(&paths.data_dir), Ok(Some(plan)) if plan.is_off_night(night))
}

fn line(paths: &Paths, config: &Config) -> String {
    let total = super::routine_cmd::resolve(paths, &config.default_routine)
        .ok()
        .map(|(r, _)| crate::routine::plan::total_time(&r));
    nudge::message(total)
}

/// `WINDDOWN_NOW` or the local time; `None` for an unreadable `WINDDOWN_NOW`.
fn now() -> Option<DateTime<FixedOffset>> {
    match std::env::var("WINDDOWN_NOW") {
        Ok(s) if !s.is_empty() => DateTime::parse_from_rfc3339(&s).ok(),
        _ => Some(chrono::Local::now().fixed_offset()),
    }
}

/// `winddown remind`: a desktop notification when tonight's routine is not done.
pub fn remind(ctx: &Ctx) -> CmdResult {
    if !ctx.config.nudge {
        return Ok(());
    }
    let night = ctx.current_night();
    let settled = night_status(&ctx.paths.journal_dir(), night)?;
    if !nudge::routine_pending(settled) || experiment_off_night(&ctx.paths, night) {
        return Ok(());
    }
    let text = line(&ctx.paths, &ctx.config);
    let body = text.trim_start_matches("winddown: ");
    let Some(mut cmd) = notifier(body) else {
        // No desktop to notify (cron mails what it prints).
        println!("{text}");
        return Ok(());
    };
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Exit::failed(format!("cannot start the notifier: {e}")))?;
    let deadline = Instant::now() + NOTIFIER_LIMIT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(Exit::failed(format!("the notifier failed ({status})"))),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Exit::failed("the notifier did not finish within 10 s; stopped it"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(Exit::failed(format!("cannot wait for the notifier: {e}"))),
        }
    }
}

/// notify-send (Linux) or osascript (macOS), whichever is on PATH.
fn notifier(body: &str) -> Option<Command> {
    if let Some(p) = on_path("notify-send") {
        let mut c = Command::new(p);
        c.args(["--app-name=winddown", "winddown", body]);
        return Some(c);
    }
    if let Some(p) = on_path("osascript") {
        let script = format!(
            "display notification \"{}\" with title \"winddown\"",
            body.replace('\\', "\\\\").replace('"', "\\\"")
        );
        let mut c = Command::new(p);
        c.args(["-e", &script]);
        return Some(c);
    }
    None
}

fn on_path(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_hook_the_prompt_only_in_interactive_shells() {
        let bash = snippet(InitShell::Bash, "'/x/winddown'");
        assert!(bash.contains("if [[ $- == *i* ]]"));
        assert!(bash.contains("'/x/winddown' prompt"));
        assert!(bash.contains("PROMPT_COMMAND="));
        assert!(snippet(InitShell::Zsh, "w").contains("add-zsh-hook precmd"));
        assert!(snippet(InitShell::Fish, "w").contains("status is-interactive"));
        assert_eq!(quote("/a b/w").as_deref(), Some("'/a b/w'"));
        assert_eq!(quote("/it's/w"), None);
    }
}
