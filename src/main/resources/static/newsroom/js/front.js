// The front page's numbered places, put in order by dragging (or by each place's "up" and "down" buttons, for the
// keyboard): a place moved lands where it is dropped and the others close up, its story and its time travel with
// it. The form with its numbered places stays what is sent, so without this script nothing is lost.
(function () {
    "use strict";
    var list = document.querySelector("form[data-front-slots] ol.slots");
    if (!list) {
        return;
    }
    var slots = Array.prototype.slice.call(list.querySelectorAll("li.slot"));
    var announcer = document.querySelector("[data-front-announcer]");
    var hint = document.getElementById("front-drag");
    if (hint) {
        hint.hidden = false;
    }
    var dragged = null;

    function fields(slot) {
        return {story: slot.querySelector("select"), until: slot.querySelector("input[type=datetime-local]")};
    }

    function read() {
        return slots.map(function (slot) {
            var f = fields(slot);
            return {story: f.story.value, until: f.until.value};
        });
    }

    function write(values) {
        slots.forEach(function (slot, i) {
            var f = fields(slot);
            f.story.value = values[i].story;
            f.until.value = values[i].until;
        });
    }

    // moves the place at index "from" to index "to"; the places between close up
    function move(from, to) {
        if (from === to || to < 0 || to >= slots.length) {
            return;
        }
        var values = read();
        var moving = values.splice(from, 1)[0];
        values.splice(to, 0, moving);
        write(values);
        var select = fields(slots[to]).story;
        var label = select.selectedIndex >= 0 ? select.options[select.selectedIndex].text : "";
        if (announcer) {
            announcer.textContent = (list.getAttribute("data-moved") || "{0} {1}").replace("{0}", label)
                .replace("{1}", String(to + 1));
        }
        list.setAttribute("data-arranged", String(Date.now()));
    }

    slots.forEach(function (slot, index) {
        slot.setAttribute("draggable", "true");
        var legend = slot.querySelector("legend");
        var buttons = document.createElement("span");
        buttons.className = "slot-moves";
        [["up", -1, list.getAttribute("data-move-up")], ["down", 1, list.getAttribute("data-move-down")]].forEach(function (b) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "slot-move";
            button.setAttribute("data-move", b[0]);
            button.textContent = b[2];
            button.disabled = index + b[1] < 0 || index + b[1] >= slots.length;
            button.addEventListener("click", function () {
                move(index, index + b[1]);
                var next = slots[index + b[1]].querySelector("[data-move=" + b[0] + "]");
                (next && !next.disabled ? next : button).focus();
            });
            buttons.appendChild(button);
        });
        if (legend) {
            legend.after(buttons);
        }
        slot.addEventListener("dragstart", function (event) {
            dragged = index;
            slot.classList.add("dragging");
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", String(index + 1));
        });
        slot.addEventListener("dragend", function () {
            slot.classList.remove("dragging");
            dragged = null;
        });
        slot.addEventListener("dragover", function (event) {
            if (dragged !== null) {
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
            }
        });
        slot.addEventListener("drop", function (event) {
            event.preventDefault();
            var from = dragged !== null ? dragged : parseInt(event.dataTransfer.getData("text/plain"), 10) - 1;
            if (!isNaN(from)) {
                move(from, index);
            }
        });
    });
})();
