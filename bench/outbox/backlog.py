"""One run of bench/outbox-backlog.sh: a Masthead jar on a fresh SQLite data folder, a backlog, its catch-up.
With --catch-up, only the catch-up: Masthead started on a data folder whose outbox another program filled (the
archive import of bench/import.sh)."""
import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request


def start(args, log):
    return subprocess.Popen([args.java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", args.jar,
                             f"--server.port={args.port}", f"--masthead.data-dir={args.data}",
                             "--logging.structured.format.console=", "--masthead.rate-limits.enabled=false"],
                            stdout=log, stderr=subprocess.STDOUT)


def ready(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health/readiness", timeout=1) as response:
            return response.status == 200
    except Exception:
        return False


def pending(db, consumers=1):
    """Events after the cursor furthest behind, or None while fewer than `consumers` cursors exist."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            newest = connection.execute("select coalesce(max(id), 0) from outbox_event").fetchone()[0]
            cursors = connection.execute("select count(*), coalesce(min(position), 0) from outbox_cursor").fetchone()
            if cursors[0] < consumers:
                return None
            return newest - cursors[1]
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)


def catch_up(args, log, db, consumers=1):
    """Starts Masthead; seconds from the start command to readiness and to every consumer's cursor at the newest event."""
    started = time.monotonic()
    process = start(args, log)
    try:
        ready_after = caught_up_after = None
        while caught_up_after is None:
            now_s = time.monotonic() - started
            if ready_after is None and ready(args.port):
                ready_after = now_s
            if pending(db, consumers) == 0:
                caught_up_after = time.monotonic() - started
            if process.poll() is not None or now_s > 900:
                sys.exit(f"{args.name}: no catch-up within 900 s; see {args.data}/masthead.log")
            time.sleep(0.05)
        while ready_after is None and time.monotonic() - started < 120:
            if ready(args.port):
                ready_after = time.monotonic() - started
            time.sleep(0.05)
    finally:
        stop(process)
    return ready_after, caught_up_after


def main():
    parser = argparse.ArgumentParser()
    for name in ("name", "jar", "java", "data"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--port", type=int, default=8118)
    parser.add_argument("--catch-up", type=int, metavar="CONSUMERS", default=0,
                        help="only time the catch-up of the data folder's outbox by this many consumers")
    args = parser.parse_args()
    os.makedirs(args.data, exist_ok=True)
    db = os.path.join(args.data, "masthead.db")
    if args.catch_up:
        with open(os.path.join(args.data, "masthead.log"), "ab") as log:
            backlog = pending(db, 0)
            ready_after, caught_up_after = catch_up(args, log, db, args.catch_up)
        print(f"{args.name}: backlog {backlog} events; start to ready {ready_after:.2f} s, "
              f"start to every consumer caught up {caught_up_after:.2f} s")
        return
    with open(os.path.join(args.data, "masthead.log"), "ab") as log:
        process = start(args, log)
        try:
            deadline = time.time() + 300
            while not (ready(args.port) and pending(db) == 0):
                if process.poll() is not None or time.time() > deadline:
                    sys.exit(f"{args.name}: Masthead did not start and settle; see {args.data}/masthead.log")
                time.sleep(0.5)
            time.sleep(2)   # consumers that run late (translation state after seeding)
        finally:
            stop(process)

        connection = sqlite3.connect(db)
        demo = connection.execute("select type, payload from outbox_event order by id").fetchall()
        now = int(time.time() * 1000)
        rows = [demo[n % len(demo)] + (now,) for n in range(args.events)]
        connection.executemany("insert into outbox_event (type, payload, created_at) values (?, ?, ?)", rows)
        connection.commit()
        connection.close()
        backlog = pending(db)

        ready_after, caught_up_after = catch_up(args, log, db)
    print(f"{args.name}: demo events {len(demo)}, backlog {backlog} events; start to ready {ready_after:.2f} s, "
          f"start to every consumer caught up {caught_up_after:.2f} s "
          f"(catch-up after ready {caught_up_after - ready_after:+.2f} s)")


if __name__ == "__main__":
    main()
