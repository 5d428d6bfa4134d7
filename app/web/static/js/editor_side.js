// Beside the scenario editor: what trainees will see of the draft (the library card, the buyer
// opening the meeting, the brief and goal card of the chat page), and the realism check's result.
import { t, h } from "./core.js";

const preview = document.getElementById("preview-body");
const result = document.getElementById("check-result");

const text = (v) => (typeof v === "string" ? v.trim() : "");
const or = (v, key) => text(v) || t(key);

/** The draft as a trainee meets it; empty fields show what is missing, never a blank. */
export function renderPreview(d) {
  const buyer = d.buyer || {};
  const lang = d.language === "en" ? "en" : "zh-CN";
  const name = text(buyer.name);
  const initial = name ? name.slice(0, 1) : "?";
  const opening = (buyer.opening_lines || []).map(text).find(Boolean);
  const who = [text(buyer.title), text(buyer.company)].filter(Boolean).join(" · ");
  const enumChip = (group, value) => (value ? h("span", { class: "chip", text: t(`${group}.${value}`) }) : null);

  const card = h("article", { class: "pv-card", "aria-label": t("editor.preview.card") },
    h("div", { class: "pv-label", text: t("editor.preview.card") }),
    h("h3", { lang, text: or(d.title, "editor.preview.no_title") }),
    h("div", { class: "row" },
      d.language ? h("span", { class: "chip", text: t(`enum.${d.language}`) }) : null,
      text(d.industry) ? h("span", { class: "chip", lang, text: text(d.industry) }) : null,
      enumChip("difficulty", d.difficulty)),
    h("p", { class: "muted", lang }, name || who ? t("home.meet", { name: name || "—", title: text(buyer.title) || "—", company: text(buyer.company) || "—" }) : t("editor.preview.no_buyer")));

  const chat = h("div", { class: "pv-chat", "aria-label": t("editor.preview.chat") },
    h("div", { class: "pv-label", text: t("editor.preview.chat") }),
    h("div", { class: "chat-head" }, h("div", { class: "persona" },
      h("div", { class: "avatar", "aria-hidden": "true", text: initial }),
      h("div", {}, h("b", { lang, text: name || t("editor.preview.no_name") }), h("span", { lang, text: who })))),
    h("div", { class: "pv-messages" }, h("div", { class: "msg buyer" },
      h("div", { class: "avatar", "aria-hidden": "true", text: initial }),
      h("div", { class: "bubble", lang, text: opening || t("editor.preview.no_opening") }))));

  const brief = h("div", { class: "brief pv-brief", "aria-label": t("chat.brief") },
    h("div", { class: "pv-label", text: t("editor.preview.brief_card") }),
    h("h3", { lang, text: or(d.title, "editor.preview.no_title") }),
    h("dl", {},
      h("dt", { text: t("chat.you_are") }),
      h("dd", { lang, text: [text(d.seller_company), text(d.product)].filter(Boolean).join(" · ") || "—" }),
      h("dt", { text: t("chat.brief") }),
      h("dd", { lang, text: or(d.trainee_brief, "editor.preview.missing") }),
      h("dt", { text: t("chat.goal") }),
      h("dd", { class: "goal", lang, text: or((d.advance || {}).goal, "editor.preview.missing") })));

  preview.replaceChildren(card, chat, brief);
}

/** After an edit, a result on screen says it describes an earlier draft. */
export function markStale() {
  const box = result.querySelector(".check-box");
  if (!box || box.classList.contains("stale")) return;
  box.classList.add("stale");
  box.prepend(h("p", { class: "stale-note", role: "status", text: t("editor.check.stale") }));
}

// Where an item the check names lives in the draft, for a link that opens it.
function itemPath(draft, item) {
  if (item.kind === "fact" || item.kind === "need") {
    const group = item.kind === "fact" ? "facts" : "needs";
    const i = (draft[group] || []).findIndex((x) => x && x.id === item.id);
    return i >= 0 ? `${group}[${i}].probes` : group;
  }
  if (item.kind === "stakeholder") {
    const i = ((draft.decision || {}).stakeholders || []).findIndex((x) => x && x.id === item.id);
    return i >= 0 ? `decision.stakeholders[${i}].probes` : "decision.stakeholders";
  }
  return `decision.probes.${item.id}`;
}

