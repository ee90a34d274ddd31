// The newsroom's toolbar editor for texts with marks (docs/body-format.md), on ProseMirror.
//
// Every field the server marks with data-marks ("block", "line", "items") is a text with marks typed in
// the newsroom's markup. Where this script runs, each such field is replaced by a ProseMirror editor with
// a toolbar (bold, italic, superscript, subscript, link, link to a story, remove link; Ctrl/Cmd+B, I, K),
// and the texts are posted as JSON in a hidden field named by data-json-name, which the server takes before
// the markup. The original field stays in the form, hidden, so nothing depends on this script: without it
// the markup is posted as typed. Pasted HTML keeps bold, italic, superscript, subscript and links only,
// through DOMPurify. No inline script or style is used: the page's CSP may forbid them.
import DOMPurify from "dompurify";
import { baseKeymap, toggleMark } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { Schema } from "prosemirror-model";
import { EditorState, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";

const SCHEMES = /^(https?:\/\/[^\s/?#]+|mailto:[^\s@]+@[^\s@]+|tel:\+?[0-9][0-9().-]{1,30}$)/i;
const STORY_PATH = /^(?:https?:\/\/[^/]+)?\/(?:uk|en|ru)\/[a-z0-9-]+\/[a-z0-9-]+-(\d{1,18})$/;
const RELS = ["nofollow", "sponsored", "ugc"];
/** Pasted HTML or text longer than this is refused whole: a story paragraph is far shorter. */
const MAX_PASTE = 1_000_000;
const MAX_PASTE_TEXT = 60_000;

const MARK_SPECS = {
  // links first: they nest outermost, as the server renders them
  link: {
    attrs: { href: {}, rel: { default: [] } },
    inclusive: false,
    excludes: "link storyLink",
    parseDOM: [{
      tag: "a[href]",
      getAttrs(dom) {
        const href = dom.getAttribute("href") || "";
        if (STORY_PATH.test(href) || !SCHEMES.test(href)) return false;
        const rel = (dom.getAttribute("rel") || "").split(/\s+/).filter((r) => RELS.includes(r));
        return { href, rel: [...new Set(rel)] };
      },
    }],
    toDOM: (mark) => ["a", { href: mark.attrs.href, rel: ["noopener", ...mark.attrs.rel].join(" "), class: "outside-link" }, 0],
  },
  storyLink: {
    attrs: { storyId: {}, title: { default: "" } },
    inclusive: false,
    excludes: "link storyLink",
    parseDOM: [
      { tag: "a[data-story]", getAttrs: (dom) => ({ storyId: Number(dom.getAttribute("data-story")), title: dom.title || "" }) },
      {
        tag: "a[href]",
        getAttrs(dom) {
          const match = STORY_PATH.exec(dom.getAttribute("href") || "");
          return match ? { storyId: Number(match[1]), title: "" } : false;
        },
      },
    ],
    toDOM: (mark) => ["a", { href: "#story-" + mark.attrs.storyId, "data-story": String(mark.attrs.storyId),
      class: "story-link", title: mark.attrs.title || ("#" + mark.attrs.storyId) }, 0],
  },
  bold: {
    parseDOM: [{ tag: "strong" }, { tag: "b" },
      { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[6-9]00)$/.test(value) && null }],
    toDOM: () => ["strong", 0],
  },
  italic: {
    parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
    toDOM: () => ["em", 0],
  },
  superscript: {
    excludes: "superscript subscript",
    parseDOM: [{ tag: "sup" }, { style: "vertical-align=super" }],
    toDOM: () => ["sup", 0],
  },
  subscript: {
    excludes: "superscript subscript",
    parseDOM: [{ tag: "sub" }, { style: "vertical-align=sub" }],
    toDOM: () => ["sub", 0],
  },
};

function schemaFor(mode) {
  const nodes = {
    doc: { content: mode === "items" ? "para+" : "para" },
    para: { content: "inline*", parseDOM: [{ tag: "p" }, { tag: "li" }, { tag: "div" }], toDOM: () => ["p", 0] },
    text: { group: "inline" },
  };
  if (mode !== "line") {
    nodes.hard_break = { inline: true, group: "inline", selectable: false, parseDOM: [{ tag: "br" }], toDOM: () => ["br"] };
  }
  return new Schema({ nodes, marks: MARK_SPECS });
}

const SCHEMAS = { block: schemaFor("block"), line: schemaFor("line"), items: schemaFor("items") };

// ---- texts with marks <-> ProseMirror documents ------------------------------------------------------

/** A paragraph node as {text, marks}: offsets in UTF-16 code units, as the server counts them. */
function toRich(para) {
  let text = "";
  const marks = [];
  const open = new Map();   // a mark instance still running -> its start
  const close = (keep) => {
    for (const [mark, start] of [...open]) {
      if (!keep.some((m) => m.eq(mark))) {
        marks.push(markJson(mark, start, text.length));
        open.delete(mark);
      }
    }
  };
  para.forEach((child) => {
    const childMarks = child.marks || [];
    close(childMarks);
    for (const mark of childMarks) {
      if (![...open.keys()].some((m) => m.eq(mark))) open.set(mark, text.length);
    }
    text += child.isText ? child.text : "\n";
  });
  close([]);
  return { text, marks };
}

function markJson(mark, start, end) {
  switch (mark.type.name) {
    case "link": return { type: "link", start, end, href: mark.attrs.href, rel: mark.attrs.rel };
    case "storyLink": return { type: "storyLink", start, end, storyId: mark.attrs.storyId };
    default: return { type: mark.type.name, start, end };
  }
}

/** {text, marks} as a paragraph node of {@code schema}; marks the schema cannot hold are left out. */
function fromRich(schema, rich) {
  const text = rich && typeof rich.text === "string" ? rich.text : "";
  const marks = rich && Array.isArray(rich.marks) ? rich.marks : [];
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    if (m.start >= 0 && m.end <= text.length && m.start < m.end) { cuts.add(m.start); cuts.add(m.end); }
  }
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) { cuts.add(i); cuts.add(i + 1); }
  const points = [...cuts].sort((a, b) => a - b);
  const content = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const piece = text.slice(from, to);
    if (piece === "\n") {
      content.push(schema.nodes.hard_break ? schema.nodes.hard_break.create() : schema.text(" "));
      continue;
    }
    const active = marks.filter((m) => m.start <= from && m.end >= to).map((m) => pmMark(schema, m)).filter(Boolean);
    content.push(schema.text(piece, active));
  }
  return schema.nodes.para.create(null, content);
}

