// One option builder per chart kind (the data-chart attribute). Each receives the parsed JSON.
import { collaborationOptionBuilders } from "./collaboration";
import { eventOptionBuilders } from "./events";
import { serviceOptionBuilders } from "./services";
import type { EChartsCoreOption } from "./echarts";
import { type CategoryCount, type ChartContext, type ParkFigures, type YearRevenue, label, localName } from "./data";
import { palette } from "./theme";
import { bookingOptionBuilders } from "./bookings";
import { policyOptionBuilders } from "./policies";

type OptionBuilder = (data: unknown, context: ChartContext) => EChartsCoreOption;

const numberFormat = (context: ChartContext) => new Intl.NumberFormat(context.chinese ? "zh-CN" : "en");

function enterprisesByCategory(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = [...(data as CategoryCount[])].reverse();
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: rows.map((r) => localName(context, r)) },
    // Stacked: the bar's length is the category's total, its teal end the part above designated size.
    series: [
      { name: label(context, "enterprises"), type: "bar", stack: "size", data: rows.map((r) => r.enterprises - r.aboveDesignatedSize), barMaxWidth: 18 },
      { name: label(context, "aboveSize"), type: "bar", stack: "size", data: rows.map((r) => r.aboveDesignatedSize), barMaxWidth: 18, itemStyle: { borderRadius: [0, 4, 4, 0] } },
    ],
  };
}

function revenueByYear(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as YearRevenue[];
  const format = numberFormat(context);
  // Revenue in hundred millions of yuan (亿元) reads naturally in both languages' statistics.
  const hundredMillions = (yuan: number) => Math.round(yuan / 1e6) / 100;
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0 },
    tooltip: {
      trigger: "axis",
      valueFormatter: (value: unknown) => (typeof value === "number" ? format.format(value) : "–"),
    },
    xAxis: { type: "category", data: rows.map((r) => String(r.year)) },
    yAxis: [
      { type: "value", name: label(context, "revenueUnit"), nameTextStyle: { align: "left" } },
      { type: "value", name: "%", splitLine: { show: false }, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: label(context, "revenue"), type: "bar", data: rows.map((r) => hundredMillions(r.revenueYuan)), barMaxWidth: 56, itemStyle: { borderRadius: [4, 4, 0, 0] } },
      {
        name: label(context, "growth"), type: "line", yAxisIndex: 1, symbolSize: 9, smooth: true,
        data: rows.map((r) => (r.growth === null ? null : Math.round(r.growth * 1000) / 10)),
        lineStyle: { width: 3, color: palette[2] }, itemStyle: { color: palette[2] },
      },
    ],
  };
}

function enterprisesPerPark(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = [...(data as ParkFigures[])].sort((a, b) => b.enterprises - a.enterprises);
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 40, containLabel: true },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    dataZoom: [{ type: "inside", start: 0, end: rows.length > 20 ? 45 : 100 }, { type: "slider", height: 16, bottom: 8 }],
    xAxis: { type: "category", data: rows.map((r) => localName(context, r)), axisLabel: { rotate: 40, width: 110, overflow: "truncate" } },
    yAxis: { type: "value" },
    series: [
      { name: label(context, "enterprises"), type: "bar", stack: "size", data: rows.map((r) => r.enterprises - r.enterprisesAboveDesignatedSize), barMaxWidth: 22 },
      { name: label(context, "aboveSize"), type: "bar", stack: "size", data: rows.map((r) => r.enterprisesAboveDesignatedSize), barMaxWidth: 22 },
    ],
  };
}

function parkMap(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as ParkFigures[];
  const largest = Math.max(1, ...rows.map((r) => r.enterprises));
  const format = numberFormat(context);
  return {
    // Room outside the labels for the axis names, which containLabel does not count.
    grid: { left: 40, right: 16, top: 16, bottom: 36, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (params: { data: { park: ParkFigures } }) => {
        const park = params.data.park;
        return `<strong>${escapeHtml(localName(context, park))}</strong><br/>`
          + `${escapeHtml(label(context, "enterprises"))}: ${format.format(park.enterprises)}<br/>`
          + `${escapeHtml(label(context, "aboveSize"))}: ${format.format(park.enterprisesAboveDesignatedSize)}<br/>`
          + `${escapeHtml(label(context, "spaces"))}: ${format.format(park.spaces)}`;
      },
    },
    xAxis: { type: "value", scale: true, name: label(context, "longitude"), nameLocation: "middle", nameGap: 28, axisLabel: { formatter: "{value}°" } },
    yAxis: { type: "value", scale: true, name: label(context, "latitude"), nameLocation: "middle", nameGap: 44, axisLabel: { formatter: "{value}°" } },
    series: [{
      type: "scatter",
      data: rows.map((park) => ({ value: [park.longitude, park.latitude], park })),
      symbolSize: (_: unknown, params: { data: { park: ParkFigures } }) => 10 + 36 * Math.sqrt(params.data.park.enterprises / largest),
      itemStyle: { color: palette[0], opacity: 0.7, borderColor: "#fff", borderWidth: 1 },
      emphasis: { itemStyle: { opacity: 1, color: palette[1] } },
    }],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const optionBuilders: Record<string, OptionBuilder> = {
  "enterprises-by-category": enterprisesByCategory,
  "revenue-by-year": revenueByYear,
  "enterprises-per-park": enterprisesPerPark,
  "park-map": parkMap,
  ...bookingOptionBuilders,
  ...policyOptionBuilders,
  ...collaborationOptionBuilders,
  ...eventOptionBuilders,
  ...serviceOptionBuilders,
};

/** True when the response has nothing to draw, so the page shows its empty state instead of blank axes. */
export function isEmpty(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const nodes = (data as { nodes?: unknown } | null)?.nodes; // a graph
  return Array.isArray(nodes) && nodes.length === 0;
}
