// Live blogs: follows the live blog's event stream and shows new entries in place, without moving what the
// reader is reading, announcing each politely to screen readers. Without this script the page works on reload
// and shows a "new entries" link.
(function () {
    "use strict";
    var section = document.querySelector("section.live[data-stream]");
    if (!section || typeof window.EventSource !== "function") {
        return;
    }
    var list = section.querySelector("[data-live-entries]");
    var announcer = section.querySelector("[data-live-announcer]");
    var reload = section.querySelector(".live-reload");
    if (reload) {
        reload.hidden = true;
    }
    var empty = section.querySelector(".empty");
    var template = document.createElement("template");
    var last = section.getAttribute("data-last-change") || "0";
    // the script keeps the reader's place itself; the browser's own scroll anchoring would do it twice
    document.documentElement.style.overflowAnchor = "none";

    // the browser reconnects by itself when a stream breaks off, but gives up on an answer such as 503 (a node that
    // holds all the streams it may): the page then opens a new stream a little later, from the last entry it has,
    // and tells the banner script, which listens to the page's one stream instead of opening another
    function connect() {
        var source = new EventSource(section.getAttribute("data-stream") + "?after=" + encodeURIComponent(last));
        window.mastheadStream = source;
        source.addEventListener("open", function () {
            section.setAttribute("data-connected", "true");
        });
        source.addEventListener("entry", shown);
        source.addEventListener("error", function () {
            if (source.readyState === EventSource.CLOSED) {
                section.removeAttribute("data-connected");
                window.setTimeout(connect, 10000 + Math.random() * 10000);
            }
        });
        document.dispatchEvent(new CustomEvent("masthead:stream"));
    }

    function element(html) {
        template.innerHTML = html.trim();
        return template.content.firstElementChild;
    }

    function announce(text) {
        if (!announcer) {
            return;
        }
        announcer.textContent = "";
        window.setTimeout(function () {
            announcer.textContent = (announcer.getAttribute("data-announce") || "{0}").replace("{0}", text);
        }, 50);
    }

    // a new key event joins the summary at the top, built from text only
    function keyEvent(entry, headline) {
        var box = section.querySelector(".key-events ul");
        if (!box) {
            return;
        }
        var time = entry.querySelector(".live-time a");
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + entry.id;
        link.textContent = time ? time.textContent.trim() : "";
        item.appendChild(link);
        item.appendChild(document.createTextNode(" " + headline));
        box.insertBefore(item, box.firstElementChild);
    }

    function shown(event) {
        if (event.lastEventId) {
            last = event.lastEventId;
        }
        var data;
        try {
            data = JSON.parse(event.data);
        } catch (e) {
            return;
        }
        var fresh = element(data.html);
        if (!fresh) {
            return;
        }
        var existing = document.getElementById(fresh.id);
        // what the reader is looking at stays where it is: the height added above it is scrolled away
        var before = list.getBoundingClientRect().top;
        var height = document.documentElement.scrollHeight;
        if (existing) {
            existing.replaceWith(fresh);
        } else if (data.kind === "translated") {
            if (empty) {
                empty.remove();
                empty = null;
            }
            // an older entry now translated into the page's language: it joins in its place, newest first, if the
            // page reaches that far back
            var id = Number(fresh.getAttribute("data-entry"));
            var after = Array.prototype.find.call(list.children, function (child) {
                return Number(child.getAttribute("data-entry")) < id;
            });
            if (after) {
                list.insertBefore(fresh, after);
            } else if (!section.querySelector("[rel=next]")) {
                list.appendChild(fresh);
            }
        } else {
            list.insertBefore(fresh, list.firstElementChild);
            fresh.classList.add("arrived");
            if (empty) {
                empty.remove();
                empty = null;
            }
            announce(data.headline || "");
            if (data.keyEvent) {
                keyEvent(fresh, data.headline || "");
            }
        }
        if (before < 0) {
            window.scrollBy(0, document.documentElement.scrollHeight - height);
        }
    }

    connect();
})();
