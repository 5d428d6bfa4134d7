// The scenario editor: a form generated from the scenario's JSON schema (so it never drifts
// from the validator), one section at a time, lists edited as cards, the server's 422 errors
// shown at the field; beside it a live preview of what trainees see and the realism check.
import { api, PAGE, LANG, t, h, flash, busy, toast, errorText, translateMsg } from "./core.js";
import { renderPreview, renderCheck, markStale } from "./editor_side.js";

const schema = PAGE.schema;
const defs = schema.$defs || {};
const root = document.getElementById("editor-root");
const toc = document.getElementById("editor-toc");
const form = document.getElementById("scenario-form");
const summary = document.getElementById("form-errors");
const HIDDEN = new Set(["version"]);
const BASICS = ["id", "title", "language", "industry", "difficulty", "seller_company", "product", "trainee_brief"];

const known = (key) => t(key) !== key;
const pick = (keys, fallback) => {
  for (const k of keys) if (known(k)) return t(k);
  return fallback;
};

function resolve(node) {
  let def = null;
  let nullable = false;
  if (node && node.anyOf) {
    const real = node.anyOf.filter((n) => n.type !== "null");
    nullable = real.length < node.anyOf.length;
    node = { ...node, ...real[0] };
    delete node.anyOf;
  }
  if (node && node.$ref) {
    def = node.$ref.split("/").pop();
    node = { ...defs[def], ...node };
    delete node.$ref;
  }
  return { node, def, nullable };
}

function label(ctx, name, node) {
  return pick([`field.${ctx}.${name}`, `field.${name}`], node.title || name);
}

function hint(ctx, name, node) {
  return pick([`hint.${ctx}.${name}`, `hint.${name}`], LANG === "en" ? node.description || "" : "");
}

function enumLabel(value) {
  return pick([`enum.${value}`], value);
}

// --- rendering -----------------------------------------------------------------------------

function leaf(path, name, ctx, raw, value) {
  const { node, nullable } = resolve(raw);
  const id = `f-${path.replace(/[^\w]/g, "-")}`;
  const attrs = { id, name: path, "data-path": path };
  let control;
  if (node.type === "array") {
    const items = resolve(node.items).node;
    if (items.enum) {
      const chosen = new Set(value || []);
      control = h("div", { class: "checks", "data-path": path, "data-kind": "enum-list", role: "group", "aria-labelledby": `${id}-label` },
        items.enum.map((v) => h("label", {}, h("input", { type: "checkbox", value: v, checked: chosen.has(v) }), enumLabel(v))));
    } else {
      control = h("textarea", { ...attrs, rows: Math.max(2, Math.min(6, (value || []).length + 1)), "data-kind": "lines" });
      control.value = (value || []).join("\n");
    }
  } else if (node.enum) {
    control = h("select", { ...attrs, "data-kind": "text", "data-nullable": nullable ? "1" : null },
      nullable ? h("option", { value: "", text: "—" }) : null,
      node.enum.map((v) => h("option", { value: v, selected: v === value, text: enumLabel(v) })));
  } else if (node.type === "integer") {
    control = h("input", { ...attrs, type: "number", step: "1", min: node.minimum, max: node.maximum, "data-kind": "int", "data-nullable": nullable ? "1" : null });
    control.value = value === null || value === undefined ? "" : String(value);
  } else if ((node.maxLength || 0) >= 600) {
    control = h("textarea", { ...attrs, rows: 2, "data-kind": "text", "data-nullable": nullable ? "1" : null });
    control.value = value ?? "";
  } else {
    control = h("input", { ...attrs, type: "text", "data-kind": "text", "data-nullable": nullable ? "1" : null, spellcheck: "false" });
    control.value = value ?? "";
  }
  const lines = control.dataset.kind === "lines" ? t("editor.one_per_line") : "";
  const help = [hint(ctx, name, node), lines].filter(Boolean).join(" ");
  return h("div", { class: "field", "data-field": path },
    h("label", { for: id, id: `${id}-label`, text: label(ctx, name, node) }),
    control,
    help ? h("div", { class: "hint", text: help }) : null);
}

function objectFields(path, ctx, node, value) {
  const out = [];
  for (const [name, raw] of Object.entries(node.properties || {})) {
    if (HIDDEN.has(name) && !path) continue;
    const child = path ? `${path}.${name}` : name;
    const { node: inner, def } = resolve(raw);
    const val = value ? value[name] : undefined;
    if (inner.type === "object") out.push(group(child, def, inner, val, label(ctx, name, inner)));
    else if (inner.type === "array" && resolve(inner.items).node.type === "object") out.push(list(child, ctx, name, inner, val));
    else out.push(leaf(child, name, ctx, raw, val));
  }
  return out;
}

