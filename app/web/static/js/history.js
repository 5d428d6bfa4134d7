// My progress: one point per finished session, overall and each dimension.
import { PAGE, t, formatTime } from "./core.js";
import { lineChart } from "./charts.js";

const chart = document.getElementById("progress-chart");
if (chart) {
  const points = PAGE.points || [];
  const labels = points.map((p) => formatTime(p.at, { month: "numeric", day: "numeric" }));
  const keys = ["overall", "questioning", "objection_handling", "needs_discovery"];
  const series = keys.map((key) => ({ key, name: t(`dim.${key}`), values: points.map((p) => p[key]) }));
  lineChart(chart, document.getElementById("progress-legend"), labels, series, (i, s, v) =>
    `${points[i].title} · ${formatTime(points[i].at)}\n${s.name}: ${v}`,
  );
}
