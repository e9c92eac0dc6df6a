//! `theme = "auto"` in a real pseudo-terminal: the test plays the terminal,
//! answers (or ignores) the OSC 11 background query, and reads the colours
//! the app then draws in (vt100).

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Sandbox;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs `winddown history` in an 80×24 pty. `reply` is what the terminal
/// answers to the OSC 11 query (the device attributes answer follows it);
/// `None` answers only the device attributes, as tmux does.
fn title_colour(reply: Option<&'static str>, env: &[(&str, &str)]) -> (vt100::Color, bool) {
    let s = Sandbox::new();
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("winddown"));
    cmd.arg("history");
    cmd.env("WINDDOWN_CONFIG_DIR", s.config());
    cmd.env("WINDDOWN_DATA_DIR", s.data());
    cmd.env("WINDDOWN_NOW", "2026-11-24T21:00:00+01:00");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("COLORFGBG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
    let asked = Arc::new(Mutex::new(false));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (p, w, a) = (Arc::clone(&parser), Arc::clone(&writer), Arc::clone(&asked));
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        let mut seen = Vec::new();
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if !*a.lock().unwrap() && seen.windows(7).any(|x| x == b"\x1b]11;?\x1b") {
                *a.lock().unwrap() = true;
                let mut w = w.lock().unwrap();
                if let Some(r) = reply {
                    w.write_all(r.as_bytes()).unwrap();
                }
                w.write_all(b"\x1b[?1;2c").unwrap();
                w.flush().unwrap();
            }
            p.lock().unwrap().process(&buf[..n]);
        }
    });
    let end = Instant::now() + Duration::from_secs(30);
    let colour = loop {
        let cell = {
            let parser = parser.lock().unwrap();
            parser.screen().cell(0, 2).map(|c| (c.contents().to_string(), c.fgcolor()))
        };
        if let Some((text, colour)) = cell
            && text == "H"
        {
            break colour;
        }
        assert!(Instant::now() < end, "no history screen:\n{}", parser.lock().unwrap().screen().contents());
        std::thread::sleep(Duration::from_millis(50));
    };
    writer.lock().unwrap().write_all(b"q").unwrap();
    let end = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < end, "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    let asked = *asked.lock().unwrap();
    (colour, asked)
}

#[test]
fn auto_picks_the_palette_from_the_terminals_answer() {
    // The titles: #005f87 on light, #5fd7d7 on dark, #5f5fff when unknown.
    let (light, asked) = title_colour(Some("\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), &[]);
    assert!(asked, "the terminal was not asked for its background");
    assert_eq!(light, vt100::Color::Idx(24));
    let (dark, _) = title_colour(Some("\x1b]11;rgb:1e1e/1e1e/1e1e\x07"), &[]);
    assert_eq!(dark, vt100::Color::Idx(80));
    // No answer: COLORFGBG, else the palette that reads on both.
    let (fgbg, _) = title_colour(None, &[("COLORFGBG", "0;15")]);
    assert_eq!(fgbg, vt100::Color::Idx(24));
    let (unknown, _) = title_colour(None, &[]);
    assert_eq!(unknown, vt100::Color::Idx(63));
}