function group(path, def, node, value, title) {
  return h("fieldset", { "data-path": path, "data-container": "object", id: `grp-${path}` }, h("legend", { text: title }),
    h("div", { class: "two-col" }, objectFields(path, def, node, value || {})));
}

function blank(node) {
  const out = {};
  for (const [name, raw] of Object.entries(node.properties || {})) {
    const { node: inner } = resolve(raw);
    if (inner.type === "array") out[name] = [];
    else if (inner.enum) out[name] = inner.enum[0];
  }
  return out;
}

function list(path, ctx, name, node, values) {
  const { node: item, def } = resolve(node.items);
  const box = h("fieldset", { "data-path": path, "data-container": "list", id: `grp-${path}` });
  const draw = (vals) => {
    const cards = vals.map((v, i) => {
      const p = `${path}[${i}]`;
      const remove = h("button", { type: "button", class: "btn btn-ghost btn-sm", text: t("editor.remove") });
      remove.addEventListener("click", () => {
        const now = collectAt(path) || [];
        now.splice(i, 1);
        draw(now);
      });
      return h("div", { class: "item-card", "data-path": p, "data-container": "object" },
        h("div", { class: "item-head" }, h("span", { text: `${label(ctx, name, node)} #${i + 1}` }), remove),
        h("div", { class: "two-col" }, objectFields(p, def, item, v)));
    });
    const add = h("button", { type: "button", class: "btn btn-sm", text: t("editor.add") });
    add.addEventListener("click", () => {
      const now = collectAt(path) || [];
      now.push(blank(item));
      draw(now);
      box.querySelector(".item-card:last-of-type input, .item-card:last-of-type textarea")?.focus();
    });
    const intro = node.description && LANG === "en" ? [h("p", { class: "muted", text: node.description })] : [];
    box.replaceChildren(h("legend", { text: `${label(ctx, name, node)}（${vals.length}）` }), ...intro, ...cards, add);
  };
  draw(values || []);
  return box;
}

// --- collecting ----------------------------------------------------------------------------------

function tokens(path) {
  return path.match(/[^.[\]]+/g).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function setPath(obj, path, value) {
  const parts = tokens(path);
  let cur = obj;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) cur[part] = value;
    else {
      if (cur[part] === undefined) cur[part] = typeof parts[i + 1] === "number" ? [] : {};
      cur = cur[part];
    }
  });
}

function read(el) {
  const kind = el.dataset.kind;
  if (kind === "enum-list") return [...el.querySelectorAll("input:checked")].map((i) => i.value);
  if (kind === "lines") return el.value.split("\n").map((s) => s.trim()).filter(Boolean);
  if (kind === "int") {
    const v = el.value.trim();
    if (v === "") return el.dataset.nullable ? null : undefined;
    return /^-?\d+$/.test(v) ? Number(v) : v;
  }
  const v = el.value;
  return v === "" && el.dataset.nullable ? null : v;
}

function collect() {
  const out = { ...PAGE.data };
  for (const key of Object.keys(out)) if (!HIDDEN.has(key)) delete out[key];
  for (const box of root.querySelectorAll("[data-container]")) {
    setPath(out, box.dataset.path, box.dataset.container === "list" ? [] : {});
  }
  for (const el of root.querySelectorAll("[data-kind]")) {
    const v = read(el);
    if (v !== undefined) setPath(out, el.dataset.path, v);
  }
  return out;
}

function collectAt(path) {
  const all = collect();
  return tokens(path).reduce((cur, p) => (cur == null ? cur : cur[p]), all);
}

// --- errors --------------------------------------------------------------------------------

function place(field) {
  let path = field;
  while (path) {
    const el = root.querySelector(`[data-field="${CSS.escape(path)}"], [data-path="${CSS.escape(path)}"]`);
    if (el) return el.closest("[data-field]") || el;
    path = path.replace(/(\[\d+\]|\.[^.[\]]+|^[^.[\]]+)$/, "");
  }
  return null;
}

function clearErrors() {
  summary.replaceChildren();
  root.querySelectorAll(".field-error").forEach((n) => n.remove());
  root.querySelectorAll(".has-error, .has-error-item").forEach((n) => n.classList.remove("has-error", "has-error-item"));
  toc.querySelectorAll(".bad").forEach((n) => n.classList.remove("bad"));
}

