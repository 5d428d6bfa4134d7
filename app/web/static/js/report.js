// The report page: evidence jumps to the quoted turn; coaches comment, override and mark
// reviewed; the trainee disputes a score. Every form posts JSON to the API, then reloads.
import { api, PAGE, t, busy, flash, showFieldErrors, clearFieldErrors, errorText, toast } from "./core.js";

const sid = encodeURIComponent(PAGE.session_id);
const base = `/api/reviews/sessions/${sid}`;

function jump(index) {
  const turn = document.getElementById(`turn-${index}`);
  if (!turn) return;
  turn.classList.remove("highlight");
  void turn.offsetWidth; // restart the highlight when the same turn is picked again
  turn.classList.add("highlight");
  turn.scrollIntoView({ behavior: "smooth", block: "center" });
  setTimeout(() => turn.classList.remove("highlight"), 2400);
}

document.addEventListener("click", (ev) => {
  const link = ev.target.closest("[data-jump]");
  if (link) {
    ev.preventDefault();
    history.replaceState(null, "", `#turn-${link.dataset.jump}`);
    jump(link.dataset.jump);
    return;
  }
});

function request(form) {
  const data = new FormData(form);
  const kind = form.dataset.kind;
  if (kind === "comment") {
    const body = { body: String(data.get("body") || "") };
    if (form.dataset.turn !== undefined) body.turn_index = Number(form.dataset.turn);
    return ["comments", body, t("js.comment_saved"), form.dataset.turn !== undefined ? `#turn-${form.dataset.turn}` : "#coach-notes"];
  }
  if (kind === "override") {
    const raw = String(data.get("score") || "").trim();
    const score = raw === "" ? null : Number(raw);
    return [
      "overrides",
      { dimension: form.dataset.dimension, score: Number.isInteger(score) ? score : raw, reason: String(data.get("reason") || "") },
      t("js.override_saved"),
      `#dim-${form.dataset.dimension}`,
    ];
  }
  if (kind === "dispute") {
    return ["disputes", { dimension: form.dataset.dimension, reason: String(data.get("reason") || "") }, t("js.dispute_sent"), "#disputes"];
  }
  return [`disputes/${form.dataset.dispute}/resolve`, { response: String(data.get("response") || "") }, t("js.answer_sent"), "#disputes"];
}

document.addEventListener("submit", async (ev) => {
  const form = ev.target.closest("form.inline-form");
  if (!form) return;
  ev.preventDefault();
  const [path, body, done, anchor] = request(form);
  const button = form.querySelector('button[type="submit"]');
  clearFieldErrors(form);
  busy(button, true);
  try {
    await api("POST", `${base}/${path}`, body);
    flash(done);
    location.hash = anchor;
    location.reload();
  } catch (err) {
    busy(button, false);
    if (err.status === 422) showFieldErrors(form, err);
    else toast(errorText(err), "error");
  }
});

const reviewed = document.getElementById("mark-reviewed");
if (reviewed) {
  reviewed.addEventListener("click", async () => {
    busy(reviewed, true);
    try {
      await api("POST", `${base}/reviewed`);
      flash(t("js.reviewed"));
      location.reload();
    } catch (err) {
      busy(reviewed, false);
      toast(errorText(err), "error");
    }
  });
}

// The scorecard opens at its top (the summary) unless the address names a place on it:
// never where a reload or an earlier visit had scrolled to.
if ("scrollRestoration" in history) history.scrollRestoration = "manual";
const m = /^#turn-(\d+)$/.exec(location.hash);
if (m) setTimeout(() => jump(m[1]), 150);
else if (!location.hash) window.scrollTo(0, 0);
