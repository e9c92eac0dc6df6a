//! A relative or empty HOME / XDG_* is ignored as the XDG rules say: nothing
//! is ever written relative to the working directory.

use assert_cmd::Command;

fn winddown(cwd: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("winddown").unwrap();
    c.current_dir(cwd)
        .env_remove("WINDDOWN_CONFIG_DIR")
        .env_remove("WINDDOWN_DATA_DIR")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env("WINDDOWN_NOW", "2026-11-24T07:10:00+01:00")
        .env("TZ", "UTC");
    c
}

fn is_empty(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).unwrap().next().is_none()
}

#[test]
fn relative_home_is_ignored_and_xdg_dirs_used() {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path().join("cwd");
    std::fs::create_dir(&cwd).unwrap();
    let (config, data) = (tmp.path().join("xdg-config"), tmp.path().join("xdg-data"));
    winddown(&cwd)
        .env("HOME", "relative/dir")
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_DATA_HOME", &data)
        .args(["rest", "--reason", "travel"])
        .assert()
        .success();
    assert!(is_empty(&cwd), "wrote into the working directory");
    assert!(data.join("winddown/journal/2026-11.jsonl").is_file());
}

#[test]
fn relative_or_empty_paths_never_resolve_into_the_working_directory() {
    let tmp = tempfile::tempdir().unwrap();
    for (home, xdg) in [("relative/dir", "rel-xdg"), ("", ""), (".", "./x")] {
        for what in ["config", "routine"] {
            let out = winddown(tmp.path())
                .env("HOME", home)
                .env("XDG_CONFIG_HOME", xdg)
                .env("XDG_DATA_HOME", xdg)
                .args([what, "path"])
                .output()
                .unwrap();
            if out.status.success() {
                // The account's home from the password database: absolute.
                let path = String::from_utf8(out.stdout).unwrap();
                assert!(path.starts_with('/'), "HOME={home:?} XDG={xdg:?}: {path}");
            } else {
                // No usable home at all: a clear error and exit 2.
                assert_eq!(out.status.code(), Some(2));
                assert!(String::from_utf8_lossy(&out.stderr).contains("cannot find your home directory"));
            }
        }
    }
    assert!(is_empty(tmp.path()), "wrote into the working directory");
}

#[test]
fn an_explicit_relative_path_is_the_users_choice() {
    let tmp = tempfile::tempdir().unwrap();
    winddown(tmp.path())
        .env("HOME", "relative/dir")
        .args(["--data-dir", "here", "--config-dir", "cfg", "rest", "--reason", "travel"])
        .assert()
        .success();
    assert!(tmp.path().join("here/journal/2026-11.jsonl").is_file());
}
