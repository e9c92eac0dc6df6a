//! A program (a shell, or winddown itself) in a 100×30 pseudo-terminal, with
//! the sandbox's dirs and a pinned clock; vt100 reads the screen.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::Sandbox;

pub struct Shell {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Shell {
    /// `program args…` in a 100×30 pty with the sandbox's dirs and the clock at `now`.
    pub fn spawn(s: &Sandbox, now: &str, program: &str, args: &[&str]) -> Shell {
        let pair =
            native_pty_system().openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("WINDDOWN_CONFIG_DIR", s.config());
        cmd.env("WINDDOWN_DATA_DIR", s.data());
        cmd.env("WINDDOWN_NOW", now);
        cmd.env("WINDDOWN_BIN", assert_cmd::cargo::cargo_bin("winddown"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", s.dir.path());
        cmd.env("ZDOTDIR", s.dir.path());
        cmd.cwd(s.dir.path());
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
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
        Shell { parser, raw, writer, child, _master: pair.master }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is in the output (or, for full-screen apps, on the screen).
    pub fn wait_for(&self, text: &str, secs: u64) {
        let end = Instant::now() + Duration::from_secs(secs * 3);
        while Instant::now() < end {
            if self.text().contains(text) || self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
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
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
