#!/usr/bin/env python3
"""Two real Syncthing instances on 127.0.0.1 share one winddown data folder.

Not run in CI (it needs Debian's `syncthing` package: apt-get install -y
syncthing). It starts two instances with their own homes and data folders,
writes check-ins on both sides for the same month (some while they are
connected, some while the link is paused, so Syncthing makes a conflict copy,
including one night answered differently on each side), waits for sync, and
checks that both sides' `winddown export` agree and hold every night; then
that the next write folds the copy in, and that resolving the contradiction
on one side reaches the other.

    scripts/syncthing-two-machines.py [--winddown target/debug/winddown] [--keep]

Exit 0 when every check passes. Both Syncthing processes are ended on exit.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

DEADLINE_S = 240  # the whole run
STEP_S = 90  # one wait for sync


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    def __init__(self, name, root):
        self.name = name
        self.home = os.path.join(root, name, "syncthing")
        self.data = os.path.join(root, name, "data")
        self.config = os.path.join(root, name, "config")
        os.makedirs(self.data)
        os.makedirs(self.config)
        self.gui_port = free_port()
        self.sync_port = free_port()
        self.proc = None
        out = subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder", "--skip-port-probing"],
            capture_output=True, text=True, timeout=60, check=True,
        )
        self.device_id = re.search(r"Device ID: (\S+)", out.stdout + out.stderr).group(1)
        path = os.path.join(self.home, "config.xml")
        xml = open(path).read()
        self.api_key = re.search(r"<apikey>([^<]+)</apikey>", xml).group(1)
        for tag, value in [
            ("listenAddress", f"tcp://127.0.0.1:{self.sync_port}"),
            ("globalAnnounceEnabled", "false"),
            ("localAnnounceEnabled", "false"),
            ("relaysEnabled", "false"),
            ("natEnabled", "false"),
            ("startBrowser", "false"),
            ("autoUpgradeIntervalH", "0"),
            ("urAccepted", "-1"),
            ("crashReportingEnabled", "false"),
        ]:
            xml = re.sub(rf"<{tag}>[^<]*</{tag}>", f"<{tag}>{value}</{tag}>", xml)
        xml = re.sub(r"<address>[^<]*</address>", f"<address>127.0.0.1:{self.gui_port}</address>", xml, count=1)
        open(path, "w").write(xml)
        # What not to sync, as the README says.
        open(os.path.join(self.data, ".stignore"), "w").write(".winddown-*\n")

    def start(self):
        env = dict(os.environ, STNOUPGRADE="1", STNODEFAULTFOLDER="1")
        self.proc = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             f"--gui-address=http://127.0.0.1:{self.gui_port}", f"--logfile={self.home}/log.txt"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        wait_for(lambda: self.api("GET", "/rest/system/ping") is not None, 60, f"{self.name}: Syncthing up")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)

    def api(self, method, path, body=None):
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                text = r.read().decode()
                return json.loads(text) if text.strip() else {}
        except (OSError, ValueError):
            return None

    def share_with(self, other):
        assert self.api("POST", "/rest/config/devices", {
            "deviceID": other.device_id, "name": other.name,
            "addresses": [f"tcp://127.0.0.1:{other.sync_port}"],
        }) is not None
        assert self.api("POST", "/rest/config/folders", {
            "id": "winddown", "label": "winddown", "path": self.data,
            "devices": [{"deviceID": self.device_id}, {"deviceID": other.device_id}],
            "rescanIntervalS": 2, "fsWatcherEnabled": True, "fsWatcherDelayS": 1,
        }) is not None

    def winddown(self, winddown, now, *args):
        env = dict(os.environ, WINDDOWN_DATA_DIR=self.data, WINDDOWN_CONFIG_DIR=self.config, WINDDOWN_NOW=now)
        out = subprocess.run([winddown, *args], capture_output=True, text=True, timeout=30, env=env)
        if out.returncode != 0:
            raise SystemExit(f"{self.name}: winddown {' '.join(args)} failed: {out.stderr.strip()}")
        return out.stdout

    def checkin(self, winddown, now, night, cramps):
        self.winddown(winddown, now, "checkin", "--night", night, "--cramps", str(cramps))

    def export(self, winddown):
        return json.loads(self.winddown(winddown, "2026-12-31T12:00:00+00:00", "export"))["records"]

    def health(self, winddown):
        return json.loads(self.winddown(winddown, "2026-12-31T12:00:00+00:00", "journal", "check", "--json"))

    def journal_files(self):
        j = os.path.join(self.data, "journal")
        return sorted(os.listdir(j)) if os.path.isdir(j) else []


def wait_for(cond, timeout, what):
    deadline = time.monotonic() + min(timeout, max(1, START + DEADLINE_S - time.monotonic()))
    while time.monotonic() < deadline:
        try:
            if cond():
                return
        except (OSError, ValueError, KeyError, SystemExit):
            pass
        time.sleep(0.5)
    raise SystemExit(f"timed out waiting for: {what}")


def nights(records):
    return {r["night"]: r["cramps"] for r in records if r["type"] == "checkin"}


START = time.monotonic()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--winddown", default=os.path.join(os.path.dirname(__file__), "..", "target", "debug", "winddown"))
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = ap.parse_args()
    wd = os.path.abspath(args.winddown)
    if not shutil.which("syncthing"):
        raise SystemExit("syncthing is not installed (apt-get install -y syncthing)")
    root = tempfile.mkdtemp(prefix="winddown-syncthing-")
    a, b = Instance("laptop", root), Instance("desktop", root)
    try:
        a.start()
        b.start()
        a.share_with(b)
        b.share_with(a)
        step = time.monotonic()

        # 1. Connected: the laptop records three nights; the desktop sees them.
        for day in (1, 2, 3):
            a.checkin(wd, f"2026-11-{day + 1:02}T07:00:00+01:00", f"2026-11-{day:02}", 1)
        wait_for(lambda: len(nights(b.export(wd))) == 3, STEP_S, "desktop receives nights 1-3")
        print(f"connected: desktop has nights 1-3 after {time.monotonic() - step:.1f}s")

        # 2. The link paused: both sides write November.
        for inst, other in ((a, b), (b, a)):
            inst.api("POST", f"/rest/system/pause?device={other.device_id}")
        wait_for(lambda: not a.api("GET", "/rest/system/connections")["connections"][b.device_id]["connected"],
                 30, "link paused")
        for day in (4, 5, 6):
            a.checkin(wd, f"2026-11-{day + 1:02}T07:00:00+01:00", f"2026-11-{day:02}", 2)
        for day in (7, 8, 9):
            b.checkin(wd, f"2026-11-{day + 1:02}T06:30:00+00:00", f"2026-11-{day:02}", 3)
        a.checkin(wd, "2026-11-12T07:00:00+01:00", "2026-11-11", 0)  # the same answer on both
        b.checkin(wd, "2026-11-12T07:00:00+01:00", "2026-11-11", 0)
        b.checkin(wd, "2026-11-11T06:00:00+00:00", "2026-11-10", 4)  # two different answers
        time.sleep(1.5)
        a.checkin(wd, "2026-11-11T07:00:00+01:00", "2026-11-10", 0)
        expected_nights = {f"2026-11-{d:02}" for d in range(1, 12)}

        # 3. Resumed: Syncthing makes a conflict copy; both sides read the same union.
        step = time.monotonic()
        for inst, other in ((a, b), (b, a)):
            inst.api("POST", f"/rest/system/resume?device={other.device_id}")

        def agreed_with_copy():
            ea, eb = a.export(wd), b.export(wd)
            copies = [f for f in a.journal_files() + b.journal_files() if "sync-conflict" in f]
            return ea == eb and set(nights(ea)) == expected_nights and len(copies) >= 2

        wait_for(agreed_with_copy, STEP_S, "both sides hold the conflict copy and agree")
        print(f"resumed: conflict copies {[f for f in a.journal_files() if 'sync-conflict' in f]}, "
              f"both exports agree on {len(nights(a.export(wd)))} nights after {time.monotonic() - step:.1f}s")
        ha, hb = a.health(wd), b.health(wd)
        assert ha["contradictions"] == 1 and hb["contradictions"] == 1, (ha, hb)
        print("both sides report 1 contradiction (the night of 2026-11-10)")

        # 4. The next write folds the copy in; the other side follows.
        step = time.monotonic()
        a.checkin(wd, "2026-11-13T07:00:00+01:00", "2026-11-12", 1)
        expected_nights.add("2026-11-12")

        def folded():
            ea, eb = a.export(wd), b.export(wd)
            no_copies = not any("conflict" in f for f in a.journal_files() + b.journal_files())
            return no_copies and ea == eb and set(nights(ea)) == expected_nights

        wait_for(folded, STEP_S, "the fold-in reaches the desktop")
        ha, hb = a.health(wd), b.health(wd)
        assert ha["contradictions"] == 1 and hb["contradictions"] == 1, (ha, hb)
        print(f"folded: no copies left on either side, {len(expected_nights)} nights, the contradiction kept, "
              f"after {time.monotonic() - step:.1f}s; desktop files: {b.journal_files()}")

        # 5. Resolved on the desktop: the laptop follows.
        step = time.monotonic()
        listed = json.loads(b.winddown(wd, "2026-12-31T12:00:00+00:00", "journal", "resolve", "--json"))
        pick = 1 + [x["cramps"] for x in listed[0]["answers"]].index(4)
        b.winddown(wd, "2026-12-31T12:00:00+00:00", "journal", "resolve", "2026-11-10", "--pick", str(pick))

        def resolved():
            ea, eb = a.export(wd), b.export(wd)
            return ea == eb and nights(ea)["2026-11-10"] == 4 and a.health(wd)["contradictions"] == 0

        wait_for(resolved, STEP_S, "the resolution reaches the laptop")
        print(f"resolved on the desktop: the laptop has the picked answer after {time.monotonic() - step:.1f}s")
        final = nights(a.export(wd))
        assert set(final) == expected_nights, final
        print(f"PASS: both sides' exports agree and hold all {len(final)} nights "
              f"({time.monotonic() - START:.1f}s in all)")
    finally:
        a.stop()
        b.stop()
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
