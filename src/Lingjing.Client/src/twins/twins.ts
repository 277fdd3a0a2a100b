// Park terminal's digital-twin pages: live values refreshed every few seconds ([data-twins-live])
// and history charts from the rollups with a range picker ([data-twins-history]).
import { echarts } from "../charts/echarts";
import { themeName } from "../charts/theme";

interface LatestValue { name: string; at: string; value: number | null; text: string | null }
interface TwinLive { twinId: string; lastSeen: string | null; values: LatestValue[] }
interface HistoryPoint { at: string; average: number; min: number; max: number; count: number }
interface History { resolution: string; points: HistoryPoint[] }

const timers = new Map<HTMLElement, number>();
const charts = new Map<HTMLElement, ReturnType<typeof echarts.init>>();
const chinese = () => (document.documentElement.lang || "en").startsWith("zh");
const numberFormat = () => new Intl.NumberFormat(chinese() ? "zh-CN" : "en", { maximumFractionDigits: 2 });

export function mountTwins(root: ParentNode): void {
  for (const [element, timer] of timers) {
    if (!element.isConnected) { window.clearInterval(timer); timers.delete(element); }
  }
  for (const [element, chart] of charts) {
    if (!element.isConnected) { chart.dispose(); charts.delete(element); }
  }
  root.querySelectorAll<HTMLElement>("[data-twins-live]").forEach((element) => {
    if (timers.has(element)) return;
    const refresh = () => void refreshLive(element);
    refresh();
    timers.set(element, window.setInterval(refresh, Number(element.dataset.interval ?? "5000")));
  });
  root.querySelectorAll<HTMLElement>("[data-twins-history]").forEach((element) => {
    if (element.dataset.mounted === "true") return;
    element.dataset.mounted = "true";
    element.addEventListener("click", (event) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>("[data-history-range]");
      if (!button) return;
      element.querySelectorAll("[data-history-range]").forEach((b) => b.classList.toggle("active", b === button));
      element.dataset.range = button.dataset.historyRange;
      void drawHistory(element);
    });
    element.querySelector("[data-history-name]")?.addEventListener("change", () => void drawHistory(element));
    element.querySelector("[data-history-retry]")?.addEventListener("click", () => void drawHistory(element));
    void drawHistory(element);
  });
}

async function refreshLive(element: HTMLElement): Promise<void> {
  const status = element.querySelector<HTMLElement>("[data-live-status]");
  try {
    const response = await fetch(element.dataset.source ?? "", { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    const twins = (await response.json()) as TwinLive[];
    const format = numberFormat();
    for (const twin of twins) {
      for (const value of twin.values) {
        element.querySelectorAll<HTMLElement>(`[data-live-twin="${twin.twinId}"][data-live-name="${value.name}"]`).forEach((cell) => {
          const labels = cell.dataset.enum ? (JSON.parse(cell.dataset.enum) as Record<string, string>) : null;
          const text = value.value === null ? value.text ?? "–" : labels?.[String(value.value)] ?? format.format(value.value);
          if (cell.textContent !== text) {
            cell.textContent = text;
            cell.classList.remove("lj-live-flash");
            void cell.offsetWidth;
            cell.classList.add("lj-live-flash");
          }
        });
        if (value.name === "state" && value.value !== null) {
          element.querySelectorAll<HTMLElement>(`[data-live-state="${twin.twinId}"]`).forEach((light) => {
            light.dataset.state = String(value.value);
          });
        }
      }
      element.querySelectorAll<HTMLElement>(`[data-live-seen="${twin.twinId}"]`).forEach((cell) => {
        if (twin.lastSeen) cell.textContent = new Date(twin.lastSeen).toLocaleTimeString(chinese() ? "zh-CN" : "en-GB");
      });
    }
    if (status) { status.hidden = false; status.dataset.ok = "true"; status.textContent = status.dataset.okText ?? ""; }
  } catch {
    if (status) { status.hidden = false; status.dataset.ok = "false"; status.textContent = status.dataset.errorText ?? ""; }
  }
}

const ranges: Record<string, number> = { "1h": 3600e3, "6h": 6 * 3600e3, "24h": 24 * 3600e3, "7d": 7 * 86400e3, "30d": 30 * 86400e3, "1y": 365 * 86400e3 };

function show(element: HTMLElement, state: "loading" | "error" | "empty" | "ready"): void {
  element.dataset.chartState = state;
  for (const part of ["loading", "error", "empty"] as const) {
    const node = element.querySelector<HTMLElement>(`[data-history-${part}]`);
    if (node) node.hidden = part !== state;
  }
  const canvas = element.querySelector<HTMLElement>("[data-history-canvas]");
  if (canvas) canvas.style.visibility = state === "ready" ? "visible" : "hidden";
}

/** The server's clock, not the browser's: the chart's range ends at the server's now (which a demo or
 * test may run at another day and hour), kept in step by the offset seen when the page was rendered. */
const clockOffsets = new WeakMap<HTMLElement, number>();
function serverNow(element: HTMLElement): number {
  let offset = clockOffsets.get(element);
  if (offset === undefined) {
    const rendered = Number(element.dataset.serverNow);
    offset = Number.isFinite(rendered) && rendered > 0 ? rendered - Date.now() : 0;
    clockOffsets.set(element, offset);
  }
  return Date.now() + offset;
}

async function drawHistory(element: HTMLElement): Promise<void> {
  const select = element.querySelector<HTMLSelectElement>("[data-history-name]");
  const name = select?.value ?? element.dataset.name ?? "";
  const span = ranges[element.dataset.range ?? "24h"] ?? ranges["24h"];
  const to = new Date(serverNow(element));
  const from = new Date(to.getTime() - span);
  const resolution = span <= 12 * 3600e3 ? "minute" : "hour";
  const url = `/api/v1/twins/${encodeURIComponent(element.dataset.twin ?? "")}/history?name=${encodeURIComponent(name)}` +
    `&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}&resolution=${resolution}`;
  show(element, "loading");
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    const history = (await response.json()) as History;
    if (history.points.length === 0) { show(element, "empty"); return; }
    show(element, "ready");
    const canvas = element.querySelector<HTMLElement>("[data-history-canvas]")!;
    let chart = charts.get(element);
    if (!chart) { chart = echarts.init(canvas, themeName, { renderer: "canvas" }); charts.set(element, chart); }
    const labels = JSON.parse(element.dataset.labels ?? "{}") as Record<string, string>;
    const times = history.points.map((p) => new Date(p.at).getTime());
    chart.setOption({
      grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
      legend: { top: 0, right: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? numberFormat().format(v) : "–") },
      xAxis: { type: "time" },
      yAxis: { type: "value", scale: true },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 16, bottom: 8 }],
      series: [
        { name: labels.min ?? "min", type: "line", data: history.points.map((p, i) => [times[i], p.min]), lineStyle: { opacity: 0 }, symbol: "none", stack: "band" },
        { name: labels.range ?? "range", type: "line", data: history.points.map((p, i) => [times[i], p.max - p.min]), lineStyle: { opacity: 0 }, symbol: "none", stack: "band", areaStyle: { opacity: 0.18 } },
        { name: labels.average ?? "average", type: "line", data: history.points.map((p, i) => [times[i], p.average]), symbol: "none", smooth: true, lineStyle: { width: 2 } },
      ],
    }, true);
    chart.resize();
  } catch (error) {
    console.error("History failed to load", error);
    show(element, "error");
  }
}
