// Shared helpers for every page: API calls (cookie + CSRF header), safe DOM building,
// messages in the page's language, toasts, local times. No innerHTML with data, ever.

const CSRF_COOKIE = "coach_csrf";

function readJSON(id, fallback) {
  const node = document.getElementById(id);
  if (!node) return fallback;
  try { return JSON.parse(node.textContent || ""); } catch { return fallback; }
}

const MESSAGES = readJSON("i18n-data", {});
export const PAGE = readJSON("page-data", {});
export const LANG = document.documentElement.dataset.lang || "en";

/** The message for a key, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const text = MESSAGES[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

// API error code -> catalog key (app/web/i18n.py ERROR_KEYS), and the codes that only restate
// their status.
const ERRORS = readJSON("error-keys", { codes: {}, generic: [], statuses: {}, default_wait: 5 });

/** The message an API error names (`key`, see app/errors.py) in the page's language, or null. */
function keyed(body, vars = {}) {
  return body && body.key && has(`msg.${body.key}`) ? t(`msg.${body.key}`, { ...vars, ...(body.params || {}) }) : null;
}

/** "30 秒" / "30 s"; from two minutes on, whole minutes rounded up (as app/web/i18n.py wait_text). */
export function waitText(seconds) {
  const n = Math.max(1, Math.ceil(Number(seconds) || ERRORS.default_wait || 5));
  return n < 120 ? t("error.wait_seconds", { n }) : t("error.wait_minutes", { n: Math.ceil(n / 60) });
}

export function cookie(name) {
  for (const part of document.cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return "";
}

export function csrfToken() {
  return cookie(CSRF_COOKIE) || document.querySelector('meta[name="csrf-token"]')?.content || "";
}

/**
 * Create an element. attrs: plain attributes, plus `class`, `text`, `on` ({event: fn}) and
 * `dataset`. Children: nodes or strings (strings become text nodes, never markup).
 */
export function h(tag, attrs = {}, ...children) {
  const svg = ["svg", "path", "line", "circle", "text", "g", "rect", "title", "polyline"].includes(tag);
  const el = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = String(value);
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key === "className" ? "class" : key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export class ApiError extends Error {
  /** retryAfter: the answer's Retry-After in seconds (429, 503), or null. */
  constructor(status, body, retryAfter = null) {
    super((body && body.detail) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.retryAfter = retryAfter;
  }
}

/** Retry-After in seconds (a number of seconds or an HTTP date), or null. */
export function retryAfterOf(res) {
  const value = res.headers.get("Retry-After");
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const when = Date.parse(value);
  return Number.isNaN(when) ? null : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

/** Call the JSON API with the login cookie and the CSRF header. Throws ApiError on 4xx/5xx. */
export async function api(method, url, body, headers = {}) {
  const init = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-CSRF-Token": csrfToken(), ...headers },
  };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw new ApiError(0, { error: "network", detail: t("error.network") });
  }
  if (res.status === 401) {
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, { error: "unauthorized" });
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  if (!res.ok) throw new ApiError(res.status, data, retryAfterOf(res));
  return data;
}

/**
 * A short, human message for an API error in the page's language (the order of
 * app/web/i18n.py error_text): the message the error names (`key`) when the catalog has it;
 * else its code's message, unless that only restates the status; else, on an English page,
 * the API's own detail (English); else what the code or the status says. The API's English
 * detail never reaches a Chinese page.
 */
export function errorText(err) {
  const status = err.status || 0;
  const body = err.body || {};
  const vars = { wait: waitText(err.retryAfter) };
  const named = status ? keyed(body, vars) : null;
  if (named) return named;
  const code = status ? body.error : "network";
  const codeKey = ERRORS.codes[code];
  if (codeKey && !ERRORS.generic.includes(code)) return t(codeKey, vars);
  if (LANG === "en" && body.detail && status !== 0) return body.detail;
  return t(codeKey || ERRORS.statuses[status] || "error.generic", vars);
}

// Pydantic's English field messages, said again in Chinese.
const MSG_PATTERNS = [
  [/^Field required$/, "msg.required"],
  [/^String should have at least (\d+) characters?$/, "msg.min_chars"],
  [/^String should have at most (\d+) characters?$/, "msg.max_chars"],
  [/^String should match pattern/, "msg.pattern"],
  [/^List should have at least (\d+) items?/, "msg.min_items"],
  [/^List should have at most (\d+) items?/, "msg.max_items"],
  [/^Input should be a valid integer/, "msg.integer"],
  [/^Input should be less than or equal to (\d+)/, "msg.max_value"],
  [/^Input should be greater than or equal to (\d+)/, "msg.min_value"],
  [/^Input should be (.+)$/, "msg.one_of"],
  [/^Extra inputs are not permitted$/, "msg.extra"],
  [/must not contain control characters/, "msg.control_chars"],
];

export function translateMsg(msg) {
  if (LANG === "en" || !msg) return msg;
  for (const [re, key] of MSG_PATTERNS) {
    const m = re.exec(msg);
    if (m) return t(key, { n: m[1], detail: m[1] });
  }
  return t("msg.generic_invalid"); // never an English sentence on a Chinese page
}

/** A field error's message: the one it names (`key`), else Pydantic's said again. */
function fieldText(f) {
  return keyed(f) || translateMsg(f.msg || "");
}

export function toast(message, kind = "") {
  const box = document.getElementById("toast");
  if (!box) return;
  const node = h("div", { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status", text: message });
  box.append(node);
  setTimeout(() => node.remove(), kind === "error" ? 6000 : 3200);
}

/** A toast to show after the next page load (survives location.reload()). */
export function flash(message) {
  sessionStorage.setItem("coach-flash", message);
}

export function busy(button, on) {
  if (!button) return;
  if (on) {
    button.dataset.label = button.textContent;
    button.disabled = true;
    button.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), button.dataset.label);
  } else {
    button.disabled = false;
    if (button.dataset.label) button.textContent = button.dataset.label;
  }
}

export function formatTime(iso, opts = { dateStyle: "medium", timeStyle: "short" }) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LANG === "zh" ? "zh-CN" : "en", opts).format(d);
}

