# Reads one feed document on standard input with feedparser and prints what it understood as JSON:
# whether it found the document faulty (bozo) and, per entry, the fields a feed reader shows.
import json
import sys

import feedparser

parsed = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
    "bozo": bool(parsed.bozo),
    "bozoException": str(parsed.get("bozo_exception", "")),
    "version": parsed.version,
    "language": parsed.feed.get("language", ""),
    "title": parsed.feed.get("title", ""),
    "entries": [{
        "id": entry.get("id", ""),
        "title": entry.get("title", ""),
        "titleType": entry.get("title_detail", {}).get("type", ""),
        "summary": entry.get("summary", ""),
        "authors": [author.get("name", "") for author in entry.get("authors", [])],
        "link": entry.get("link", ""),
        "media": [dict(content) for content in entry.get("media_content", [])],
        "credits": [credit.get("content", "") for credit in entry.get("media_credit", [])],
    } for entry in parsed.entries],
}, ensure_ascii=False))
