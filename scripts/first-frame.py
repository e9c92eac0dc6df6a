#!/usr/bin/env python3
"""Time to the home screen's first frame, and its peak memory, at 1, 10 and 50
years of history, beside termdown's first frame in the same run.

usage: cargo build --release && pip install termdown && scripts/first-frame.py [--runs 15]

Each program is started in a pseudo-terminal (80x24) and timed from just before
the fork until a word of its first full draw is read from the terminal: "quit"
on the home screen's footer (the last row, so the whole frame has been written),
and for termdown the last row of its big "10" (the end of its first
refresh). The pseudo-terminal answers the background-colour query (OSC 11)
and the device-attributes query winddown sends at start (`theme = "auto"`,
src/tui/termbg.rs) at once, as a terminal does; without an answer winddown
waits up to 100 ms for one. Then it is ended (q, or SIGTERM for termdown) and its peak resident
memory read from wait4's rusage. Prints the median and the 90th percentile;
the programs are started in turn, in a new order each round (termdown, 1, 10
and 50 years), so that the machine's load and what ran just before touch them
alike. The caches are warm (one start
before timing, after the month files settled), which is the usual case: the home screen reads the month-end
checkpoints (journal/.winddown-checkpoints.cache) and the last months' files;
`--cold` also times starts with neither it nor the facts cache.
"""
import argparse, fcntl, os, pty, random, resource, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, termios, time

p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=15)
p.add_argument("--bin", default="target/release/winddown")
p.add_argument("--years", default="1,10,50")
p.add_argument("--cold", action="store_true", help="also time starts with no caches")
a = p.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
binary = os.path.abspath(a.bin)
TIMEOUT = 10.0


def first_frame(argv, env, marker, quit_key):
    """(milliseconds until `marker` was read, peak RSS in KiB) of one start."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, ms, answered = b"", None, False
    deadline = t0 + TIMEOUT
    while ms is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        # A dark background, then xterm's device attributes (which end the query).
        if not answered and b"\x1b[c" in seen:
            os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c")
            answered = True
        if marker in seen:
            ms = (time.perf_counter() - t0) * 1000
    if quit_key:
        os.write(fd, quit_key)
    else:
        os.kill(pid, signal.SIGTERM)
    # Drain until the child is gone, so it never blocks on a full terminal.
    end = time.perf_counter() + TIMEOUT
    while time.perf_counter() < end:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    else:
        os.kill(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if ms is None:
        sys.exit(f"{argv[0]}: {marker!r} never appeared; output: {seen[-400:]!r}")
    return ms, usage.ru_maxrss


def summary(runs):
    """(median ms, 90th percentile ms, peak RSS MiB) of (ms, KiB) runs."""
    times = sorted(ms for ms, _ in runs)
    return statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)], max(k for _, k in runs) / 1024


def series(argv, env, marker, quit_key, setup=None):
    runs = []
    for _ in range(a.runs):
        if setup:
            setup()
        runs.append(first_frame(argv, env, marker, quit_key))
    return summary(runs)


def row(name, figures):
    med, p90, mib = figures
    print(f"{name:<44} median {med:7.2f} ms   p90 {p90:7.2f} ms   peak RSS {mib:5.1f} MiB", flush=True)
    return med


base_env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
base_env.pop("NO_COLOR", None)
termdown = shutil.which("termdown")
if not termdown:
    sys.exit("termdown is not installed: pip install termdown")
# termdown's font draws "10" in eight rows; the last one ends with this, and ends its first refresh.
td_marker = b'"Y8888P"'

tmp = tempfile.mkdtemp(prefix="winddown-first-frame-")
try:
    programs = [("termdown 10 (first frame)", [termdown, "10"], base_env, td_marker, None)]
    for years in [int(y) for y in a.years.split(",")]:
        data = os.path.join(tmp, f"{years}y")
        subprocess.run([sys.executable, os.path.join(here, "gen-history.py"), data, "--years", str(years)],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(base_env, WINDDOWN_DATA_DIR=data, WINDDOWN_CONFIG_DIR=os.path.join(data, "config"),
                   WINDDOWN_NOW="2026-11-24T21:00:00+01:00")
        programs.append((years, [binary], env, b"quit", b"q"))
    # Month files written in the last two seconds are not cached yet (src/stats/cache.rs).
    time.sleep(2.1)
    if a.cold:
        for years, argv, env, marker, key in programs[1:]:
            caches = [os.path.join(env["WINDDOWN_DATA_DIR"], "journal", f".winddown-{c}.cache")
                      for c in ("facts", "checkpoints")]
            drop = lambda: [os.remove(c) for c in caches if os.path.exists(c)]
            row(f"winddown home, {years} years, no caches", series(argv, env, marker, key, drop))
    for _, argv, env, marker, key in programs[1:]:
        first_frame(argv, env, marker, key)  # writes the caches
    # Writing them changed the journal folders, whose listing is not reused
    # for two seconds after a change (src/journal/listing.rs); as usual, the
    # last write was longer ago than that.
    time.sleep(2.1)
    # In turn, in a new order each round, so that a change in the machine's
    # load, or what ran just before, touches every program alike.
    runs = {name: [] for name, *_ in programs}
    order = random.Random(15)
    for _ in range(a.runs):
        for name, argv, env, marker, key in order.sample(programs, len(programs)):
            runs[name].append(first_frame(argv, env, marker, key))
    results = {}
    for name, *_ in programs:
        label = name if isinstance(name, str) else f"winddown home, {name} years"
        results[name] = row(label, summary(runs[name]))
    td = results.pop(programs[0][0])
    for years, ms in results.items():
        print(f"{years:>2} years: {ms / td:.3f} x termdown, {ms / results[min(results)]:.2f} x {min(results)} year(s)")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