function pmMark(schema, m) {
  switch (m.type) {
    case "link": return schema.marks.link.create({ href: m.href || "", rel: m.rel || [] });
    case "storyLink": return schema.marks.storyLink.create({ storyId: m.storyId });
    case "bold": case "italic": case "superscript": case "subscript": return schema.marks[m.type].create();
    default: return null;
  }
}

// ---- paste ------------------------------------------------------------------------------------------

/**
 * Pasted HTML as only what the schema keeps: styled spans of word processors and online documents become
 * the marks their styles mean, then DOMPurify removes everything but a few tags and link addresses
 * (scripts, styles, fonts, images, comments and all attributes go). One-line and one-paragraph fields get
 * their blocks joined.
 */
function cleanPaste(html, mode) {
  const inert = new DOMParser().parseFromString(html, "text/html");
  // Google Docs wraps a whole copy in <b style="font-weight:normal">: not bold at all
  inert.querySelectorAll("b[style*='font-weight:normal'], b[style*='font-weight: normal'], b[id^='docs-internal-guid']")
    .forEach((b) => b.replaceWith(...b.childNodes));
  inert.querySelectorAll("[style]").forEach((el) => {
    const style = el.getAttribute("style") || "";
    const wrap = [];
    if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) wrap.push("strong");
    if (/font-style\s*:\s*italic/i.test(style)) wrap.push("em");
    if (/vertical-align\s*:\s*super/i.test(style)) wrap.push("sup");
    if (/vertical-align\s*:\s*sub/i.test(style)) wrap.push("sub");
    for (const tag of wrap) {
      const inner = inert.createElement(tag);
      inner.append(...el.childNodes);
      el.append(inner);
    }
  });
  const clean = DOMPurify.sanitize(inert.body.innerHTML, {
    ALLOWED_TAGS: ["p", "div", "li", "br", "strong", "b", "em", "i", "sup", "sub", "a"],
    ALLOWED_ATTR: ["href"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|\/)/i,
    KEEP_CONTENT: true,
  });
  if (mode === "items") return clean;
  // one paragraph: blocks become line breaks (or spaces on one line)
  const joiner = mode === "line" ? " " : "<br>";
  return clean.replace(/<\/(p|div|li)>\s*<(p|div|li)>/gi, joiner).replace(/<\/?(p|div|li)>/gi, "")
    .replace(mode === "line" ? /<br\s*\/?>/gi : /$^/, " ");
}