function showErrors(err) {
  clearErrors();
  const fields = (err.body && err.body.fields) || [];
  const items = [];
  let first = null;
  for (const f of fields) {
    let field = f.field || "";
    let msg = f.msg || "";
    const lead = /^Value error, ([\w.[\]]+): (.*)$/.exec(msg);
    if (!field && lead) [field, msg] = [lead[1], `Value error, ${lead[2]}`];
    const text = translateMsg(msg);
    const target = field ? place(field) : null;
    if (target) {
      target.classList.add(target.matches("[data-field]") ? "has-error" : "has-error-item");
      const err = h("div", { class: "field-error", text });
      if (target.matches("[data-field]")) target.append(err);
      else target.insertBefore(err, target.children[1] || null);
      first = first || target;
      toc.querySelector(`a[data-sec="${CSS.escape(sectionOf(field))}"]`)?.classList.add("bad");
    }
    const own = target ? target.querySelector(":scope > label, :scope > legend, .item-head span")?.textContent : "";
    const card = target?.closest(".item-card")?.querySelector(".item-head span")?.textContent;
    const where = card && card !== own ? `${card} · ${own}` : own || field;
    const link = h("a", { href: "#", text: where, on: { click: (e) => {
      e.preventDefault();
      if (target) reveal(target);
    } } });
    items.push(h("li", {}, where ? link : null, where ? (LANG === "zh" ? "：" : ": ") : "", text));
  }
  summary.append(h("div", { class: "form-error", role: "alert" },
    h("b", { text: fields.length ? t("editor.errors", { n: fields.length }) : errorText(err) }),
    fields.length ? h("ul", {}, items) : null));
  if (first) {
    show(sectionOf(first.dataset.field || first.dataset.path || ""), false);
  }
  summary.scrollIntoView({ behavior: "smooth", block: "start" });
}

// --- sections ------------------------------------------------------------------------------------

// The schema's parts as the manager thinks of them: who the buyer is, what they'll share, what
// they need, how they push back, who decides, the step to earn (and the fine tuning).
const SECTIONS = ["basics", "buyer", "facts", "needs", "objections", "decision", "advance", "tuning"];
const panels = new Map();

function sectionOf(path) {
  const top = String(path ? tokens(path)[0] : "");
  return BASICS.includes(top) || !SECTIONS.includes(top) ? "basics" : top;
}

function sectionTitle(name) {
  return t(`editor.sec.${name}`);
}

/** Show one section; the others stay in the form (and are saved) but out of the way. */
function show(name, focus = true) {
  if (!panels.has(name)) name = "basics";
  for (const [key, panel] of panels) panel.hidden = key !== name;
  for (const a of toc.querySelectorAll("a[data-sec]")) {
    if (a.dataset.sec === name) a.setAttribute("aria-current", "step");
    else a.removeAttribute("aria-current");
  }
  if (focus && location.hash !== `#sec-${name}`) history.replaceState(null, "", `#sec-${name}`);
  if (focus) panels.get(name).querySelector("h2")?.focus({ preventScroll: true });
}

/** Open the section holding this field or card, scroll to it and put the cursor in it. */
function reveal(target) {
  const panel = target.closest("[data-section]");
  if (panel) show(panel.dataset.section, false);
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  target.querySelector("input, textarea, select")?.focus({ preventScroll: true });
}

function countText(name) {
  const data = collect();
  return Array.isArray(data[name]) ? ` (${data[name].length})` : "";
}

function refreshCounts() {
  for (const a of toc.querySelectorAll("a[data-sec]")) {
    a.querySelector(".n").textContent = countText(a.dataset.sec);
  }
}

function panel(name, body) {
  const i = SECTIONS.indexOf(name);
  const step = (to, key) => to ? h("button", { type: "button", class: "btn btn-sm", "data-goto": to,
    text: t(key, { section: sectionTitle(to) }) }) : h("span");
  const box = h("section", { class: "editor-panel", "data-section": name, id: `sec-${name}`, "aria-labelledby": `sec-${name}-h` },
    h("h2", { id: `sec-${name}-h`, tabindex: "-1", text: sectionTitle(name) }),
    h("p", { class: "hint section-intro", text: t(`editor.intro.${name}`) }),
    body,
    h("div", { class: "section-steps" }, step(SECTIONS[i - 1], "editor.prev_section"), step(SECTIONS[i + 1], "editor.next_section")));
  panels.set(name, box);
  return box;
}

// --- page ------------------------------------------------------------------------------------------

