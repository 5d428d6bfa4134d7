// The team trend: weekly averages, overall and per dimension.
import { PAGE, t, formatTime } from "./core.js";
import { lineChart } from "./charts.js";

const chart = document.getElementById("trend-chart");
if (chart) {
  const weeks = PAGE.trend || [];
  const labels = weeks.map((w) => formatTime(`${w.week}T00:00:00Z`, { month: "numeric", day: "numeric" }));
  const series = ["overall", "questioning", "objection_handling", "needs_discovery"].map((key) => ({
    key,
    name: t(`dim.${key}`),
    values: weeks.map((w) => (key === "overall" ? w.overall : w.dimensions[key])),
  }));
  lineChart(chart, document.getElementById("trend-legend"), labels, series, (i, s, v) =>
    `${t("js.week_of", { date: labels[i] })} · ${t("js.sessions_n", { n: weeks[i].sessions })}\n${s.name}: ${v}`,
  );
}
