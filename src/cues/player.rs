//! Runs the cue programs: at most one speech, one sound and one cue command
//! per session event at a time (a newer cue ends the older one of its kind), each with a time
//! limit, never waited for while it runs, and all ended and reaped when the
//! player is dropped (the coach's exit, on every path). Each child runs in its
//! own process group, so ending it ends whatever it started too.

use std::ffi::OsString;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::programs::{CueSetup, sound_command, speech_command};
use super::script::{Sound, Utterance};

/// Longest a spoken line may take before it is cut off.
pub const SPEECH_LIMIT: Duration = Duration::from_secs(20);
/// Longest a sound may take (the shipped ones last under a second).
pub const SOUND_LIMIT: Duration = Duration::from_secs(5);
/// Longest the user's `cue_command` may run.
pub const COMMAND_LIMIT: Duration = Duration::from_secs(10);

/// A running child and when it must be over.
struct Running {
    child: Child,
    deadline: Instant,
}

/// One kind of cue: at most one process.
#[derive(Default)]
struct Slot(Option<Running>);

impl Slot {
    /// Ends the running child (if any) and starts `program args`.
    fn replace(&mut self, program: OsString, args: Vec<OsString>, env: &[(&str, String)], limit: Duration) {
        self.stop();
        let mut cmd = Command::new(program);
        cmd.args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        own_group(&mut cmd);
        // A program that cannot start is a cue not given: nothing else to do.
        if let Ok(child) = cmd.spawn() {
            self.0 = Some(Running { child, deadline: Instant::now() + limit });
        }
    }

    /// Reaps a child that has finished; ends one past its time limit.
    fn reap(&mut self, now: Instant) {
        if let Some(r) = &mut self.0
            && (now >= r.deadline || exited(&mut r.child))
        {
            self.stop();
        }
    }

    /// Ends the child and its process group, and reaps it.
    fn stop(&mut self) {
        if let Some(mut r) = self.0.take() {
            let pid = r.child.id() as libc::pid_t;
            // SAFETY: kill(2) on the group we created; the leader is not reaped
            // yet (a zombie at worst), so its id cannot have been reused.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
            let _ = r.child.kill();
            let _ = r.child.wait();
        }
    }

    fn pid(&self) -> Option<u32> {
        self.0.as_ref().map(|r| r.child.id())
    }
}

/// Puts the child in a process group of its own, and (on Linux) has the
/// kernel end it if winddown itself dies without a chance to clean up.
fn own_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
    #[cfg(target_os = "linux")]
    // SAFETY: prctl is async-signal-safe and touches only the child's own state.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
}

/// Whether the child has exited, without reaping it (so its group can still be
/// ended safely by id).
fn exited(child: &mut Child) -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: waitid with WNOWAIT only reads the child's state into `info`.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let flags = libc::WEXITED | libc::WNOHANG | libc::WNOWAIT;
        let r = unsafe { libc::waitid(libc::P_PID, child.id(), &mut info, flags) };
        r != 0 || unsafe { info.si_pid() } != 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        !matches!(child.try_wait(), Ok(None))
    }
}

/// Gives cues through the programs chosen at start.
pub struct CuePlayer {
    setup: CueSetup,
    speech: Slot,
    sound: Slot,
    /// The cue command, one slot per event ("tick", "step-end", ...): a tick
    /// ends the previous tick's command, never the step-end's.
    commands: std::collections::BTreeMap<&'static str, Slot>,
    /// Where the sounds are written for the player to read; removed on drop.
    sound_dir: Option<tempfile::TempDir>,
}

impl CuePlayer {
    pub fn new(setup: CueSetup) -> CuePlayer {
        CuePlayer {
            setup,
            speech: Slot::default(),
            sound: Slot::default(),
            commands: Default::default(),
            sound_dir: None,
        }
    }

    pub fn setup(&self) -> &CueSetup {
        &self.setup
    }

    /// Says and plays `u`; true when the terminal bell should ring instead of a
    /// sound (a sound was due and no player is set up).
    pub fn give(&mut self, u: &Utterance) -> bool {
        if let Some(words) = &u.words {
            self.say(words);
        }
        match u.sound {
            Some(Sound::Tick) if self.setup.quiet => false,
            Some(sound) => !self.play(sound) && self.setup.bell && !self.setup.quiet,
            None => false,
        }
    }

    /// Speaks `words`, cutting off anything still being said.
    pub fn say(&mut self, words: &str) {
        if let Some(p) = &self.setup.voice {
            let (prog, args) = speech_command(p, words, self.setup.quiet);
            self.speech.replace(prog, args, &[], SPEECH_LIMIT);
        }
    }

    /// Plays `sound`, cutting off an older one; false when there is no player
    /// or the sound file cannot be written.
    pub fn play(&mut self, sound: Sound) -> bool {
        let Some(p) = self.setup.sound.clone() else {
            return false;
        };
        if self.sound_dir.is_none() {
            self.sound_dir = tempfile::Builder::new().prefix("winddown-sounds-").tempdir().ok();
        }
        let Some(file) = self.sound_dir.as_ref().and_then(|d| super::sounds::file(d.path(), sound).ok()) else {
            return false;
        };
        let (prog, args) = sound_command(&p, &file, self.setup.quiet);
        self.sound.replace(prog, args, &[], SOUND_LIMIT);
        true
    }

    /// Runs the user's `cue_command` for a session event, ending an older one
    /// for the same event still running.
    pub fn run_command(&mut self, event: &'static str, step: &str, tick: Option<u32>) {
        if let Some(cmd) = self.setup.command.clone() {
            let env = [
                ("WINDDOWN_EVENT", event.to_string()),
                ("WINDDOWN_STEP", step.to_string()),
                ("WINDDOWN_TICK", tick.map(|n| n.to_string()).unwrap_or_default()),
            ];
            let slot = self.commands.entry(event).or_default();
            slot.replace("sh".into(), vec!["-c".into(), cmd.into()], &env, COMMAND_LIMIT);
        }
    }

    /// Reaps what has finished and ends what has run too long. Call often.
    pub fn reap(&mut self, now: Instant) {
        self.speech.reap(now);
        self.sound.reap(now);
        for slot in self.commands.values_mut() {
            slot.reap(now);
        }
    }

    /// Ends everything still running (the coach stops, suspends or exits).
    pub fn stop_all(&mut self) {
        self.speech.stop();
        self.sound.stop();
        for slot in self.commands.values_mut() {
            slot.stop();
        }
    }

    fn slots(&self) -> impl Iterator<Item = &Slot> {
        [&self.speech, &self.sound].into_iter().chain(self.commands.values())
    }

    /// Ids of the children running now (at most one per kind).
    pub fn running(&self) -> Vec<u32> {
        self.slots().filter_map(Slot::pid).collect()
    }

    /// The earliest time limit still ahead, so the loop wakes to enforce it.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.slots().filter_map(|s| s.0.as_ref().map(|r| r.deadline)).min()
    }
}

impl Drop for CuePlayer {
    fn drop(&mut self) {
        self.stop_all();
    }
}

#[cfg(test)]
mod tests;