// ---- one field --------------------------------------------------------------------------------------

function enhance(field, form) {
  const mode = field.dataset.marks === "inline" ? "block" : field.dataset.marks;
  const schema = SCHEMAS[mode];
  if (!schema || field.dataset.enhanced) return;
  field.dataset.enhanced = "true";
  const strings = form.querySelector(".editor-strings");
  const t = (key, fallback) => (strings && strings.dataset["editor" + key]) || fallback;
  let texts = [];
  try { texts = JSON.parse(field.dataset.rich || "[]"); } catch (e) { texts = []; }
  if (!Array.isArray(texts) || texts.length === 0) texts = [{ text: field.value, marks: [] }];
  const paras = (mode === "items" ? texts : texts.slice(0, 1)).map((rich) => fromRich(schema, rich));
  const doc = schema.nodes.doc.create(null, paras.length ? paras : [schema.nodes.para.create()]);

  const hidden = document.createElement("input");
  hidden.type = "hidden";
  hidden.name = field.dataset.jsonName;
  field.before(hidden);

  const wrapper = document.createElement("div");
  wrapper.className = "rich-field";
  const toolbar = document.createElement("div");
  toolbar.className = "rich-toolbar";
  toolbar.setAttribute("role", "toolbar");
  const label = field.id ? form.querySelector("label[for='" + CSS.escape(field.id) + "']") : null;
  if (label && !label.id) label.id = field.id + "-label";
  toolbar.setAttribute("aria-label", t("Toolbar", "Formatting") + (label ? ": " + label.textContent.trim() : ""));
  const status = document.createElement("p");
  status.className = "rich-status";
  status.setAttribute("role", "status");
  const panel = document.createElement("div");
  panel.className = "rich-panel";
  panel.hidden = true;
  const host = document.createElement("div");
  host.className = "rich-host" + (mode === "line" ? " line" : "");
  wrapper.append(toolbar, panel, host, status);
  field.after(wrapper);
  field.hidden = true;

  const sync = (state) => {
    const out = [];
    state.doc.forEach((para) => out.push(toRich(para)));
    hidden.value = JSON.stringify(mode === "items" ? out.filter((r) => r.text.trim() !== "") : out);
  };

  const say = (text) => { status.textContent = text; };
  const buttons = [];
  let view;
  const button = (name, text, shortcut, run, markName) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "secondary rich-" + name;
    b.textContent = text;
    if (shortcut) {
      b.setAttribute("aria-keyshortcuts", shortcut);
      b.title = text + " (" + shortcut.replace("Control", navigator.platform.startsWith("Mac") ? "⌘" : "Ctrl") + ")";
    }
    if (markName) b.setAttribute("aria-pressed", "false");
    b.addEventListener("mousedown", (e) => e.preventDefault());   // keep the selection in the editor
    b.addEventListener("click", () => { run(); if (!panel.contains(document.activeElement)) view.focus(); });
    b.dataset.mark = markName || "";
    toolbar.append(b);
    buttons.push(b);
    return b;
  };
  const toggle = (name) => () => toggleMark(schema.marks[name])(view.state, view.dispatch);

  button("bold", t("Bold", "Bold"), "Control+B", toggle("bold"), "bold");
  button("italic", t("Italic", "Italic"), "Control+I", toggle("italic"), "italic");
  button("sup", t("Superscript", "Superscript"), null, toggle("superscript"), "superscript");
  button("sub", t("Subscript", "Subscript"), null, toggle("subscript"), "subscript");
  button("link", t("Link", "Link"), "Control+K", () => openLinkPanel(), "link");
  button("story", t("StoryLink", "Link to a story"), null, () => openStoryPanel(), "storyLink");
  button("unlink", t("Unlink", "Remove link"), null, () => removeLink());

  const selectionOrLink = (state) => {
    const { from, to, empty, $from } = state.selection;
    if (!empty) return { from, to };
    // an empty selection inside a link stands for the whole link
    for (const type of [schema.marks.link, schema.marks.storyLink]) {
      const mark = type.isInSet($from.marks());
      const run = mark && markRange($from, mark);
      if (run) return { from: run[0], to: run[1], mark };
    }
    return { from, to };
  };

  const applyLink = (mark, text) => {
    const state = view.state;
    let { from, to } = selectionOrLink(state);
    let tr = state.tr;
    if (from === to) {
      if (!text) return false;
      tr = tr.insertText(text, from);
      to = from + text.length;
    }
    tr = tr.removeMark(from, to, schema.marks.link).removeMark(from, to, schema.marks.storyLink).addMark(from, to, mark);
    view.dispatch(tr.setSelection(TextSelection.create(tr.doc, to)));
    return true;
  };

  const removeLink = () => {
    const { from, to } = selectionOrLink(view.state);
    if (from === to) return;
    view.dispatch(view.state.tr.removeMark(from, to, schema.marks.link).removeMark(from, to, schema.marks.storyLink));
    say(t("Unlinked", "Link removed."));
  };

  const closePanel = () => {
    panel.hidden = true;
    panel.replaceChildren();
    view.focus();
  };

  const panelField = (id, text, type) => {
    const l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = text;
    const input = document.createElement("input");
    input.id = id;
    input.type = type;
    panel.append(l, input);
    return input;
  };

  const panelButton = (text, run, secondary) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (secondary) b.className = "secondary";
    b.addEventListener("click", run);
    return b;
  };

  const panelKeys = (submit) => (e) => {
    if (e.key === "Escape") { e.preventDefault(); closePanel(); }
    if (e.key === "Enter" && e.target.tagName === "INPUT" && e.target.type !== "checkbox") { e.preventDefault(); submit(); }
  };

  const openLinkPanel = () => {
    const current = selectionOrLink(view.state).mark;
    panel.replaceChildren();
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", t("Link", "Link"));
    const id = (field.id || "rich") + "-href";
    const href = panelField(id, t("Address", "Address (https://…, mailto:…, tel:…)"), "url");
    href.value = current && current.type === schema.marks.link ? current.attrs.href : "https://";
    const rels = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = t("Rel", "Tell search engines");
    rels.append(legend);
    const checks = RELS.map((rel) => {
      const l = document.createElement("label");
      l.className = "check";
      const c = document.createElement("input");
      c.type = "checkbox";
      c.value = rel;
      c.checked = !!(current && current.type === schema.marks.link && current.attrs.rel.includes(rel));
      l.append(c, " " + rel);
      rels.append(l);
      return c;
    });
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = id + "-error";
    error.setAttribute("aria-live", "polite");
    const apply = () => {
      const value = href.value.trim();
      if (!SCHEMES.test(value) || /[\s\u0000-\u001f\u007f]/.test(value) || value.length > 2000) {
        error.textContent = t("BadAddress", "Write the address in full, starting with https://, http://, mailto: or tel:.");
        href.setAttribute("aria-invalid", "true");
        href.setAttribute("aria-describedby", error.id);
        href.focus();
        return;
      }
      const rel = checks.filter((c) => c.checked).map((c) => c.value);
      if (applyLink(schema.marks.link.create({ href: value, rel }), value)) closePanel();
    };
    panel.append(rels, error, panelButton(t("Apply", "Apply"), apply), panelButton(t("Cancel", "Cancel"), closePanel, true));
    panel.onkeydown = panelKeys(apply);
    panel.hidden = false;
    href.focus();
    href.select();
  };

  const openStoryPanel = () => {
    panel.replaceChildren();
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", t("StoryLink", "Link to a story"));
    const id = (field.id || "rich") + "-story";
    const query = panelField(id, t("FindStory", "Find a story by its headline"), "search");
    const results = document.createElement("ul");
    results.className = "rich-results";
    results.setAttribute("aria-label", t("Found", "Stories found"));
    const note = document.createElement("p");
    note.className = "hint";
    note.setAttribute("aria-live", "polite");
    let timer;
    let asked = 0;
    const search = () => {
      const q = query.value.trim();
      if (q.length < 2) { results.replaceChildren(); return; }
      const mine = ++asked;
      fetch((strings ? strings.dataset.editorLookup : "/newsroom/stories/lookup") + "?q=" + encodeURIComponent(q), { credentials: "same-origin",
        headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : []))
        .then((found) => {
          if (mine !== asked) return;
          results.replaceChildren(...found.map((story) => {
            const li = document.createElement("li");
            li.append(panelButton("#" + story.id + " " + story.headline + " (" + story.status + ")", () => {
              if (applyLink(schema.marks.storyLink.create({ storyId: story.id, title: story.headline }), story.headline)) {
                closePanel();
                say(t("Linked", "Linked to story") + " #" + story.id);
              }
            }, true));
            return li;
          }));
          note.textContent = found.length ? "" : t("NoneFound", "No story found.");
        })
        .catch(() => { note.textContent = t("NoneFound", "No story found."); });
    };
    query.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
    panel.append(results, note, panelButton(t("Cancel", "Cancel"), closePanel, true));
    panel.onkeydown = panelKeys(search);
    panel.hidden = false;
    query.focus();
  };

  const hardBreak = (state, dispatch) => {
    if (!schema.nodes.hard_break) return true;   // one line: Enter adds nothing
    if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
    return true;
  };

  const keys = {
    "Mod-b": toggleMark(schema.marks.bold),
    "Mod-i": toggleMark(schema.marks.italic),
    "Mod-k": () => { openLinkPanel(); return true; },
    "Mod-z": undo,
    "Mod-y": redo,
    "Shift-Mod-z": redo,
    "Shift-Enter": hardBreak,
  };
  if (mode !== "items") keys.Enter = hardBreak;

  const refresh = (state) => {
    const { from, to, empty, $from } = state.selection;
    host.dataset.selected = String(to - from);   // how much is selected: the toolbar's buttons act on it
    for (const b of buttons) {
      const name = b.dataset.mark;
      if (!name) continue;
      const type = schema.marks[name];
      const on = empty ? !!type.isInSet(state.storedMarks || $from.marks()) : state.doc.rangeHasMark(from, to, type);
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
  };

  view = new EditorView(host, {
    state: EditorState.create({ doc, plugins: [history(), keymap(keys), keymap(baseKeymap)] }),
    attributes: attributes(field, label, mode),
    editable: () => !field.disabled,
    transformPastedHTML: (html) => cleanPaste(html, mode),
    handlePaste(v, event) {
      const data = event.clipboardData;
      const html = data ? data.getData("text/html") : "";
      const text = data ? data.getData("text/plain") : "";
      if (html.length > MAX_PASTE || text.length > MAX_PASTE_TEXT) {
        say(t("TooLarge", "That is too much to paste into one text; nothing was pasted."));
        return true;
      }
      return false;
    },
    dispatchTransaction(tr) {
      const state = view.state.apply(tr);
      view.updateState(state);
      if (tr.docChanged) sync(state);
      refresh(state);
    },
  });
  sync(view.state);
  refresh(view.state);
  if (label) label.addEventListener("click", (e) => { e.preventDefault(); view.focus(); });
}

