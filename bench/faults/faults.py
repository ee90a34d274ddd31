#!/usr/bin/env python3
"""Fault runs against local Masthead instances (127.0.0.1 only; see bench/faults.sh for what starts them).

  crash     8 writers save through the admin API, 3 stories are scheduled a few seconds ahead, the server
            gets SIGKILL mid-write; after the scheduled time it is started again on the same data: every
            acknowledged save must be there and each scheduled story published exactly once.
  outage    the database goes away for a while (SQLite: another process holds the file's exclusive lock;
            PostgreSQL: the TCP relay between Masthead and the server is cut); pages, APIs and writes are
            polled all along: no 500, 503s carry Retry-After, and everything answers again without a restart.
  diskfull  uploads into a media folder on a tiny filesystem until it is full: a clear refusal, no
            half-written file and no row for what was refused.
"""
import argparse, glob, json, os, re, socket, sqlite3, struct, subprocess, sys, threading, time, urllib.error, urllib.parse, zlib
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "hostile"))
from corpus import Client, png  # noqa: E402


STARTED = []


def start(jar, port, data, log, extra=()):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(f"port {port} is taken: another Masthead still runs there")
    process = subprocess.Popen(["java", "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar,
                                f"--server.port={port}", f"--masthead.data-dir={data}",
                                "--logging.structured.format.console=", *extra],
                               stdout=open(log, "a"), stderr=subprocess.STDOUT)
    STARTED.append(process)
    for _ in range(240):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health/readiness", timeout=2) as r:
                if r.status == 200:
                    return process
        except Exception:
            pass
        if process.poll() is not None:
            sys.exit(f"Masthead exited at start; see {log}")
        time.sleep(0.5)
    sys.exit(f"Masthead did not become ready; see {log}")


def staff_and_token(base, log):
    password = None
    for line in open(log):
        found = re.search(r"^First admin account: admin +one-time password: (\S+)", line)
        if found:
            password = found.group(1)
    staff = Client(base)
    staff.get("/newsroom/login")
    staff.form("/newsroom/login", [("username", "admin"), ("password", password)])
    staff.get("/newsroom/account")
    _, _, page = staff.form("/newsroom/account/tokens", [("name", "faults"), ("scopes", "read"), ("scopes", "write"),
                                                          ("scopes", "publish")])
    return staff, re.search(r'id="new-token">([^<]+)<', page).group(1)


def section(api):
    data = json.loads(api.get("/api/v1/sections")[2])
    data = data.get("items", data) if isinstance(data, dict) else data
    return data[0]["slug"]


def new_story(api, slug, headline):
    status, headers, _ = api.json("POST", "/api/v1/admin/stories", {"section": slug, "sourceLanguage": "en"})
    story = int(headers["Location"].rsplit("/", 1)[1])
    api.json("PUT", f"/api/v1/admin/stories/{story}/en", {"basedOnRevision": 0, "headline": headline,
                                                          "standfirst": "s", "body": [{"type": "paragraph", "text": "t"}]})
    return story


