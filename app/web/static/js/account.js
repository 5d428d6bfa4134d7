// The account page: change my password through POST /api/me/password. The API keeps this
// browser's login and ends every other one, so the page stays signed in and says so.
import { api, t, busy, h, errorText, showFieldErrors, clearFieldErrors } from "./core.js";

const form = document.getElementById("password-form");
const done = document.getElementById("password-done");

/** One message under one field (the API's error, or a check made here). */
function fieldError(name, message) {
  const input = form.querySelector(`[name="${name}"]`);
  const wrap = input.closest(".field");
  wrap.classList.add("has-error");
  wrap.append(h("div", { class: "field-error", text: message }));
  input.focus();
}

function localProblems(current, next, confirm) {
  const problems = [];
  if (!current) problems.push(["current_password", t("msg.required")]);
  if (!next) problems.push(["new_password", t("msg.required")]);
  else if (next.length < 8) problems.push(["new_password", t("account.too_short")]);
  if (next && confirm !== next) problems.push(["confirm_password", t("account.mismatch")]);
  return problems;
}

form?.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  clearFieldErrors(form);
  done.hidden = true;
  const data = new FormData(form);
  const current = String(data.get("current_password") || "");
  const next = String(data.get("new_password") || "");
  const confirm = String(data.get("confirm_password") || "");
  const problems = localProblems(current, next, confirm);
  if (problems.length) {
    for (const [name, message] of problems.reverse()) fieldError(name, message);
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  busy(button, true);
  try {
    await api("POST", "/api/me/password", { current_password: current, new_password: next });
    busy(button, false);
    form.reset();
    done.textContent = t("account.changed");
    done.hidden = false;
    done.focus?.();
  } catch (err) {
    busy(button, false);
    const body = err.body || {};
    if (body.error === "wrong_password") fieldError("current_password", errorText(err));
    else if (body.key === "same_password") fieldError("new_password", errorText(err));
    else if (err.status === 422 && (body.fields || []).length) showFieldErrors(form, err);
    else form.prepend(h("div", { class: "form-error", role: "alert", text: errorText(err) }));
  }
});
