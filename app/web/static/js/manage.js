// Manager forms: teams, users, team members, assignments. Post JSON to the API, show field
// errors at the field, reload with a confirmation.
import { api, t, busy, flash, showFieldErrors, clearFieldErrors, errorText, toast } from "./core.js";

function numberOrRaw(value) {
  const v = String(value ?? "").trim();
  if (v === "") return null;
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

const builders = {
  team: (data) => ["POST", "/api/teams", { name: String(data.get("name") || "") }, t("js.team_created")],
  user: (data) => {
    const team = numberOrRaw(data.get("team_ids"));
    return ["POST", "/api/users", {
      username: String(data.get("username") || ""),
      display_name: String(data.get("display_name") || ""),
      role: String(data.get("role") || "trainee"),
      password: String(data.get("password") || ""),
      team_ids: team === null ? [] : [team],
    }, t("js.user_created")];
  },
  members: (data, form) => ["PUT", `/api/teams/${form.dataset.team}/members`,
    { user_ids: data.getAll("user_ids").map(Number) }, t("js.members_saved")],
  assignment: (data) => {
    const body = {
      scenario_id: String(data.get("scenario_id") || ""),
      team_id: numberOrRaw(data.get("team_id")),
      trainee_ids: data.getAll("trainee_ids").map(Number),
      min_score: numberOrRaw(data.get("min_score")) ?? 60,
      max_attempts: numberOrRaw(data.get("max_attempts")),
      note: String(data.get("note") || ""),
    };
    const due = String(data.get("due_at") || "");
    if (due) {
      const when = new Date(due); // datetime-local is the manager's local time
      body.due_at = Number.isNaN(when.getTime()) ? due : when.toISOString();
    }
    return ["POST", "/api/assignments", body, t("js.assignment_created")];
  },
  "assignment-edit": (data, form) => {
    const due = String(data.get("due_at") || "");
    const when = due ? new Date(due) : null;
    return ["PATCH", `/api/assignments/${form.dataset.assignment}`, {
      due_at: when && !Number.isNaN(when.getTime()) ? when.toISOString() : due || null,
      min_score: numberOrRaw(data.get("min_score")) ?? 60,
      max_attempts: numberOrRaw(data.get("max_attempts")),
      note: String(data.get("note") || ""),
    }, t("js.assignment_saved")];
  },
};

// datetime-local shows the manager's local time: fill it from the stored UTC instant.
for (const input of document.querySelectorAll("input[type=datetime-local][data-iso]")) {
  const when = new Date(input.dataset.iso);
  if (!input.dataset.iso || Number.isNaN(when.getTime())) continue;
  const local = new Date(when.getTime() - when.getTimezoneOffset() * 60000);
  input.value = local.toISOString().slice(0, 16);
}

document.addEventListener("submit", async (ev) => {
  const form = ev.target.closest("form[data-kind]");
  if (!form || !builders[form.dataset.kind]) return;
  ev.preventDefault();
  const [method, url, body, done] = builders[form.dataset.kind](new FormData(form), form);
  const button = form.querySelector('button[type="submit"]');
  clearFieldErrors(form);
  busy(button, true);
  try {
    await api(method, url, body);
    flash(done);
    location.reload();
  } catch (err) {
    busy(button, false);
    if (err.status === 422) showFieldErrors(form, err);
    else {
      form.prepend(Object.assign(document.createElement("div"), { className: "form-error", role: "alert", textContent: errorText(err) }));
    }
  }
});

document.addEventListener("click", async (ev) => {
  const btn = ev.target.closest("[data-archive]");
  if (!btn) return;
  if (btn.dataset.confirming !== "1") {
    btn.dataset.confirming = "1";
    btn.textContent = t("js.confirm_archive");
    btn.classList.add("btn-danger");
    return;
  }
  busy(btn, true);
  try {
    await api("DELETE", `/api/assignments/${btn.dataset.archive}`);
    flash(t("js.assignment_archived"));
    location.reload();
  } catch (err) {
    busy(btn, false);
    toast(errorText(err), "error");
  }
});