def crash(args):
    base = f"http://127.0.0.1:{args.port}"
    server = start(args.jar, args.port, args.data, args.log)
    staff, token = staff_and_token(base, args.log)
    api = Client(base, token)
    slug = section(api)
    writers = [new_story(api, slug, f"Writer {w}") for w in range(8)]
    due_at = time.time() + 8
    scheduled = []
    for n in range(3):
        story = new_story(api, slug, f"Falls due while down {n}")
        api.json("POST", f"/api/v1/admin/stories/{story}/status", {"action": "submit"})
        at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(due_at))
        status, _, body = api.json("POST", f"/api/v1/admin/stories/{story}/status", {"action": "schedule", "at": at})
        assert status < 300, body
        scheduled.append(story)
    acked = {w: 0 for w in writers}
    stop = threading.Event()

    def write(story):
        client = Client(base, token)
        revision = 1
        while not stop.is_set():
            try:
                status, _, body = client.json("PUT", f"/api/v1/admin/stories/{story}/en", {
                    "basedOnRevision": revision, "headline": f"Revision {revision + 1}", "standfirst": "s",
                    "body": [{"type": "paragraph", "text": "x" * 200}]})
            except Exception:
                return   # the server is gone
            if status == 200:
                revision = json.loads(body)["revision"]
                acked[story] = revision
    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    time.sleep(args.write_seconds)
    server.kill()   # SIGKILL, mid-write
    server.wait()
    stop.set()
    for t in threads:
        t.join()
    total = sum(acked.values()) - len(writers)
    wait = max(0, due_at - time.time()) + 3
    print(f"crash: SIGKILL after {args.write_seconds} s of 8 concurrent writers, {total} acknowledged saves; "
          f"down {wait:.0f} s while 3 scheduled stories fell due")
    time.sleep(wait)
    started = time.time()
    server = start(args.jar, args.port, args.data, args.log)
    print(f"crash: restarted and ready in {time.time() - started:.1f} s")
    db = sqlite3.connect(f"file:{args.data}/masthead.db?mode=ro", uri=True)
    lost = 0
    for story, revision in acked.items():
        present = db.execute("select max(number) from revision where story_id = ? and language = 'en'",
                             (story,)).fetchone()[0] or 0
        lost += max(0, revision - present)
    published = [db.execute("select count(*) from audit_event where action = 'story.publish' and subject = ?",
                            (f"story {s}",)).fetchone()[0] for s in scheduled]
    live = [Client(base).get(f"/api/v1/stories/{s}/en")[0] for s in scheduled]
    print(f"crash: acknowledged saves lost: {lost}; scheduled stories published (audit entries each): {published}; "
          f"their API answers: {live}")
    server.terminate()
    server.wait()
    return 0 if lost == 0 and published == [1, 1, 1] and live == [200, 200, 200] else 1