export function relativeTime(iso) {
  const diff = (new Date(iso).getTime() - Date.now()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(LANG === "zh" ? "zh-CN" : "en", { numeric: "auto" });
  const units = [["day", 86400], ["hour", 3600], ["minute", 60]];
  for (const [unit, secs] of units) {
    if (Math.abs(diff) >= secs || unit === "minute") return rtf.format(Math.round(diff / secs), unit);
  }
  return "";
}

/** Server-rendered <time data-local> in UTC becomes local time; data-relative adds "in 3 days". */
export function localizeTimes(root = document) {
  for (const node of root.querySelectorAll("time[datetime]")) {
    const iso = node.getAttribute("datetime");
    if (!iso) continue;
    if (node.hasAttribute("data-date")) node.textContent = formatTime(iso, { dateStyle: "medium" });
    else if (node.hasAttribute("data-relative")) node.textContent = `${formatTime(iso)}（${relativeTime(iso)}）`;
    else node.textContent = formatTime(iso);
    node.title = new Date(iso).toISOString();
  }
}

/** Score rings and meters carry their value in data-pct (no inline styles under our CSP). */
export function paintMeters(root = document) {
  for (const node of root.querySelectorAll("[data-pct]")) {
    const pct = Math.max(0, Math.min(100, Number(node.dataset.pct) || 0));
    if (node.classList.contains("score-ring")) node.style.setProperty("--pct", String(pct));
    else {
      const bar = node.querySelector("span");
      if (bar) bar.style.width = `${pct}%`;
    }
  }
}

/** Show a 422's field errors next to the inputs named like the field (or in a summary box). */
export function showFieldErrors(form, err) {
  clearFieldErrors(form);
  const fields = (err.body && err.body.fields) || [];
  const unplaced = [];
  for (const f of fields) {
    const loc = (f.loc || []).filter((p) => p !== "body");
    const name = f.field || loc[loc.length - 1];
    const input = name ? form.querySelector(`[name="${CSS.escape(String(name))}"]`) : null;
    const msg = fieldText(f);
    if (input) {
      const wrap = input.closest(".field") || input.parentElement;
      wrap.classList.add("has-error");
      wrap.append(h("div", { class: "field-error", text: msg }));
    } else unplaced.push(msg);
  }
  if (!fields.length || unplaced.length) {
    form.prepend(h("div", { class: "form-error", role: "alert", text: unplaced.length ? unplaced.join("；") : errorText(err) }));
  }
  form.querySelector(".has-error input, .has-error select, .has-error textarea")?.focus();
}

export function clearFieldErrors(form) {
  form.querySelectorAll(".field-error, .form-error").forEach((n) => n.remove());
  form.querySelectorAll(".has-error").forEach((n) => n.classList.remove("has-error"));
}

function boot() {
  const msg = sessionStorage.getItem("coach-flash");
  if (msg) {
    sessionStorage.removeItem("coach-flash");
    toast(msg);
  }
  localizeTimes();
  paintMeters();
  // [data-open=id] shows or hides the form with that id; [data-close] hides its own form.
  document.addEventListener("click", (ev) => {
    const opener = ev.target.closest("[data-open]");
    if (opener) {
      const target = document.getElementById(opener.dataset.open);
      if (target) {
        target.hidden = !target.hidden;
        if (!target.hidden) target.querySelector("input, textarea, select")?.focus();
      }
      return;
    }
    const closer = ev.target.closest("[data-close]");
    if (closer) {
      const form = closer.closest("form");
      form.hidden = true;
      clearFieldErrors(form);
    }
  });
  // Filter forms submit themselves when a choice changes.
  document.addEventListener("change", (ev) => {
    const form = ev.target.closest("form[data-autosubmit]");
    if (form && ev.target.matches("select")) form.requestSubmit();
  });
  // Links that POST (start a role-play, etc.) are buttons with data-post and data-body.
  document.addEventListener("click", async (ev) => {
    const btn = ev.target.closest("[data-start-scenario]");
    if (!btn) return;
    ev.preventDefault();
    busy(btn, true);
    const body = { scenario_id: btn.dataset.startScenario };
    if (btn.dataset.assignment) body.assignment_id = Number(btn.dataset.assignment);
    try {
      const session = await api("POST", "/api/sessions", body);
      location.assign(`/sessions/${encodeURIComponent(session.id)}`);
    } catch (err) {
      busy(btn, false);
      toast(errorText(err), "error");
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
