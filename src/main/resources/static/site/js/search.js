// Suggestions as you type, for every search box with a data-suggest URL. The boxes work without this
// script (they submit to the search page); it only adds a list of headlines, topics and names to pick from.
// Texts are inserted with textContent, never as HTML.
(function () {
    "use strict";
    var counter = 0;

    function enhance(input) {
        var form = input.form;
        if (!form) {
            return;
        }
        var list = document.createElement("ul");
        list.id = "search-suggestions-" + (++counter);
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.hidden = true;
        form.classList.add("has-suggestions");
        form.appendChild(list);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);

        var timer = null;
        var active = -1;
        var latest = 0;

        function close() {
            list.hidden = true;
            list.textContent = "";
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function show(items) {
            list.textContent = "";
            active = -1;
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = list.id + "-" + index;
                option.setAttribute("role", "option");
                option.className = "suggestion suggestion-" + item.kind;
                var link = document.createElement("a");
                link.href = item.url;
                link.tabIndex = -1;
                link.textContent = item.text;
                option.appendChild(link);
                list.appendChild(option);
            });
            list.hidden = items.length === 0;
            input.setAttribute("aria-expanded", items.length > 0 ? "true" : "false");
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            if (options.length === 0) {
                return;
            }
            active = (index + options.length) % options.length;
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", options[active].id);
        }

        function fetchSuggestions() {
            var typed = input.value.trim();
            if (typed.length < 2 || typed.length > 60) {
                close();
                return;
            }
            var ticket = ++latest;
            fetch(input.dataset.suggest + "?q=" + encodeURIComponent(typed), {headers: {"Accept": "application/json"}})
                .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
                .then(function (body) {
                    if (ticket === latest) {
                        show(body.suggestions || []);
                    }
                })
                .catch(close);
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, 150);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active + (event.key === "ArrowDown" ? 1 : -1));
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.assign(list.querySelectorAll("[role=option] a")[active].href);
            } else if (event.key === "Escape") {
                close();
            }
        });
        input.addEventListener("blur", function () {
            // after a click on a suggestion has been handled
            setTimeout(close, 200);
        });
    }

    document.querySelectorAll("input[data-suggest]").forEach(enhance);
})();
