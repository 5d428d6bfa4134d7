// A small line chart drawn as inline SVG: 0-100 with the rubric's band lines, one line per
// series, dots with tooltips, and a legend that shows or hides each series.
import { h, t } from "./core.js";

const H = 260;
const PAD = { top: 14, right: 18, bottom: 34, left: 40 };

function color(key) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--s-${key}`).trim() || "#2f5bea";
}

/**
 * container: an element; labels: x labels; series: [{key, name, values: [number|null]}];
 * tooltip(i, s): text for a dot.
 */
export function lineChart(container, legend, labels, series, tooltip) {
  const hidden = new Set();
  const innerH = H - PAD.top - PAD.bottom;
  const y = (v) => PAD.top + innerH - (v / 100) * innerH;
  let W = 0;
  let x = () => 0;

  function draw() {
    W = Math.max(300, Math.round(container.clientWidth || 760)); // real pixels: text stays legible
    const innerW = W - PAD.left - PAD.right;
    x = (i) => PAD.left + (labels.length <= 1 ? innerW / 2 : (i * innerW) / (labels.length - 1));
    const svg = h("svg", { viewBox: `0 0 ${W} ${H}`, role: "presentation" });
    for (const v of [0, 20, 40, 60, 80, 100]) {
      svg.append(h("line", { class: "grid-line", x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }));
      svg.append(h("text", { class: "axis-label", x: PAD.left - 8, y: y(v) + 4, "text-anchor": "end", text: String(v) }));
    }
    for (const [from, to, band] of [[0, 20, "absent"], [20, 40, "weak"], [40, 60, "developing"], [60, 80, "proficient"], [80, 100, "excellent"]]) {
      svg.append(h("text", { class: "band-label", x: W - PAD.right, y: y((from + to) / 2) + 3, "text-anchor": "end", text: t(`band.${band}`) }));
    }
    const step = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(innerW / 70))));
    labels.forEach((label, i) => {
      if (i % step === 0 || i === labels.length - 1) {
        svg.append(h("text", { class: "axis-label", x: x(i), y: H - 10, "text-anchor": "middle", text: label }));
      }
    });
    for (const s of series) {
      if (hidden.has(s.key)) continue;
      const c = color(s.key);
      const pts = s.values.map((v, i) => (v === null || v === undefined ? null : [x(i), y(v), v, i]));
      let d = "";
      let pen = false;
      for (const p of pts) {
        if (!p) { pen = false; continue; }
        d += `${pen ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)} `;
        pen = true;
      }
      if (d) svg.append(h("path", { class: "series", d, stroke: c, "data-series": s.key }));
      for (const p of pts) {
        if (!p) continue;
        svg.append(h("circle", { class: "dot", cx: p[0], cy: p[1], r: 4.5, fill: c }, h("title", { text: tooltip(p[3], s, p[2]) })));
      }
    }
    container.replaceChildren(svg);
  }

  if (legend) {
    legend.replaceChildren(
      ...series.map((s) => {
        const btn = h("button", { type: "button", "aria-pressed": "true" }, h("span", { class: `swatch sw-${s.key}` }), s.name);
        btn.addEventListener("click", () => {
          if (hidden.has(s.key)) hidden.delete(s.key);
          else hidden.add(s.key);
          btn.setAttribute("aria-pressed", hidden.has(s.key) ? "false" : "true");
          draw();
        });
        return btn;
      }),
    );
  }
  draw();
  let last = container.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(container.clientWidth - last) > 4) {
      last = container.clientWidth;
      draw();
    }
  }).observe(container);
}
