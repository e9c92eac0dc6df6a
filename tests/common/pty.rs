//! A program in a pseudo-terminal: winddown itself, `sh -c` around it, or a
//! login shell; a reader thread feeds vt100 (the screen) and keeps the raw
//! bytes. One harness for every pseudo-terminal test.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::Sandbox;

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub master: Box<dyn portable_pty::MasterPty + Send>,
}

/// The winddown binary under test.
pub fn winddown() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("winddown")
}

impl Pty {
    /// `program args…` in a `cols`×`rows` pty, in the sandbox's folder with
    /// its dirs, `TERM=xterm-256color`, `WINDDOWN_BIN` naming the binary, and `env` on top.
    pub fn start(
        s: &Sandbox,
        program: impl AsRef<OsStr>,
        args: &[&str],
        (cols, rows): (u16, u16),
        env: &[(&str, &OsStr)],
    ) -> Pty {
        let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("WINDDOWN_CONFIG_DIR", s.config());
        cmd.env("WINDDOWN_DATA_DIR", s.data());
        cmd.env("WINDDOWN_BIN", winddown());
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(s.dir.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Pty { parser, raw, writer, child, master: pair.master }
    }

    /// `sh -c SCRIPT` in an 80×24 pty; SCRIPT starts `"$WINDDOWN_BIN"`.
    pub fn sh(s: &Sandbox, script: &str) -> Pty {
        Pty::start(s, "sh", &["-c", script], (80, 24), &[])
    }

    /// Resizes the terminal (and the screen that reads it).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        self.parser.lock().unwrap().screen_mut().set_size(rows, cols);
    }

    /// The terminal was left as found: cursor shown, main screen.
    pub fn restored(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        !parser.screen().hide_cursor() && !parser.screen().alternate_screen()
    }

    /// What the screen shows now.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything the program wrote, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Waits until `text` is on the screen. Generous: a loaded CI machine is
    /// slow, and a pass returns as soon as the text shows.
    pub fn wait_for(&self, text: &str, secs: u64) {
        self.wait_until(secs, || self.screen().contains(text), text);
    }

    /// Waits until `text` is in the output or on the screen (a shell's
    /// output scrolls away; a full-screen app's does not).
    pub fn wait_for_output(&self, text: &str, secs: u64) {
        self.wait_until(secs, || self.text().contains(text) || self.screen().contains(text), text);
    }

    fn wait_until(&self, secs: u64, done: impl Fn() -> bool, what: &str) {
        let end = Instant::now() + Duration::from_secs(secs * 3);
        while Instant::now() < end {
            if done() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what:?}; screen:\n{}", self.screen());
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to end; its exit status.
    pub fn wait_exit(&mut self, secs: u64) -> u32 {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("did not exit; screen:\n{}", self.screen());
    }

    /// The pid of winddown when `sh -c` started it (the shell's child).
    pub fn winddown_pid(&self) -> i32 {
        let sh = self.child.process_id().unwrap();
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if let Ok(kids) = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children"))
                && let Some(pid) = kids.split_whitespace().next()
            {
                return pid.parse().unwrap();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("winddown did not start");
    }
}

/// A shell (or `sh -c`) in a 100×30 pty with the sandbox's home and the
/// clock pinned at `now`, driven a line at a time.
pub struct Shell(Pty);

impl std::ops::Deref for Shell {
    type Target = Pty;
    fn deref(&self) -> &Pty {
        &self.0
    }
}

impl std::ops::DerefMut for Shell {
    fn deref_mut(&mut self) -> &mut Pty {
        &mut self.0
    }
}

impl Shell {
    /// `program args…` in a 100×30 pty with the sandbox's dirs and home and the clock at `now`.
    pub fn spawn(s: &Sandbox, now: &str, program: &str, args: &[&str]) -> Shell {
        let home = s.dir.path().as_os_str();
        let env = [("WINDDOWN_NOW", OsStr::new(now)), ("HOME", home), ("ZDOTDIR", home)];
        Shell(Pty::start(s, program, args, (100, 30), &env))
    }

    /// Waits until `text` is in the output (or, for full-screen apps, on the screen).
    pub fn wait_for(&self, text: &str, secs: u64) {
        self.0.wait_for_output(text, secs);
    }

    /// Runs a line and waits until the marker it echoes (assembled at run
    /// time, so the typed line itself does not match) is printed.
    /// Then it waits for the next prompt (`$ `, as the tests' start-up files
    /// set it): whatever the prompt hook prints comes before that.
    pub fn run(&mut self, line: &str, n: u32) {
        self.send(format!("{line}; echo M{n}''K\n").as_bytes());
        let marker = format!("M{n}K");
        let end = Instant::now() + Duration::from_secs(60);
        while Instant::now() < end {
            let text = self.text();
            if text.rfind(&marker).is_some_and(|i| text[i + marker.len()..].contains("$ ")) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {marker:?} and the prompt after it; screen:\n{}", self.screen());
    }

    pub fn exit(mut self) {
        self.send(b"exit\n");
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if self.0.child.try_wait().unwrap().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.child.kill();
        let _ = self.0.child.wait();
    }
}