function itemName(draft, item) {
  if (item.kind === "need") {
    const need = (draft.needs || []).find((n) => n && n.id === item.id);
    if (need && text(need.summary)) return text(need.summary);
  }
  if (item.kind === "fact") {
    const fact = (draft.facts || []).find((f) => f && f.id === item.id);
    if (fact && text(fact.says)) return text(fact.says).slice(0, 40) + (text(fact.says).length > 40 ? "…" : "");
  }
  if (item.kind === "stakeholder") {
    const p = ((draft.decision || {}).stakeholders || []).find((s) => s && s.id === item.id);
    if (p && text(p.name)) return text(p.name);
  }
  if (item.kind === "decision") return t(`field.${item.id}`);
  return item.id;
}

function problemText(p) {
  const params = { ...p.params };
  if (params.style) params.style = t(`editor.check.style.${params.style}`);
  if (params.dimension) params.dimension = t(`dim.${params.dimension}`);
  return t(`editor.check.problem.${p.code}`, params);
}

function itemList(items, draft, jump, cls) {
  return h("ul", { class: `reach-list ${cls}` }, items.map((item) => {
    const path = itemPath(draft, item);
    return h("li", { "data-item": item.key },
      h("span", { class: "chip", text: t(`editor.check.kind.${item.kind}`) }), " ",
      h("span", { lang: draft.language === "en" ? "en" : "zh-CN", text: itemName(draft, item) }), " ",
      h("a", { href: "#", text: t("editor.check.fix"), on: { click: (e) => { e.preventDefault(); jump(path); } } }));
  }));
}

/** The check's answer: the verdict, the advance, what no example question reaches, the styles. */
export function renderCheck(r, draft, jump) {
  const verdict = h("div", { class: `check-verdict ${r.realistic ? "ok" : "bad"}` },
    h("b", { text: t(r.realistic ? "editor.check.realistic" : "editor.check.unrealistic") }));
  const advance = r.advance_earned
    ? h("p", { class: "check-line ok", "data-check": "advance", text: t("editor.check.advance_yes", { turn: r.advance_turn, asks: r.advance_asks }) })
    : h("p", { class: "check-line bad", "data-check": "advance", text: t("editor.check.advance_no", { needs: r.needs_required }) });
  const problems = r.problems.length
    ? h("ul", { class: "check-problems" }, r.problems.map((p) => h("li", { "data-code": p.code, text: problemText(p) })))
    : null;

  const rate = r.probes ? Math.round((100 * r.reached) / r.probes) : null;
  const reach = [h("h3", { text: t("editor.check.reach_title") }),
    h("p", { class: "muted", text: r.probes ? t("editor.check.reach_rate", { reached: r.reached, probes: r.probes, rate }) : t("editor.check.no_probes_at_all") })];
  const focus = r.unreachable.filter((i) => i.kind === "fact" || i.kind === "need");
  const others = r.unreachable.filter((i) => i.kind !== "fact" && i.kind !== "need");
  if (r.unreachable.length) {
    reach.push(h("p", { class: "check-line bad", "data-check": "unreachable", text: t("editor.check.unreachable", { n: r.unreachable.length }) }));
    reach.push(itemList([...focus, ...others], draft, jump, "unreachable"));
    reach.push(h("p", { class: "hint", text: t("editor.check.unreachable_hint") }));
  } else {
    reach.push(h("p", { class: "check-line ok", "data-check": "unreachable", text: t("editor.check.all_reached") }));
  }
  if (r.without_probes.length) {
    reach.push(h("details", { class: "without-probes" },
      h("summary", { text: t("editor.check.without_probes", { n: r.without_probes.length }) }),
      itemList(r.without_probes, draft, jump, "without")));
  }

  const rows = r.styles.map((s) => h("tr", { "data-style": s.style },
    h("th", { scope: "row", text: t(`editor.check.style.${s.style}`) }),
    h("td", { text: s.advance_turn ? t("editor.check.turn_n", { n: s.advance_turn }) : "—" }),
    h("td", { class: "num", text: String(s.needs_revealed) }),
    h("td", { class: "num", text: s.overall ?? "—" })));
  const styles = h("details", { class: "check-styles" },
    h("summary", { text: t("editor.check.styles_title") }),
    h("p", { class: "hint", text: t("editor.check.styles_hint") }),
    h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", text: t("editor.check.style_col") }),
        h("th", { scope: "col", text: t("editor.check.advance_col") }),
        h("th", { scope: "col", class: "num", text: t("editor.check.needs_col") }),
        h("th", { scope: "col", class: "num", text: t("table.overall") }))),
      h("tbody", {}, rows))));

  result.replaceChildren(h("div", { class: "check-box", "data-realistic": r.realistic ? "1" : "0" },
    verdict, advance, problems, ...reach, styles));
}
