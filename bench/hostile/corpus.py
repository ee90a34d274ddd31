#!/usr/bin/env python3
"""Hostile-input corpus against a running Masthead on 127.0.0.1 (see bench/hostile.sh).

Every payload of src/test/resources/hostile/payloads.json (MARK replaced by a marker of its own) goes
through every field of every write surface: the admin API (story, version, lead image texts, every
block type), the newsroom version form, correction notes, media texts and upload file names, webhook
registrations, token names, an XLIFF import, sections, tags, authors and static pages (admin API and the
newsroom's forms), the settings desk (publication name, social profiles) and inline marks (links with
hostile targets, marks over hostile text, the newsroom's markup). Then every read surface is read: story pages in each
language, home, section and tag pages, search pages and suggestions, RSS/Atom feeds, sitemaps, JSON-LD
and Open Graph (in the pages), the content and search APIs (and the HTML inside their rich texts), section,
tag, author and static pages with their feeds, the newsroom's pages and desks, and the webhook deliveries
received. It counts payloads that reach an output as live markup, outputs that no longer parse, and
every answer >= 500. Only 127.0.0.1 is ever contacted; the run is bounded by the corpus size.
"""
import argparse, html.parser, http.cookiejar, http.server, io, json, re, struct, sys, threading, time, urllib.error
import urllib.parse, urllib.request, uuid, xml.etree.ElementTree as ET, zlib

URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "srcset", "cite"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base, bearer=None):
        self.base, self.bearer, self.csrf = base, bearer, ""
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.statuses = []

    def call(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        if self.bearer:
            request.add_header("Authorization", "Bearer " + self.bearer)
        try:
            with self.opener.open(request, timeout=60) as response:
                result = (response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as e:
            result = (e.code, dict(e.headers), e.read())
        self.statuses.append((result[0], method, path.split("?")[0]))
        text = result[2].decode("utf-8", "replace")
        found = re.search(r'name="_csrf" value="([^"]+)"', text)
        if found:
            self.csrf = found.group(1)
        return result[0], result[1], text

    def get(self, path):
        return self.call("GET", path)

    def form(self, path, fields):
        fields = list(fields) + [("_csrf", self.csrf)]
        body = urllib.parse.urlencode(fields, errors="surrogatepass").encode()
        return self.call("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def json(self, method, path, value):
        body = json.dumps(value, ensure_ascii=True).encode()
        return self.call(method, path, body, {"Content-Type": "application/json"})

    def multipart(self, path, fields, files):
        boundary = "----corpus" + uuid.uuid4().hex
        out = io.BytesIO()
        for name, value in list(fields) + ([("_csrf", self.csrf)] if not self.bearer else []):
            out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode("utf-8", "surrogatepass"))
            out.write(value.encode("utf-8", "surrogatepass") + b"\r\n")
        for name, filename, content in files:
            safe = filename.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
            out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{safe}\"\r\n"
                      f"Content-Type: application/octet-stream\r\n\r\n".encode("utf-8", "surrogatepass"))
            out.write(content + b"\r\n")
        out.write(f"--{boundary}--\r\n".encode())
        return self.call("POST", path, out.getvalue(), {"Content-Type": "multipart/form-data; boundary=" + boundary})


def png(width, height, shade):
    raw = b"".join(b"\x00" + bytes([shade % 256, (shade * 7) % 256, 90]) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class LiveMarkup(html.parser.HTMLParser):
    """Finds markers that became markup the browser would act on, not text."""

    def __init__(self, markers):
        super().__init__(convert_charrefs=True)
        self.markers, self.live, self.script, self.script_type, self.script_text = markers, set(), None, "", []

    def hit(self, text):
        return [m for m in self.markers if m in text]

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            compact = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            for m in self.hit(name):
                self.live.add((m, f"attribute name <{tag} {name}>"))
            if name.startswith("on"):
                for m in self.hit(value):
                    self.live.add((m, f"handler <{tag} {name}>"))
            if name in URL_ATTRS and compact.startswith(BAD_SCHEMES):
                for m in self.hit(value):
                    self.live.add((m, f"script URL <{tag} {name}>"))
            if name == "style":
                for m in self.hit(value):
                    self.live.add((m, f"style attribute <{tag}>"))
            if (tag == "meta" and name == "content" and (dict(attrs).get("http-equiv") or "").lower() == "refresh"
                    and "url=" in compact and compact.split("url=", 1)[1].startswith(BAD_SCHEMES)):
                for m in self.hit(value):
                    self.live.add((m, "meta refresh"))
        for m in self.hit(tag):
            self.live.add((m, f"element <{tag}>"))
        if tag in ("script", "style"):
            self.script, self.script_type, self.script_text = tag, dict(attrs).get("type") or "", []

    def handle_data(self, data):
        if self.script:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if self.script and tag == self.script:
            text = "".join(self.script_text)
            if self.script == "script" and self.script_type == "application/ld+json":
                try:
                    json.loads(text)
                except ValueError:
                    for m in self.hit(text) or ["(any)"]:
                        self.live.add((m, "JSON-LD that does not parse"))
                if "\u2028" in text or "\u2029" in text:
                    self.live.add(("(any)", "raw U+2028/2029 in JSON-LD"))
            else:
                for m in self.hit(text):
                    self.live.add((m, f"inside <{self.script}>"))
            self.script = None


def live_in_html(text, markers):
    parser = LiveMarkup(markers)
    try:
        parser.feed(text)
        parser.close()
    except Exception as e:  # the parser is lenient; anything it cannot take is a broken page
        return {("(any)", "unparseable HTML: " + str(e))}
    return parser.live


HREFS = ["javascript:alert('MARK')", " JaVaScRiPt:alert('MARK')", "java\tscript:alert('MARK')",
         "data:text/html,<script>alert('MARK')</script>", "vbscript:msgbox('MARK')", "//evil.example/MARK",
         "https://example.org/\"><script>MARK</script>", "https://example.org/' onmouseover='MARK",
         "https:/\\evil.example/MARK", "\u202ehttps://example.org/MARK", "file:///etc/passwd#MARK"]


def html_in_json(value, markers, key=""):
    """The JSON fields that carry HTML (a rich text's "html"): markup there counts as in a page."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from html_in_json(v, markers, k)
    elif isinstance(value, list):
        for v in value:
            yield from html_in_json(v, markers, key)
    elif isinstance(value, str) and key == "html":
        for marker, where in live_in_html(value, markers):
            yield marker, f'"html" field: {where}'


class Receiver(http.server.BaseHTTPRequestHandler):
    bodies = []

    def do_POST(self):
        Receiver.bodies.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8131)
    parser.add_argument("--password", required=True, help="the first admin's one-time password")
    parser.add_argument("--admin", default="admin")
    parser.add_argument("--webhook-port", type=int, default=8132)
    parser.add_argument("--payloads", default="src/test/resources/hostile/payloads.json")
    parser.add_argument("--limit", type=int, default=10_000)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    payloads = json.load(open(args.payloads))[: args.limit]
    markers = {f"hq{i:03d}z": p.replace("MARK", f"hq{i:03d}z") for i, p in enumerate(payloads)}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.webhook_port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    staff = Client(base)
    staff.get("/newsroom/login")
    status, headers, _ = staff.form("/newsroom/login", [("username", args.admin), ("password", args.password)])
    if status != 302 or "error" in headers.get("Location", ""):
        sys.exit(f"cannot sign in as {args.admin}: {status} {headers.get('Location')}")
    staff.get("/newsroom/account")
    _, _, page = staff.form("/newsroom/account/tokens", [("name", "corpus"), ("scopes", "read"), ("scopes", "write"),
                                                          ("scopes", "publish")])
    token = re.search(r'id="new-token">([^<]+)<', page).group(1)
    api = Client(base, token)
    staff.get("/newsroom/admin/webhooks")
    staff.form("/newsroom/admin/webhooks", [("url", f"http://127.0.0.1:{args.webhook_port}/hook?token=corpus-secret"),
                                            ("events", "story.published"), ("events", "story.updated"),
                                            ("description", "corpus receiver")])
    section = json.loads(api.get("/api/v1/sections")[2])
    section = (section.get("items") or section.get("sections") or section)[0]["slug"] if isinstance(section, dict) else section[0]["slug"]
    written, refused = 0, 0
    stories = {}
    outputs = {}   # path (or what was read when) -> (status, content type, text, headers)
    settings_reads = []
    reader_early = Client(base)

    def submit(page, path, marker, fields, retry):
        """Posts a newsroom form as typed; a refusal's page (everything typed shown again) is an output too, and
        the form is then sent again as corrected, so that the payloads in the other fields are stored."""
        staff.get(page)
        status, headers, text = staff.form(path, fields)
        outputs[f"POST {path} ({marker})"] = (status, headers.get("Content-Type", ""), text, headers)
        if status in (400, 422):
            status, headers, text = staff.form(path, retry)
            outputs[f"POST {path} ({marker}, corrected)"] = (status, headers.get("Content-Type", ""), text, headers)
        return status
    for i, (marker, payload) in enumerate(markers.items()):
        short = payload[:290]
        # write surfaces that are not stories: names and descriptions
        staff.get("/newsroom/admin/webhooks")
        staff.form("/newsroom/admin/webhooks", [("url", "http://127.0.0.1:9/" + urllib.parse.quote(short[:200], errors="surrogatepass")),
                                                ("events", "story.deleted"), ("description", short[:200])])
        staff.get("/newsroom/account")
        staff.form("/newsroom/account/tokens", [("name", short[:80]), ("scopes", "read")])
        submit("/newsroom/admin/users", "/newsroom/admin/users", marker,
               [("username", short[:60]), ("displayName", short[:120]), ("roles", "translator")],
               [("username", f"user.{marker}"), ("displayName", short[:120]), ("roles", "translator")])
        # an image with the payload in its file name and texts
        status, _, body = api.multipart("/api/v1/admin/media", [(f"{l}.{f}", short) for l in ("uk", "en", "ru")
                                                                for f in ("caption", "credit", "alt")],
                                        [("file", short[:150] + ".png", png(48, 32, i))])
        image = json.loads(body)["id"] if status == 201 else None
        texts = {"uk": short, "en": short, "ru": short}
        long_texts = {"uk": payload[:4000], "en": payload[:4000], "ru": payload[:4000]}
        # sections, tags, authors and static pages: the admin API (the slug made from the name, or given when
        # the name makes none) and the newsroom's forms, signed in
        tag_slug = author_slug = None
        status, _, body = api.json("POST", "/api/v1/admin/tags", {"name": texts, "description": long_texts})
        if status >= 400 and status < 500:
            status, _, body = api.json("POST", "/api/v1/admin/tags", {"slug": f"tag-{marker}", "name": texts,
                                                                      "description": long_texts})
        if status == 201:
            tag_slug = json.loads(body)["slug"]
        author = {"name": texts, "bio": long_texts, "jobTitle": texts, "photoMediaId": image,
                  "links": [payload[:500], "https://example.org/" + urllib.parse.quote(short[:100], errors="surrogatepass")]}
        status, _, body = api.json("POST", "/api/v1/admin/authors", author)
        if status >= 400 and status < 500:
            author.update(slug=f"author-{marker}", links=["https://example.org/" + marker])
            status, _, body = api.json("POST", "/api/v1/admin/authors", author)
        if status == 201:
            author_slug = json.loads(body)["slug"]
        status, _, body = api.json("POST", "/api/v1/admin/sections", {"name": texts, "description": long_texts,
                                                                     "seoTitle": texts, "seoDescription": long_texts})
        if status >= 400 and status < 500:
            status, _, body = api.json("POST", "/api/v1/admin/sections", {"slug": f"sec-{marker}", "name": texts,
                                                                         "description": long_texts, "seoTitle": texts,
                                                                         "seoDescription": long_texts})
        rich = {"text": "Read " + short, "marks": [
            {"type": "bold", "start": 0, "end": 4},
            {"type": "link", "start": 0, "end": 4, "href": "https://example.org/?q=" + urllib.parse.quote(payload[:300],
                                                                                                         errors="surrogatepass"),
             "rel": ["nofollow"]},
            {"type": "italic", "start": 5, "end": 5 + len(short.encode("utf-16-le", "surrogatepass")) // 2}]}
        page_version = {"title": short or marker, "summary": payload[:1000], "seoTitle": short,
                        "seoDescription": payload[:1000], "live": True,
                        "body": [{"type": "paragraph", "text": payload}, {"type": "paragraph", "text": rich},
                                 {"type": "quote", "text": short, "speaker": short}]}
        status, _, _ = api.json("POST", "/api/v1/admin/pages", {"inFooter": True, "versions": {"en": page_version}})
        if status >= 400 and status < 500:
            page_version["slug"] = f"page-{marker}"
            api.json("POST", "/api/v1/admin/pages", {"inFooter": True, "versions": {"en": page_version}})
        localized = lambda name, value: [(f"{name}.{l}", value) for l in ("uk", "en", "ru")]
        named = f"F{marker} {short}"[:290]   # the API made one named `short` already: names are unique
        submit("/newsroom/admin/sections", "/newsroom/admin/sections", marker,
               [("slug", "")] + localized("name", named) + localized("description", payload[:4000])
               + localized("seoTitle", short) + localized("seoDescription", payload[:1000]),
               [("slug", f"fsec-{marker}")] + localized("name", named) + localized("description", payload[:4000]))
        submit("/newsroom/tags", "/newsroom/tags", marker,
               [("slug", "")] + localized("name", named) + localized("description", payload[:4000]),
               [("slug", f"ftag-{marker}")] + localized("name", named) + localized("description", payload[:4000]))
        author_fields = localized("name", named) + localized("jobTitle", short) + localized("bio", payload[:4000])
        submit("/newsroom/authors/new", "/newsroom/authors", marker,
               [("slug", "")] + author_fields + [("links", payload[:500] + "\nhttps://example.org/" + marker),
                                                  ("photo", str(image) if image else ""), ("account", ""), ("op", "save")],
               [("slug", f"fauthor-{marker}")] + author_fields + [("links", "https://example.org/" + marker), ("op", "save")])
        page_form = [("slug", f"fpage-{marker}"), ("title", short or marker), ("summary", payload[:1000]),
                     ("seoTitle", short), ("seoDescription", payload[:1000]), ("live", "on"), ("inFooter", "on"),
                     ("purpose", ""), ("blocks[0].type", "paragraph"), ("blocks[0].id", "p0"), ("blocks[0].text", payload),
                     ("blocks[1].type", "paragraph"), ("blocks[1].id", "p1"), ("op", "save")]
        submit("/newsroom/admin/pages/new?lang=en", "/newsroom/admin/pages?lang=en", marker,
               page_form + [("blocks[1].text", f"**{short}** [{short}](https://example.org/{marker}) "
                                               f"[x](javascript:alert('{marker}'))")],
               page_form + [("blocks[1].text", f"**{short}** *{short}* [{short}](https://example.org/?q={marker})")])
        # the settings desk: the publication's name and social profiles, read right away on the pages that show them
        settings = localized("name", short or marker) + [("logo", str(image) if image else ""),
                                                         ("defaultLanguage", "uk"), ("timeZone", "Europe/Kyiv")]
        submit("/newsroom/admin/settings", "/newsroom/admin/settings", marker,
               settings + [("socialLinks", payload[:500] + "\nhttps://example.org/@" + marker)],
               settings + [("socialLinks", "https://example.org/@" + marker + "?" + urllib.parse.quote(short[:100],
                                                                                                    errors="surrogatepass"))])
        for path in ("/en/", "/uk/feed/atom.xml", "/en/feed/rss.xml"):
            settings_reads.append((marker, path))
            status, headers, text = reader_early.get(path)
            outputs[f"{path} (settings {marker})"] = (status, headers.get("Content-Type", ""), text, headers)
        status, headers, body = api.json("POST", "/api/v1/admin/stories", {"section": section, "sourceLanguage": "en",
                                                                          "leadImageId": image,
                                                                          "tags": [tag_slug] if tag_slug else [],
                                                                          "authors": [author_slug] if author_slug else []})
        if status != 201:
            refused += 1
            continue
        story = int(headers["Location"].rsplit("/", 1)[1])
        stories[marker] = story
        blocks = [{"type": "paragraph", "text": payload}, {"type": "paragraph", "text": rich},
                  {"type": "subheading", "text": short},
                  {"type": "quote", "text": payload, "speaker": short, "role": short},
                  {"type": "list", "ordered": i % 2 == 0, "items": [short, payload]},
                  {"type": "embed", "url": "https://example.com/" + urllib.parse.quote(short[:100], errors="surrogatepass"), "title": short}]
        if image:
            blocks.append({"type": "image", "mediaId": image, "caption": short, "credit": short, "alt": short})
        version = {"basedOnRevision": 0, "headline": short, "standfirst": payload[:1000], "seoTitle": short,
                   "seoDescription": payload[:1000], "leadImage": {"caption": short, "credit": short, "alt": short},
                   "body": blocks}
        status, _, _ = api.json("PUT", f"/api/v1/admin/stories/{story}/en", version)
        if status == 400:   # a payload the API refuses in one field (a URL, a length): the others still go in
            version["body"] = [b for b in blocks if b["type"] != "embed"]
            version["headline"] = short[:200] or marker
            status, _, _ = api.json("PUT", f"/api/v1/admin/stories/{story}/en", version)
        written += status == 200
        # a link mark whose target is hostile: refused with 400 (or kept as inert text), never a live link
        hostile_href = HREFS[i % len(HREFS)].replace("MARK", marker)
        api.json("PUT", f"/api/v1/admin/stories/{story}/en", dict(version, basedOnRevision=1, body=version["body"] + [
            {"type": "paragraph", "text": {"text": "Open this", "marks": [{"type": "link", "start": 0, "end": 4,
                                                                        "href": hostile_href}]}}]))
        # the newsroom form for the Ukrainian version: first with a raw embed URL and a hostile link (refused, the
        # form shown again with everything typed), then as an editor would correct it; and a correction note
        version_form = [
            ("basedOn", "0"), ("headline", short), ("standfirst", payload[:1000]), ("seoTitle", short),
            ("seoDescription", payload[:1000]), ("leadCaption", short), ("leadCredit", short), ("leadAlt", short),
            ("blocks[0].type", "paragraph"), ("blocks[0].id", "p0"), ("blocks[0].text", payload),
            ("blocks[1].type", "quote"), ("blocks[1].id", "q1"), ("blocks[1].text", short), ("blocks[1].speaker", short),
            ("blocks[2].type", "embed"), ("blocks[2].id", "e2"), ("blocks[3].type", "paragraph"), ("blocks[3].id", "p3"),
            ("op", "save")]
        submit(f"/newsroom/stories/{story}/uk/edit", f"/newsroom/stories/{story}/uk/edit", marker,
               version_form + [("blocks[2].url", short), ("blocks[3].text", f"**{short}** [x]({hostile_href}) ^{marker}^")],
               version_form + [("blocks[2].url", "https://example.org/embed?" + urllib.parse.quote(short[:100],
                                                                                                   errors="surrogatepass")),
                               ("blocks[3].text", f"**{short}** *{short}* [{short}](https://example.org/{marker}) "
                                                  f"[s](story:{1 if story != 1 else 2}) ^{marker}^ ~{marker}~")])
        api.json("POST", f"/api/v1/admin/stories/{story}/status", {"action": "submit"})
        api.json("POST", f"/api/v1/admin/stories/{story}/status", {"action": "publish"})
        staff.get(f"/newsroom/stories/{story}")
        staff.form(f"/newsroom/stories/{story}/notes", [("language", "en"), ("kind", "CORRECTION"), ("text", payload[:2000])])
        # XLIFF: the Russian translation comes back from an "agency" with the payload in every target
        _, _, xliff = staff.get(f"/newsroom/translations/{story}/ru/xliff")
        escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        translated = re.sub(r"(<source>.*?</source>)", lambda s: s.group(1) + "<target>" + escaped + "</target>", xliff,
                            flags=re.S)
        staff.get(f"/newsroom/translations/{story}/ru")
        staff.multipart(f"/newsroom/translations/{story}/ru/xliff", [], [("file", "agency.xlf", translated.encode("utf-8",
                                                                                                                     "surrogatepass"))])
        staff.get(f"/newsroom/translations/{story}/ru")
        staff.form(f"/newsroom/translations/{story}/ru/publish", [])
    # uploads that are not images at all
    for name, content in [("polyglot.png", b"GIF89a/*<svg onload=alert(1)>*/=1;"), ("x.svg.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
                          ("huge.png", png(1, 1, 1)[:16] + struct.pack(">II", 60000, 60000) + b"\x08\x02\x00\x00\x00"),
                          ("empty.png", b""), ("../../etc/passwd", b"root:x:0:0"), ("zip.png", b"PK\x03\x04" + b"\x00" * 100)]:
        api.multipart("/api/v1/admin/media", [], [("file", name, content)])
    time.sleep(3)   # the outbox relay indexes, evicts and delivers webhooks

    reader = Client(base)
    def read(client, path):
        status, headers, text = client.get(path)
        outputs[path] = (status, headers.get("Content-Type", ""), text, headers)
        return status, text
    for lang in ("en", "uk", "ru"):
        for path in (f"/{lang}/", f"/{lang}/{section}/", f"/{lang}/feed/rss.xml", f"/{lang}/feed/atom.xml",
                     f"/{lang}/feed/rss-full.xml", f"/{lang}/feed/atom-full.xml", f"/{lang}/{section}/feed/rss.xml"):
            read(reader, path)
    for path in ("/sitemap.xml", "/sitemaps/news.xml", "/sitemaps/pages.xml", "/robots.txt", "/api/v1/stories?limit=100",
                 "/api/v1/sections", "/api/v1/tags", "/api/v1/authors"):
        read(reader, path)
    # every section, tag and author page (with its feeds) and every static page, in the three languages
    for kind, prefix in (("sections", ""), ("tags", "tag/"), ("authors", "author/")):
        listed = json.loads(outputs[f"/api/v1/{kind}"][2]) if outputs[f"/api/v1/{kind}"][0] == 200 else []
        listed = listed.get("items", []) if isinstance(listed, dict) else listed
        for entry in listed:
            for lang in ("en", "uk", "ru"):
                read(reader, f"/{lang}/{prefix}{urllib.parse.quote(entry['slug'])}" + ("/" if kind == "sections" else ""))
            read(reader, f"/en/{prefix}{urllib.parse.quote(entry['slug'])}/feed/atom.xml")
            read(reader, f"/en/{prefix}{urllib.parse.quote(entry['slug'])}/feed/rss.xml")
    for loc in re.findall(r"<loc>([^<]+)</loc>", outputs["/sitemaps/pages.xml"][2]):
        read(reader, urllib.parse.urlparse(loc).path)
    for loc in re.findall(r"<loc>([^<]+)</loc>", outputs["/sitemap.xml"][2]):
        read(reader, urllib.parse.urlparse(loc).path)
    for marker, story in stories.items():
        payload = markers[marker]
        q = urllib.parse.quote(payload[:200], errors="surrogatepass")
        for lang in ("en", "uk", "ru"):
            status, text = read(reader, f"/api/v1/stories/{story}/{lang}")
            if status == 200:
                page = json.loads(text).get("url", "")
                read(reader, urllib.parse.urlparse(page).path)
            read(reader, f"/{lang}/search?q={marker}")
            read(reader, f"/{lang}/search?q={q}")
            read(reader, f"/{lang}/search/suggest?q={q}")
        read(reader, f"/api/v1/search?q={marker}&language=en")
        read(reader, f"/api/v1/search?q={q}&language=en")
        read(staff, f"/newsroom/stories/{story}")
        read(staff, f"/newsroom/stories/{story}/en/edit")
        read(staff, f"/newsroom/preview/{story}/en")
        read(staff, f"/newsroom/stories?q={q}")
        read(staff, f"/newsroom/search?q={q}")
    for path in ("/newsroom", "/newsroom/media", "/newsroom/admin/users", "/newsroom/admin/audit", "/newsroom/admin/webhooks",
                 "/newsroom/account", "/newsroom/translations", "/newsroom/admin/sections", "/newsroom/tags",
                 "/newsroom/authors", "/newsroom/admin/pages", "/newsroom/admin/settings"):
        read(staff, path)
    # the desks' own pages of every section, tag, author and static page
    for desk in ("/newsroom/admin/sections", "/newsroom/tags", "/newsroom/authors", "/newsroom/admin/pages"):
        for link in sorted(set(re.findall(r'href="(' + re.escape(desk) + r'/\d+)"', outputs[desk][2]))):
            read(staff, link)
    for link in sorted(set(re.findall(r'href="(/newsroom/admin/pages/\d+/(?:uk|en|ru))"', "".join(
            outputs[p][2] for p in outputs if p.startswith("/newsroom/admin/pages/"))))):
        read(staff, link)
    hooks = re.findall(r'href="(/newsroom/admin/webhooks/\d+)"', outputs["/newsroom/admin/webhooks"][2])
    for hook in hooks[:3]:
        read(staff, hook)

    live, broken, feed_fields = {}, [], {}
    for path, (status, kind, text, headers) in outputs.items():
        for name, value in headers.items():
            if "pwned" in value or name.lower() == "x-injected":
                live.setdefault("(header)", []).append(f"{path}: header {name}")
        if "html" in kind:
            for marker, where in live_in_html(text, markers):
                live.setdefault(marker, []).append(f"{path}: {where}")
        elif "xml" in kind:
            try:
                root = ET.fromstring(text.encode("utf-8"))
            except ET.ParseError as e:
                broken.append(f"{path}: {e}")
                continue
            atom = root.tag.endswith("}feed")
            for element in root.iter():
                local = element.tag.rsplit("}", 1)[-1]
                if local in ("title", "description", "summary", "content", "encoded", "subtitle", "name") and element.text:
                    # RSS fields are read as HTML by many readers, and so is an Atom text construct of type
                    # html: markup there is live. An Atom construct of type text (the default) and a person's
                    # name are plain text by the format: markup characters there are shown as written.
                    # (Sitemaps' news:title is plain text too.)
                    as_html = root.tag == "rss" or (atom and element.get("type") in ("html", "xhtml"))
                    for marker, where in live_in_html(element.text, markers):
                        if as_html:
                            live.setdefault(marker, []).append(f"{path}: <{local}> read as HTML: {where}")
                        else:
                            feed_fields.setdefault(marker, []).append(f"{path}: <{local}> (text by the format): {where}")
        elif "json" in kind:
            try:
                value = json.loads(text)
            except ValueError as e:
                broken.append(f"{path}: {e}")
                continue
            for where in html_in_json(value, markers):
                live.setdefault(where[0], []).append(f"{path}: {where[1]}")
    for body in Receiver.bodies:
        try:
            value = json.loads(body)
        except ValueError as e:
            broken.append(f"webhook body: {e}")
            continue
        for where in html_in_json(value, markers):
            live.setdefault(where[0], []).append(f"webhook body: {where[1]}")
    errors = [s for c in (staff, api, reader) for s in c.statuses if s[0] >= 500]
    server.shutdown()

    print(f"payloads: {len(markers)}; stories written: {written} (refused at creation: {refused}); "
          f"requests: {sum(len(c.statuses) for c in (staff, api, reader))}; outputs read: {len(outputs)}; "
          f"webhook deliveries received: {len(Receiver.bodies)}")
    # what each write surface answered: proof that every one of them was reached (and what it refused)
    surfaces = {}
    for client in (staff, api):
        for status, method, path in client.statuses:
            if method in ("POST", "PUT"):
                key = f"{method} {re.sub(r'/[0-9]+', '/{id}', path)}"
                surfaces.setdefault(key, {}).setdefault(status, 0)
                surfaces[key][status] += 1
    print("write surfaces (method path: answers by status):")
    for key, answers in sorted(surfaces.items()):
        print(f"  {key}: " + ", ".join(f"{s}x{n}" for s, n in sorted(answers.items())))
    kinds = {}
    for path, (status, kind, _, _) in outputs.items():
        family = re.sub(r"/[0-9]+", "/{id}", path.split(" (")[0])
        family = re.sub(r"^/(en|uk|ru)/", "/{lang}/", family)
        family = re.sub(r"\?.*", "", family)
        family = re.sub(r"/[^/]*hq[0-9]{3}z[^/]*", "/{slug}", family)
        kinds[family] = kinds.get(family, 0) + 1
    print(f"read surfaces: {len(kinds)} address patterns, e.g. " + ", ".join(sorted(kinds)[:60]))
    print(f"payloads reaching an output as live markup: {len([m for m in live if m in markers])}")
    for marker, where in sorted(live.items()):
        print(f"  {marker} {markers.get(marker, '')[:60]!r}: {where[:3]}")
    print(f"outputs that no longer parse: {len(broken)}")
    for line in broken[:20]:
        print("  " + line)
    print(f"answers >= 500: {len(errors)}")
    for status, method, path in errors[:20]:
        print(f"  {status} {method} {path}")
    print(f"Atom text constructs (type text, author names) and sitemap titles that hold markup characters as text, "
          f"which a reader that broke the format by rendering them as HTML would make live: {len(feed_fields)} payloads")
    for marker, where in sorted(feed_fields.items())[:20]:
        print(f"  {marker} {markers[marker][:60]!r}: {where[:2]}")
    return 0 if not live and not broken and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
