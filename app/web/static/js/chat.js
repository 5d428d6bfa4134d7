// The role-play chat: the buyer's reply streams in as it is produced (falls back to the plain
// endpoint where streaming is not offered), a typing indicator, Enter sends and Shift+Enter
// breaks the line, drafts and the conversation survive a reload, failures offer a retry. While
// the buyer is still answering an earlier message (503 reply_in_progress) the page says so and
// sends again after the server's Retry-After.
import { api, ApiError, PAGE, t, h, toast, errorText, busy, csrfToken, retryAfterOf } from "./core.js";
import { readEvents } from "./sse.js";

const sid = PAGE.session_id;
const $ = (sel) => document.querySelector(sel);
const list = $("#messages");
const typing = $("#typing");
const form = $("#composer");
const input = $("#message");
const sendBtn = $("#send");
const counter = $("#counter");
const notice = $("#notice");
const noticeText = $("#notice-text");
const retryBtn = $("#retry");
const toReport = $("#to-report");
const endNow = $("#end-now");
const draftKey = `coach-draft-${sid}`;
const buyerInitial = (PAGE.buyer_name || "?").slice(0, 1);
const meInitial = (document.querySelector(".who b")?.textContent || "我").slice(0, 1);
const CONTENT_LANG = list.dataset.contentLang || document.documentElement.lang;

let sending = false;
let ended = false;
let streamOffered = true;
let unsent = null; // text of a message whose fate is unknown after a failure
// How often one message waits out a busy session (503 reply_in_progress) before the page
// hands it back to the trainee.
const BUSY_TRIES = 4;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(err) {
  return err instanceof ApiError && err.status === 503 && err.body && err.body.error === "reply_in_progress";
}

/** The buyer is still answering an earlier message and nothing changed: say so, wait the
 * server's Retry-After (bounded), then the caller asks again. */