/** The editable element's attributes: a labelled, described text box in the field's place. */
function attributes(field, label, mode) {
  const out = { role: "textbox", "aria-multiline": mode === "line" ? "false" : "true", class: "rich-editor", spellcheck: "true" };
  if (label) out["aria-labelledby"] = label.id;
  if (field.getAttribute("aria-describedby")) out["aria-describedby"] = field.getAttribute("aria-describedby");
  if (field.getAttribute("aria-invalid") === "true") out["aria-invalid"] = "true";
  const lang = field.closest("[lang]");
  if (lang && lang !== document.documentElement) out.lang = lang.getAttribute("lang");
  return out;
}

/** The run of text around {@code $pos} that carries {@code mark}, as [from, to]. */
function markRange($pos, mark) {
  const runs = [];
  let pos = $pos.start();
  $pos.parent.forEach((child) => {
    const end = pos + child.nodeSize;
    if (mark.isInSet(child.marks)) {
      const last = runs[runs.length - 1];
      if (last && last[1] === pos) last[1] = end;
      else runs.push([pos, end]);
    }
    pos = end;
  });
  return runs.find(([a, b]) => a <= $pos.pos && $pos.pos <= b) || null;
}

function init(root) {
  const scope = root && root.querySelectorAll ? root : document;
  scope.querySelectorAll("form [data-marks]").forEach((field) => enhance(field, field.form));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => init(document));
else init(document);
// htmx swaps in new forms after a boosted post: enhance them as well
document.addEventListener("htmx:load", (event) => init(event.detail && event.detail.elt));
