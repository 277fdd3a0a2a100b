// Finds [data-chart] elements, loads their JSON and renders them. Each element holds the parts
// rendered by the server (ChartContainer.razor): [data-chart-loading], [data-chart-error] with a
// [data-chart-retry] button, [data-chart-empty], and the [data-chart-canvas] ECharts draws into.
import { echarts } from "./echarts";
import type { ChartContext } from "./data";
import { isEmpty, optionBuilders } from "./options";
import { themeName } from "./theme";

type ChartState = "loading" | "error" | "empty" | "ready";

const mounted = new Map<HTMLElement, ReturnType<typeof echarts.init>>();
// Charts follow their own box (window resizes, the navbar collapsing, a sidebar), not only the window.
const resizer = new ResizeObserver((entries) => {
  for (const entry of entries) mounted.get(entry.target as HTMLElement)?.resize();
});

let retryListening = false;

export function mountCharts(root: ParentNode): void {
  disposeDetached();
  root.querySelectorAll<HTMLElement>("[data-chart]").forEach((element) => {
    if (element.dataset.chartMounted === "true") return;
    // Enhanced navigation to the same page keeps the element but resets its attributes and
    // children to the server's HTML, which removes the chart's canvas: start that chart afresh.
    release(element);
    element.dataset.chartMounted = "true";
    void load(element);
  });
  if (!retryListening) {
    retryListening = true;
    // Delegated, so buttons that enhanced navigation keeps or replaces need no listener of their own.
    document.addEventListener("click", (event) => {
      const retry = (event.target as Element | null)?.closest("[data-chart-retry]");
      const element = retry?.closest<HTMLElement>("[data-chart]");
      if (element) void load(element);
    });
  }
}

async function load(element: HTMLElement): Promise<void> {
  const build = optionBuilders[element.dataset.chart ?? ""];
  const source = element.dataset.source;
  if (!build || !source) {
    show(element, "error");
    return;
  }
  show(element, "loading");
  try {
    const response = await fetch(source, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${source} answered ${response.status}`);
    const data: unknown = await response.json();
    if (isEmpty(data)) {
      show(element, "empty");
      return;
    }
    show(element, "ready");
    const canvas = element.querySelector<HTMLElement>("[data-chart-canvas]") ?? element;
    let chart = mounted.get(element);
    if (!chart) {
      chart = echarts.init(canvas, themeName, { renderer: "canvas" });
      mounted.set(element, chart);
      resizer.observe(element);
    }
    chart.setOption(build(data, contextOf(element)), true);
    chart.resize();
  } catch (error) {
    console.error("Chart failed to load", error);
    show(element, "error");
  }
}

function contextOf(element: HTMLElement): ChartContext {
  let labels: Record<string, string> = {};
  try {
    labels = JSON.parse(element.dataset.labels ?? "{}") as Record<string, string>;
  } catch {
    // Missing labels fall back to their keys; the chart still draws.
  }
  return { labels, chinese: (document.documentElement.lang || "en").startsWith("zh") };
}

function show(element: HTMLElement, state: ChartState): void {
  element.dataset.chartState = state;
  const parts: Record<string, ChartState> = {
    "[data-chart-loading]": "loading",
    "[data-chart-error]": "error",
    "[data-chart-empty]": "empty",
    "[data-chart-canvas]": "ready",
  };
  for (const [selector, visibleIn] of Object.entries(parts)) {
    const part = element.querySelector<HTMLElement>(selector);
    if (!part) continue;
    // The canvas keeps its size while hidden so ECharts measures it correctly when it appears.
    if (visibleIn === "ready") part.style.visibility = state === "ready" ? "visible" : "hidden";
    else part.hidden = state !== visibleIn;
  }
}

// Enhanced navigation removes chart elements from the page: release their ECharts instances.
function disposeDetached(): void {
  mounted.forEach((_, element) => {
    if (!element.isConnected) release(element);
  });
}

function release(element: HTMLElement): void {
  const chart = mounted.get(element);
  if (!chart) return;
  resizer.unobserve(element);
  chart.dispose();
  mounted.delete(element);
}
