//! Is the terminal's background dark or light? `theme = "auto"` asks the
//! terminal (the OSC 11 query, answered by xterm, VTE, kitty, iTerm2, tmux…)
//! with a short timeout, else reads `COLORFGBG` (rxvt, Konsole), else does not
//! know: the caller then uses the palette that reads on both.

use std::io::Write;
use std::time::{Duration, Instant};

/// How long the terminal has to answer.
pub const QUERY_TIMEOUT: Duration = Duration::from_millis(100);

/// A background's shade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    Dark,
    Light,
}

/// Light when black text stands out more on it than white text does.
pub fn shade_of(rgb: (u8, u8, u8)) -> Shade {
    use super::palette::contrast;
    if contrast(rgb, (0, 0, 0)) > contrast(rgb, (255, 255, 255)) { Shade::Light } else { Shade::Dark }
}

/// The background colour in a reply to `ESC ] 11 ; ? ST`:
/// `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by ST (`ESC \`) or BEL, each
/// component 1 to 4 hex digits. Anything around the reply is ignored.
pub fn parse_osc11(reply: &[u8]) -> Option<(u8, u8, u8)> {
    let text = String::from_utf8_lossy(reply);
    let start = text.find("\x1b]11;")? + 5;
    let rest = &text[start..];
    let end = rest.find(['\x07', '\x1b'])?;
    let body = &rest[..end];
    let spec = body.strip_prefix("rgb:").or_else(|| body.strip_prefix("rgba:"))?;
    let mut parts = spec.split('/');
    let mut next = || -> Option<u8> {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(p, 16).ok()?;
        let max = (1u32 << (4 * p.len())) - 1;
        Some(((v * 255 + max / 2) / max) as u8)
    };
    Some((next()?, next()?, next()?))
}

/// The background in `COLORFGBG` ("15;0", "0;default;15"): its last field
/// is the background's colour number. 0–6 and 8 are dark, 7 and 9–15 light.
pub fn parse_colorfgbg(value: &str) -> Option<Shade> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    match bg {
        0..=6 | 8 => Some(Shade::Dark),
        7 | 9..=15 => Some(Shade::Light),
        _ => None,
    }
}

/// The terminal's shade, found out before the screen takes the terminal:
/// the OSC 11 query when stdin and stdout are a terminal, else `COLORFGBG`.
pub fn detect() -> Option<Shade> {
    let tty = unsafe { libc::isatty(0) == 1 && libc::isatty(1) == 1 };
    let asked = if tty { query_osc11(QUERY_TIMEOUT).map(shade_of) } else { None };
    asked.or_else(|| std::env::var("COLORFGBG").ok().and_then(|v| parse_colorfgbg(&v)))
}

/// Sends the OSC 11 query and then the primary device attributes query
/// (which every terminal answers), and reads until the latter's answer or
/// the timeout: a terminal that ignores OSC 11 costs no wait, and no late
/// reply is left behind to be read as keys.
fn query_osc11(timeout: Duration) -> Option<(u8, u8, u8)> {
    let was_raw = crossterm::terminal::is_raw_mode_enabled().unwrap_or(false);
    if !was_raw {
        crossterm::terminal::enable_raw_mode().ok()?;
    }
    let reply = ask(timeout);
    if !was_raw {
        let _ = crossterm::terminal::disable_raw_mode();
    }
    parse_osc11(&reply?)
}

fn ask(timeout: Duration) -> Option<Vec<u8>> {
    let mut out = std::io::stdout();
    out.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    out.flush().ok()?;
    let deadline = Instant::now() + timeout;
    let mut reply = Vec::new();
    let mut buf = [0u8; 256];
    while !answered_da1(&reply) && reply.len() < 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let mut fd = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
        let ms = left.as_millis().clamp(1, 1000) as libc::c_int;
        // SAFETY: one valid pollfd for the length given.
        let ready = unsafe { libc::poll(&mut fd, 1, ms) };
        if ready <= 0 {
            if ready < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break;
        }
        // SAFETY: reads at most the buffer's length into it.
        let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            break;
        }
        reply.extend_from_slice(&buf[..n as usize]);
    }
    Some(reply)
}

/// Whether the bytes hold a device attributes reply (`ESC [ ? … c`).
fn answered_da1(bytes: &[u8]) -> bool {
    bytes.windows(3).position(|w| w == b"\x1b[?").is_some_and(|at| bytes[at..].contains(&b'c'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc11_replies() {
        assert_eq!(parse_osc11(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), Some((255, 255, 255)));
        assert_eq!(parse_osc11(b"\x1b]11;rgb:0000/0000/0000\x07"), Some((0, 0, 0)));
        assert_eq!(parse_osc11(b"\x1b]11;rgb:28/2c/34\x1b\\\x1b[?62;22c"), Some((0x28, 0x2c, 0x34)));
        assert_eq!(parse_osc11(b"\x1b]11;rgb:f/8/0\x07"), Some((255, 136, 0)));
        assert_eq!(parse_osc11(b"\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\"), Some((0xfd, 0xf6, 0xe3)));
        // Cut off, not a colour, too many digits, or no reply at all.
        assert_eq!(parse_osc11(b"\x1b]11;rgb:ffff/ffff"), None);
        assert_eq!(parse_osc11(b"\x1b]11;?\x07"), None);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:fffff/0/0\x07"), None);
        assert_eq!(parse_osc11(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert_eq!(parse_osc11(b"\x1b[?1;2c"), None);
        assert_eq!(parse_osc11(b""), None);
    }

    #[test]
    fn shades() {
        assert_eq!(shade_of((255, 255, 255)), Shade::Light);
        assert_eq!(shade_of((0xfd, 0xf6, 0xe3)), Shade::Light);
        assert_eq!(shade_of((0, 0, 0)), Shade::Dark);
        assert_eq!(shade_of((0x28, 0x2c, 0x34)), Shade::Dark);
        assert_eq!(shade_of((0x30, 0x0a, 0x24)), Shade::Dark);
    }

    #[test]
    fn colorfgbg_values() {
        assert_eq!(parse_colorfgbg("15;0"), Some(Shade::Dark));
        assert_eq!(parse_colorfgbg("0;15"), Some(Shade::Light));
        assert_eq!(parse_colorfgbg("0;default;7"), Some(Shade::Light));
        assert_eq!(parse_colorfgbg("7;8"), Some(Shade::Dark));
        assert_eq!(parse_colorfgbg("15;default"), None);
        assert_eq!(parse_colorfgbg("12;42"), None);
        assert_eq!(parse_colorfgbg(""), None);
    }

    #[test]
    fn device_attributes_end_the_wait() {
        assert!(answered_da1(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(!answered_da1(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;2"));
    }
}
