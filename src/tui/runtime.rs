//! The event loop around a screen: terminal set-up and restore, keys, resizes,
//! signals, and waking exactly when the screen has something new to show.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::DefaultTerminal;

use super::screen::Screen;
use super::theme::Theme;
use crate::session::Cue;

/// How long the loop may sleep with nothing to show: it still checks for signals.
const IDLE_WAKE: Duration = Duration::from_millis(500);

/// Settings the runtime applies: cues and colours.
pub struct RunSettings {
    pub bell: bool,
    pub command: Option<String>,
    pub theme: Theme,
    /// ASCII only (`TERM=dumb`, a locale that is not UTF-8): see `glyphs`.
    pub plain: bool,
}

impl From<&crate::config::Config> for RunSettings {
    fn from(c: &crate::config::Config) -> RunSettings {
        RunSettings {
            bell: c.bell,
            command: c.cue_command.clone(),
            theme: Theme::new(c.color),
            plain: super::glyphs::plain_from_env(),
        }
    }
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    Normal,
    /// SIGTERM or SIGHUP (a closed terminal): progress saved, terminal restored.
    Signal(&'static str),
}

/// Runs a screen full-screen until the user leaves it (or a signal arrives).
/// The terminal is restored on every path, panics included (ratatui's hook).
pub fn run_screen(app: &mut impl Screen, cues: &RunSettings) -> std::io::Result<Ending> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, app, cues, &signal);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut impl Screen,
    cues: &RunSettings,
    signal: &AtomicUsize,
) -> std::io::Result<Ending> {
    let theme = cues.theme;
    let mut children: Vec<Child> = Vec::new();
    let mut dirty = true;
    let mut scheduled: Option<Instant> = None;
    loop {
        let now = Instant::now();
        if dirty {
            terminal.draw(|f| {
                app.draw(now, &theme, f);
                if cues.plain {
                    super::glyphs::to_ascii(f.buffer_mut());
                }
            })?;
            dirty = false;
        }
        if app.finished() {
            return Ok(Ending::Normal);
        }
        scheduled = app.next_wake(now).or(scheduled.filter(|s| *s > now));
        let timeout = scheduled.map_or(IDLE_WAKE, |s| s.saturating_duration_since(now).min(IDLE_WAKE));
        let input = match wait_for_input(timeout) {
            Wait::HangUp => {
                app.on_signal(Instant::now());
                return Ok(Ending::Signal("a closed terminal"));
            }
            Wait::Input => true,
            // A signal (a resize among them) woke us: let crossterm look, without waiting.
            Wait::Timeout | Wait::Interrupted => false,
        };
        if input || event::poll(Duration::ZERO)? {
            // Drain everything waiting so a burst of resizes costs one redraw.
            while event::poll(Duration::ZERO)? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        let (w, h) = app.min_size();
                        let small = terminal.size().is_ok_and(|s| s.width < w || s.height < h);
                        if small && matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                            app.on_signal(Instant::now());
                            return Ok(Ending::Normal);
                        }
                        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
                            suspend(terminal, app)?;
                        } else {
                            app.on_key(key, Instant::now());
                        }
                        dirty = true;
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            }
        }
        if let Some(path) = app.take_edit_request() {
            // Hand the terminal to the editor, then take it back.
            ratatui::restore();
            let result = crate::editor::edit(&path);
            // A new terminal draws everything afresh (clear() would query the cursor).
            *terminal = ratatui::init();
            app.edit_done(result, Instant::now());
            dirty = true;
        }
        let now = Instant::now();
        app.on_tick(now);
        dirty |= app.take_redraw();
        if scheduled.is_some_and(|s| s <= now) {
            dirty = true;
            scheduled = None;
        }
        give_cues(app, cues, &mut children, &mut dirty);
        children.retain_mut(|c| matches!(c.try_wait(), Ok(None)));
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            app.on_signal(Instant::now());
            let name = if sig == signal_hook::consts::SIGHUP as usize { "SIGHUP" } else { "SIGTERM" };
            return Ok(Ending::Signal(name));
        }
    }
}

/// Ctrl-Z: restore the terminal, stop like any shell job, and come back on `fg`.
fn suspend(terminal: &mut DefaultTerminal, app: &mut impl Screen) -> std::io::Result<()> {
    app.on_suspend(Instant::now());
    ratatui::restore();
    // SAFETY: raising a signal at ourselves; SIGTSTP's default action stops the process.
    unsafe { libc::raise(libc::SIGTSTP) };
    // Resumed (`fg`): a new terminal draws everything afresh.
    *terminal = ratatui::init();
    Ok(())
}

enum Wait {
    Input,
    Timeout,
    Interrupted,
    HangUp,
}

/// Waits for the terminal to have input. Done here rather than in crossterm's
/// poll because crossterm spins forever on a terminal that has gone away
/// (every read returns end-of-file); poll(2) reports that as a hang-up.
fn wait_for_input(timeout: Duration) -> Wait {
    let mut fds = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd on the stack, count 1; poll(2) only writes `revents`.
    let n = unsafe { libc::poll(&mut fds, 1, ms) };
    if n < 0 {
        return Wait::Interrupted;
    }
    if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Wait::HangUp
    } else if n > 0 {
        Wait::Input
    } else {
        Wait::Timeout
    }
}

/// Rings the bell and starts the cue command for each new cue, without waiting for it.
fn give_cues(app: &mut impl Screen, settings: &RunSettings, children: &mut Vec<Child>, dirty: &mut bool) {
    for (cue, step) in app.take_cues() {
        *dirty = true;
        if settings.bell && !matches!(cue, Cue::StepEnd) {
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|_| out.flush());
        }
        if let Some(cmd) = &settings.command {
            let spawned = Command::new("sh")
                .arg("-c")
                .arg(cmd)
                .env("WINDDOWN_EVENT", cue.name())
                .env("WINDDOWN_STEP", step)
                .env("WINDDOWN_TICK", if let Cue::Tick(n) = cue { n.to_string() } else { String::new() })
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            if let Ok(child) = spawned {
                children.push(child);
            }
        }
    }
}
