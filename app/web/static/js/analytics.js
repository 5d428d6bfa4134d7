// Trend chart dates in the reader's time zone: "6/12", and "6/12·2" for a day's second session.
import { formatTime } from "./core.js";

const chart = document.getElementById("trend-chart");
const data = document.getElementById("trend-times");
if (chart && data) {
  const times = JSON.parse(data.textContent || "[]");
  const day = (iso) => formatTime(iso, { month: "numeric", day: "numeric" });
  const days = times.map(day);
  const total = {};
  for (const d of days) total[d] = (total[d] || 0) + 1;
  const seen = {};
  const labels = days.map((d) => {
    seen[d] = (seen[d] || 0) + 1;
    return total[d] > 1 ? `${d}·${seen[d]}` : d;
  });
  const at = Object.fromEntries(times.map((iso, i) => [iso, labels[i]]));
  for (const node of chart.querySelectorAll("text[data-time]")) {
    const label = at[node.dataset.time];
    if (label) node.textContent = label;
  }
}