class Relay:
    """A TCP relay from a local port to PostgreSQL that can be cut (connections dropped, new ones refused)."""

    def __init__(self, listen, target):
        self.listen, self.target, self.cut, self.sockets = listen, target, False, []
        self.server = socket.create_server(("127.0.0.1", listen))
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.server.accept()
            if self.cut:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def pipe(a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.close()
            except OSError:
                pass

    def cut_off(self):
        self.cut = True
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self.sockets = []

    def restore(self):
        self.cut = False


def outage(args):
    base = f"http://127.0.0.1:{args.port}"
    relay = None
    extra = []
    if args.postgres:
        relay = Relay(args.relay_port, 5432)
        extra = ["--spring.profiles.active=postgres",
                 f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:{args.relay_port}/{args.postgres}",
                 "--spring.datasource.username=postgres"]
    server = start(args.jar, args.port, args.data, args.log, extra)
    staff, token = staff_and_token(base, args.log)
    api = Client(base, token)
    slug = section(api)
    story = new_story(api, slug, "Written before the outage")
    api.json("POST", f"/api/v1/admin/stories/{story}/status", {"action": "submit"})
    api.json("POST", f"/api/v1/admin/stories/{story}/status", {"action": "publish"})
    page = urllib.parse.urlparse(json.loads(Client(base).get(f"/api/v1/stories/{story}/en")[2])["url"]).path
    paths = ["/en/", page, f"/uk/{slug}/", "/en/search?q=outage", "/api/v1/stories?limit=5", f"/api/v1/stories/{story}/en",
             "/sitemap.xml", "/newsroom/login", "/newsroom/stories"]
    tally, missing_retry, revision = {}, 0, 1
    holder = None

    def poll(phase):
        nonlocal missing_retry, revision
        reader = Client(base)
        for path in paths:
            client = staff if path.startswith("/newsroom/stories") else reader
            fresh = path if path.startswith("/api/") else path + ("&" if "?" in path else "?") + f"t={time.time()}"
            status, headers, _ = client.get(fresh)
            tally[(phase, status)] = tally.get((phase, status), 0) + 1
            if status == 503 and "Retry-After" not in headers:
                missing_retry += 1
        status, _, body = api.json("PUT", f"/api/v1/admin/stories/{story}/en", {"basedOnRevision": revision,
                                   "headline": f"Edit {revision}", "standfirst": "s", "body": [{"type": "paragraph", "text": "t"}]})
        tally[(phase, status)] = tally.get((phase, status), 0) + 1
        if status == 200:
            revision = json.loads(body)["revision"]
    poll("before")
    if relay:
        relay.cut_off()
    else:
        # another process takes the write lock and keeps it (as a stuck backup or migration would); in WAL
        # mode readers go on, and while Masthead's pool holds the file open no process can lock readers out
        holder = sqlite3.connect(f"{args.data}/masthead.db", isolation_level=None, timeout=30)
        holder.execute("begin exclusive")
        holder.execute("create table if not exists fault_probe (x integer)")
    began = time.time()
    while time.time() - began < args.seconds:
        poll("during")
    if relay:
        relay.restore()
    else:
        holder.execute("rollback")
        holder.close()
    back = time.time()
    recovered = None
    while time.time() - back < 60:
        status = Client(base).get(f"/api/v1/stories?limit={int(time.time()) % 50 + 1}")[0]
        if status == 200 and Client(base).get(f"/en/search?q=back&t={time.time()}")[0] == 200:
            recovered = time.time() - back
            break
        time.sleep(0.2)
    poll("after")
    kind = "PostgreSQL behind a cut TCP relay" if relay else "SQLite file's write lock held by another process"
    print(f"outage ({kind}, {args.seconds} s): answers by phase and status: "
          + ", ".join(f"{p} {s}: {n}" for (p, s), n in sorted(tally.items())))
    print(f"outage: 500s: {sum(n for (p, s), n in tally.items() if s == 500)}; 503s without Retry-After: {missing_retry}; "
          f"answering again {recovered:.1f} s after the database came back, same process" if recovered is not None
          else "outage: did not recover within 60 s")
    server.terminate()
    server.wait()
    ok = recovered is not None and not missing_retry and not any(s >= 500 and s != 503 for (_, s) in tally)
    return 0 if ok else 1


def noise(width, height):
    """A photo-like image that JPEG cannot squeeze: random pixels."""
    raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def diskfull(args):
    base = f"http://127.0.0.1:{args.port}"
    server = start(args.jar, args.port, args.data, args.log, ["--masthead.demo.enabled=false",
                                                              f"--masthead.media.directory={args.media}"])
    staff, token = staff_and_token(base, args.log)
    api = Client(base, token)
    accepted, refusal, statuses = 0, None, []
    for n in range(200):
        status, _, body = api.multipart("/api/v1/admin/media", [("en.caption", "c")], [("file", f"p{n}.png", noise(1200, 900))])
        statuses.append(status)
        if status == 201:
            accepted += 1
        else:
            refusal = (status, body[:300])
            break
    db = sqlite3.connect(f"file:{args.data}/masthead.db?mode=ro", uri=True)
    rows = db.execute("select count(*) from media_asset").fetchone()[0]
    folders = len([d for d in os.listdir(args.media) if d.isdigit()])
    partial = glob.glob(f"{args.media}/**/*.part", recursive=True)
    variants = db.execute("select count(*) from media_variant").fetchone()[0]
    files = len(glob.glob(f"{args.media}/*/*.jpg"))
    print(f"diskfull: {accepted} uploads stored, then {refusal}; rows: {rows} assets / {variants} variants, "
          f"on disk: {folders} folders / {files} files, half-written files: {len(partial)}; 500s: {statuses.count(500)}")
    server.terminate()
    server.wait()
    return 0 if refusal and refusal[0] in (400, 413, 422, 503) and rows == folders and variants == files and not partial else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("run", choices=["crash", "outage", "diskfull"])
    parser.add_argument("--jar", default="target/masthead.jar")
    parser.add_argument("--port", type=int, default=8133)
    parser.add_argument("--data", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--write-seconds", type=float, default=4)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--postgres", help="database name on 127.0.0.1:5432 (reached through the relay)")
    parser.add_argument("--relay-port", type=int, default=8135)
    parser.add_argument("--media")
    arguments = parser.parse_args()
    try:
        code = {"crash": crash, "outage": outage, "diskfull": diskfull}[arguments.run](arguments)
    finally:
        for started in STARTED:   # never leave a server behind, whatever failed
            if started.poll() is None:
                started.kill()
                started.wait()
    sys.exit(code)