async function waitWhileBusy(err) {
  setNotice("info", t("chat.busy_retrying"));
  const seconds = Math.min(30, Math.max(1, Number(err.retryAfter) || 2));
  await sleep(seconds * 1000);
  clearNotice();
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function scrollDown() {
  list.scrollTop = list.scrollHeight;
}

function bubble(role, text, index) {
  const who = role === "buyer" ? PAGE.buyer_name : t("chat.you");
  const textNode = document.createTextNode(text);
  const node = h(
    "div",
    { class: `msg ${role}`, dataset: index === undefined ? {} : { index: String(index) } },
    h("div", { class: role === "buyer" ? "avatar" : "avatar me", "aria-hidden": "true", text: role === "buyer" ? buyerInitial : meInitial }),
    h("div", { class: "bubble" }, h("span", { class: "sr-only", text: `${who}: ` }), h("span", { lang: CONTENT_LANG }, textNode)),
  );
  node.textNode = textNode;
  list.insertBefore(node, typing);
  scrollDown();
  return node;
}

function showTyping(on) {
  typing.hidden = !on;
  if (on) list.append(typing);
  scrollDown();
}

function setNotice(kind, text, { retry = false, report = false, endButton = false } = {}) {
  notice.className = `notice ${kind}`;
  noticeText.textContent = text;
  retryBtn.hidden = !retry;
  toReport.hidden = !report;
  endNow.hidden = !endButton;
  notice.hidden = false;
}

function clearNotice() {
  notice.hidden = true;
}

function setSending(on) {
  sending = on;
  sendBtn.disabled = on || ended;
}

function setEnded(result) {
  ended = true;
  sendBtn.disabled = true;
  input.disabled = true;
  input.placeholder = t("chat.closed");
  if (result && result.scorecard) setNotice("info", t("chat.buyer_ended_scored"), { report: true });
  else setNotice("info", t("chat.buyer_ended"), { endButton: true });
}

const limitNote = $("#limit-note");
let atLimit = false;

/** Grow the box with its text; from 80% of the limit show a counter, and at the limit (the
 * textarea's maxlength stops typing and cuts pastes) say so, once, to screen readers too. */
function autosize() {
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight + 2, 180)}px`;
  const n = input.value.length;
  const max = PAGE.max_chars;
  counter.textContent = n >= max * 0.8 ? t("chat.counter", { n, max }) : "";
  const full = n >= max;
  counter.classList.toggle("at-limit", full);
  if (full && !atLimit) limitNote.textContent = t("chat.at_limit", { max });
  if (!full) limitNote.textContent = "";
  atLimit = full;
}

/** The streamed reply; null when this server offers no stream (404/405). */
async function viaStream(text, key, mine) {
  let res;
  try {
    res = await fetch(`/api/sessions/${encodeURIComponent(sid)}/messages/stream`, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
        "X-CSRF-Token": csrfToken(),
        "Idempotency-Key": key,
      },
      body: JSON.stringify({ text }),
    });
  } catch {
    throw new ApiError(0, { error: "network" });
  }
  if (res.status === 404 || res.status === 405) {
    streamOffered = false;
    return null;
  }
  if (res.status === 401) location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
  if (!res.ok || !res.body) throw new ApiError(res.status, await res.json().catch(() => ({})), retryAfterOf(res));
  let reply = null;
  let result = null;
  const handle = ({ event, payload }) => {
    if (event === "message") {
      mine.classList.remove("pending");
      if (payload && payload.message) mine.dataset.index = String(payload.message.index);
    } else if (event === "delta" && payload) {
      showTyping(false);
      if (!reply) reply = bubble("buyer", "");
      reply.textNode.appendData(payload.text || "");
      scrollDown();
    } else if (event === "done") {
      result = payload;
    } else if (event === "error") {
      mine.classList.remove("pending");
      if (reply) reply.remove();
      throw new ApiError(503, { error: payload?.error || "stream", detail: payload?.detail, stored: true });
    }
  };
  try {
    await readEvents(res.body, handle);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(0, { error: "network" });
  }
  if (!result) {
    if (reply) reply.remove();
    throw new ApiError(0, { error: "stream_cut" });
  }
  if (reply) {
    reply.textNode.data = result.reply.text; // the stored text is the truth
    reply.dataset.index = String(result.reply.index);
    result.shown = true;
  }
  return result;
}

async function viaPlain(text, key) {
  return api("POST", `/api/sessions/${encodeURIComponent(sid)}/messages`, { text }, { "Idempotency-Key": key });
}

function finish(result) {
  if (!result.shown) bubble("buyer", result.reply.text, result.reply.index);
  if (result.session && (result.session.buyer_ended || result.session.status === "ended")) setEnded(result);
}

async function sendMessage(text) {
  if (sending || ended || !text.trim()) return;
  if (text.length > PAGE.max_chars) {
    toast(t("chat.too_long", { max: PAGE.max_chars }), "error");
    return;
  }
  setSending(true);
  clearNotice();
  const key = uuid();
  const mine = bubble("trainee", text);
  mine.classList.add("pending");
  input.value = "";
  autosize();
  localStorage.removeItem(draftKey);
  showTyping(true);
  try {
    let result = null;
    let waited = false;
    for (let tries = 1; ; tries += 1) {
      try {
        result = streamOffered ? await viaStream(text, key, mine) : null;
        if (result === null) result = await viaPlain(text, key);
        break;
      } catch (err) {
        if (!isBusy(err) || tries >= BUSY_TRIES) throw err;
        waited = true;
        await waitWhileBusy(err); // then the same message again, with the same Idempotency-Key
      }
    }
    mine.classList.remove("pending");
    mine.dataset.index = String(result.message.index);
    showTyping(false);
    finish(result);
    // The reply we waited for may be one this page has not shown (another tab's): re-read.
    if (waited && list.querySelectorAll(".msg:not(#typing)").length !== result.reply.index + 1) await sync(null);
  } catch (err) {
    showTyping(false);
    await failed(err, mine, text);
  } finally {
    setSending(false);
    if (!ended) input.focus();
  }
}

async function failed(err, mine, text) {
  const status = err.status || 0;
  if (status === 422 || status === 413) {
    mine.remove();
    input.value = text;
    autosize();
    toast(errorText(err), "error");
    return;
  }
  if (status === 409) {
    await sync(text);
    return;
  }
  if (isBusy(err)) {
    // Still answering after all our waits; nothing was stored: the words go back in the box.
    mine.remove();
    input.value = text;
    autosize();
    setNotice("info", t("chat.busy"));
    return;
  }
  mine.classList.remove("pending");
  if (err.body && err.body.stored) {
    setNotice("error", t("chat.reply_failed"), { retry: true });
  } else {
    mine.classList.add("failed");
    unsent = text;
    setNotice("error", status === 0 ? t("chat.connection_lost") : t("chat.reply_failed"), { retry: true });
  }
}

/** Ask the buyer again for the reply to the last message. 409: nothing to answer, so resync;
 * 503 reply_in_progress: the first reply is still coming, so wait and ask again. */
async function retry(tries = 1) {
  if (sending) return;
  setSending(true);
  clearNotice();
  showTyping(true);
  try {
    const result = await api("POST", `/api/sessions/${encodeURIComponent(sid)}/reply`);
    list.querySelectorAll(".msg.failed, .msg.pending").forEach((n) => n.classList.remove("failed", "pending"));
    unsent = null;
    showTyping(false);
    finish(result);
  } catch (err) {
    if (isBusy(err) && tries < BUSY_TRIES) {
      await waitWhileBusy(err);
      setSending(false);
      await retry(tries + 1);
      return;
    }
    showTyping(false);
    if (err.status === 409) await sync(unsent);
    else setNotice("error", errorText(err), { retry: true });
  } finally {
    setSending(false);
  }
}

/** Re-read the transcript from the server; put back a message that never arrived. */
async function sync(lostText) {
  let session;
  try {
    session = await api("GET", `/api/sessions/${encodeURIComponent(sid)}`);
  } catch (err) {
    setNotice("error", errorText(err), { retry: true });
    return;
  }
  if (session.status === "ended") {
    openScorecard();
    return;
  }
  list.querySelectorAll(".msg:not(#typing)").forEach((n) => n.remove());
  for (const turn of session.turns) bubble(turn.role, turn.text, turn.index);
  unsent = null;
  const last = session.turns[session.turns.length - 1];
  if (last && last.role === "trainee") {
    setNotice("error", t("chat.no_reply_yet"), { retry: true });
  } else if (lostText && !session.turns.some((x) => x.role === "trainee" && x.text === lostText)) {
    input.value = lostText;
    autosize();
    toast(t("chat.not_sent"));
  }
  if (session.buyer_ended) setEnded(null);
}

/** Open the scorecard (this same address now shows it) at its top: a reload would restore
 * the chat's scroll position, which on a phone lands far down the transcript. */
function openScorecard() {
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  window.scrollTo(0, 0);
  location.replace(location.pathname);
}

async function endMeeting(button) {
  busy(button, true);
  try {
    await api("POST", `/api/sessions/${encodeURIComponent(sid)}/end`);
    openScorecard();
  } catch (err) {
    busy(button, false);
    toast(errorText(err), "error");
  }
}

// --- wiring ------------------------------------------------------------------------------------

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  sendMessage(input.value);
});

input.addEventListener("keydown", (ev) => {
  // Enter sends, Shift+Enter breaks the line; never send while an IME is composing (Chinese input).
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
    ev.preventDefault();
    form.requestSubmit();
  }
});

input.addEventListener("input", () => {
  autosize();
  if (input.value) localStorage.setItem(draftKey, input.value);
  else localStorage.removeItem(draftKey);
});

retryBtn.addEventListener("click", () => retry());
endNow.addEventListener("click", () => endMeeting(endNow));
$("#end-btn").addEventListener("click", () => {
  $("#end-btn").hidden = true;
  $("#end-confirm").hidden = false;
  $("#end-yes").focus();
});
$("#end-no").addEventListener("click", () => {
  $("#end-confirm").hidden = true;
  $("#end-btn").hidden = false;
});
$("#end-yes").addEventListener("click", () => endMeeting($("#end-yes")));

const draft = localStorage.getItem(draftKey);
if (draft) input.value = draft;
autosize();
scrollDown();
if (PAGE.buyer_ended) setEnded(null);
else if (PAGE.pending) setNotice("error", t("chat.no_reply_yet"), { retry: true });
if (!ended) input.focus();
