// A manager's account actions on the teams page: reset a password, deactivate an account
// (each confirmed in a dialog that says what happens), reactivate one.
import { api, t, h, busy, flash, errorText, showFieldErrors, clearFieldErrors, toast } from "./core.js";

function openDialog(id, name, titleKey, bodyKey, onConfirm) {
  const dialog = document.getElementById(id);
  const form = dialog.querySelector("form");
  clearFieldErrors(form);
  form.reset();
  dialog.querySelector("h2").textContent = t(titleKey, { name });
  dialog.querySelector("p").textContent = t(bodyKey, { name });
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    const button = form.querySelector('button[type="submit"]');
    busy(button, true);
    try {
      await onConfirm(new FormData(form));
      location.reload();
    } catch (err) {
      busy(button, false);
      if (err.status === 422 && (err.body?.fields || []).length) showFieldErrors(form, err);
      else form.prepend(h("div", { class: "form-error", role: "alert", text: errorText(err) }));
    }
  };
  dialog.showModal();
  dialog.querySelector("input")?.focus();
}

document.addEventListener("click", (ev) => {
  const cancel = ev.target.closest("dialog [data-cancel]");
  if (cancel) {
    cancel.closest("dialog").close();
    return;
  }
  const reset = ev.target.closest("[data-reset-user]");
  if (reset) {
    const { resetUser: id, name } = reset.dataset;
    openDialog("reset-dialog", name, "people.reset_title", "people.reset_body", async (data) => {
      const password = String(data.get("new_password") || "");
      await api("POST", `/api/users/${id}/password`, { new_password: password });
      flash(t("people.reset_done", { name }));
    });
    return;
  }
  const off = ev.target.closest("[data-deactivate-user]");
  if (off) {
    const { deactivateUser: id, name } = off.dataset;
    openDialog("deactivate-dialog", name, "people.deactivate_title", "people.deactivate_body", async () => {
      await api("POST", `/api/users/${id}/deactivate`);
      flash(t("people.deactivated", { name }));
    });
  }
});

// Deactivated accounts are not on the page the server draws (it lists the active ones):
// they come from the API, each with a button that lets them sign in again.
async function showInactive() {
  const section = document.getElementById("inactive-people");
  if (!section) return;
  let users;
  try {
    users = await api("GET", "/api/users");
  } catch (err) {
    toast(errorText(err), "error");
    return;
  }
  const inactive = users.filter((u) => u.is_active === false);
  if (!inactive.length) return;
  const rows = inactive.map((u) => {
    const button = h("button", { class: "btn btn-sm", type: "button", text: t("people.reactivate") });
    button.addEventListener("click", async () => {
      busy(button, true);
      try {
        await api("POST", `/api/users/${u.id}/reactivate`);
        flash(t("people.reactivated", { name: u.display_name }));
        location.reload();
      } catch (err) {
        busy(button, false);
        toast(errorText(err), "error");
      }
    });
    return h("tr", { dataset: { userId: String(u.id) } },
      h("td", {}, u.display_name),
      h("td", {}, h("code", {}, u.username)),
      h("td", {}, t(`role.${u.role}`)),
      h("td", {}, h("div", { class: "user-actions" }, button)));
  });
  document.getElementById("inactive-rows").replaceChildren(...rows);
  section.hidden = false;
}

showInactive();