function build() {
  const data = PAGE.data;
  const basics = { properties: Object.fromEntries(BASICS.map((k) => [k, schema.properties[k]])) };
  const sections = [panel("basics", h("div", { class: "two-col" }, objectFields("", "Scenario", basics, data)))];
  for (const name of SECTIONS.slice(1)) {
    const raw = schema.properties[name];
    const { node, def } = resolve(raw);
    let body;
    if (node.type === "array") body = list(name, "Scenario", name, node, data[name]);
    else if (node.type === "object") body = group(name, def, node, data[name], label("Scenario", name, node));
    else body = leaf(name, name, "Scenario", raw, data[name]);
    sections.push(panel(name, body));
  }
  root.replaceChildren(...sections);
  const links = SECTIONS.map((name, i) => h("a", { href: `#sec-${name}`, "data-sec": name },
    h("span", { class: "step-no", "aria-hidden": "true", text: String(i + 1) }),
    h("span", { text: sectionTitle(name) }), h("span", { class: "n", text: "" })));
  const extra = [
    h("a", { href: "#editor-preview", class: "side-link", text: t("editor.preview.title") }),
    h("a", { href: "#editor-check", class: "side-link", text: t("editor.check.title") }),
  ];
  toc.replaceChildren(h("ol", {}, links.map((a) => h("li", {}, a))), h("div", { class: "side-links" }, extra));
  refreshCounts();
}

toc.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-sec]");
  if (!a) return;
  ev.preventDefault();
  show(a.dataset.sec);
  document.getElementById("scenario-form").scrollIntoView({ block: "start" });
});
root.addEventListener("click", (ev) => {
  const to = ev.target.closest("[data-goto]");
  if (!to) return;
  show(to.dataset.goto);
  toc.scrollIntoView({ block: "start" });
  panels.get(to.dataset.goto).querySelector("h2")?.focus({ preventScroll: true });
});
window.addEventListener("hashchange", () => {
  const m = /^#sec-(\w+)$/.exec(location.hash);
  if (m && panels.has(m[1])) show(m[1]);
});

// The preview follows every keystroke (one redraw per frame); a check already shown is marked
// as describing an older draft.
let frame = 0;
function changed() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    renderPreview(collect());
    refreshCounts();
    markStale();
  });
}
form.addEventListener("input", changed);
form.addEventListener("change", changed);
new MutationObserver(changed).observe(root, { childList: true, subtree: true });

async function runCheck(button) {
  const body = collect();
  for (const b of document.querySelectorAll("#check-scenario, #check-scenario-side")) busy(b, true);
  const out = document.getElementById("check-result");
  out.replaceChildren(h("p", { class: "muted", role: "status", text: t("editor.check.running") }));
  try {
    const result = await api("POST", "/api/scenarios/check", body);
    clearErrors();
    renderCheck(result, body, (path) => {
      const target = place(path);
      if (target) reveal(target);
    });
  } catch (err) {
    out.replaceChildren(h("div", { class: "form-error", role: "alert", text: err.status === 422 ? t("editor.check.invalid") : errorText(err) }));
    if (err.status === 422) showErrors(err);
  } finally {
    for (const b of document.querySelectorAll("#check-scenario, #check-scenario-side")) busy(b, false);
  }
  if (button.id === "check-scenario") document.getElementById("editor-check").scrollIntoView({ behavior: "smooth", block: "start" });
}
document.getElementById("check-scenario").addEventListener("click", (ev) => runCheck(ev.currentTarget));
document.getElementById("check-scenario-side").addEventListener("click", (ev) => runCheck(ev.currentTarget));

form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const button = document.getElementById("save-scenario");
  const body = collect();
  busy(button, true);
  try {
    const editing = PAGE.mode === "edit";
    const url = editing ? `/api/scenarios/${encodeURIComponent(PAGE.data.id)}` : "/api/scenarios";
    const saved = await api(editing ? "PUT" : "POST", url, body);
    clearErrors();
    flash(t("editor.saved", { title: saved.title }));
    location.assign(`/scenarios#${encodeURIComponent(saved.id)}`);
  } catch (err) {
    busy(button, false);
    if (err.status === 422) showErrors(err);
    else {
      clearErrors();
      summary.append(h("div", { class: "form-error", role: "alert", text: errorText(err) }));
      summary.scrollIntoView({ behavior: "smooth" });
      toast(errorText(err), "error");
    }
  }
});

build();
const initial = /^#sec-(\w+)$/.exec(location.hash);
show(initial && panels.has(initial[1]) ? initial[1] : "basics", false);
renderPreview(collect());
