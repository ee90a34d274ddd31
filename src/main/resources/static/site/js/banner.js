// The breaking-news banner on a page that is already open: follows the language's banner through the page's event
// stream (a live blog's own, or the banner's) and puts the banner up, changes it or takes it down in place,
// announcing a new one politely. Without this script the banner shows on the next page a reader opens.
(function () {
    "use strict";
    var stream = document.body && document.body.getAttribute("data-banner-stream");
    if (!stream || typeof window.EventSource !== "function") {
        return;
    }
    var header = document.querySelector("header.site-header");

    function show(data) {
        var aside = document.querySelector("aside.breaking");
        if (!data.text || !data.url) {
            if (aside) {
                aside.remove();
            }
            return;
        }
        var link = aside && aside.querySelector("a");
        if (link && link.getAttribute("href") === data.url && link.textContent === data.text) {
            return;
        }
        var fresh = document.createElement("aside");
        fresh.className = "breaking";
        fresh.setAttribute("aria-label", data.label);
        fresh.setAttribute("aria-live", "polite");
        var line = document.createElement("p");
        line.className = "wrap";
        var label = document.createElement("strong");
        label.textContent = data.label;
        var target = document.createElement("a");
        target.href = data.url;
        target.textContent = data.text;
        line.appendChild(label);
        line.appendChild(document.createTextNode(" "));
        line.appendChild(target);
        fresh.appendChild(line);
        if (aside) {
            aside.replaceWith(fresh);
        } else if (header) {
            header.after(fresh);
        }
        document.body.setAttribute("data-banner-shown", data.url);
    }

    function follow(source) {
        source.addEventListener("banner", function (event) {
            try {
                show(JSON.parse(event.data));
            } catch (e) {
                // not a banner
            }
        });
        source.addEventListener("open", function () {
            document.body.setAttribute("data-banner-connected", "true");
        });
    }

    // the browser reconnects by itself when a stream breaks off, but gives up on an answer such as 503 (a node that
    // holds all the streams it may): the page then opens a new stream a little later
    function connect() {
        var source = new EventSource(stream);
        follow(source);
        source.addEventListener("error", function () {
            if (source.readyState === EventSource.CLOSED) {
                document.body.removeAttribute("data-banner-connected");
                window.setTimeout(connect, 10000 + Math.random() * 10000);
            }
        });
    }

    if (window.mastheadStream) {
        // a live blog's page: its script owns the page's one stream, and says when it opens a new one
        follow(window.mastheadStream);
        document.addEventListener("masthead:stream", function () {
            follow(window.mastheadStream);
        });
    } else {
        connect();
    }
})();
