// Booking utilization charts of the park terminal (/park/bookings) and the government (/gov/bookings).
// Data: /api/v1/park/bookings/utilization/* and /api/v1/zone/bookings/utilization/* (camelCase JSON).
import { MarkAreaComponent, MarkLineComponent, ToolboxComponent } from "echarts/components";
import { echarts, type EChartsCoreOption } from "./echarts";
import { type ChartContext, label, localName } from "./data";
import { palette } from "./theme";

echarts.use([MarkLineComponent, MarkAreaComponent, ToolboxComponent]);

export interface UtilizationDay {
  day: string;
  openHours: number;
  bookedHours: number;
  pendingHours: number;
  releasedHours: number;
  utilization: number;
  upcoming: boolean;
}

interface GroupUtilization {
  nameEn: string;
  nameZh: string;
  spaces: number;
  openHours: number;
  bookedHours: number;
  releasedHours: number;
  utilization: number;
}

export interface SpaceTypeUtilization extends GroupUtilization {
  spaceType: string;
}

export interface ParkUtilization extends GroupUtilization {
  parkId: number;
  code: string;
}

const colors = { booked: palette[1], pending: palette[2], released: "#9ca3af", open: palette[3], utilization: palette[0] };

const percent = (share: number) => Math.round(share * 1000) / 10;

function hoursFormat(context: ChartContext): Intl.NumberFormat {
  return new Intl.NumberFormat(context.chinese ? "zh-CN" : "en", { maximumFractionDigits: 1 });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "11-24 Tue" in English, "11-24 周二" in Chinese: short enough for 35 days on one axis. */
function dayLabel(context: ChartContext, isoDay: string): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = new Intl.DateTimeFormat(context.chinese ? "zh-CN" : "en", { weekday: "short", timeZone: "UTC" }).format(date);
  return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} ${weekday}`;
}

function utilizationDaily(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as UtilizationDay[];
  const days = rows.map((r) => dayLabel(context, r.day));
  const firstUpcoming = rows.findIndex((r) => r.upcoming);
  const format = hoursFormat(context);
  return {
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: "scroll" },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (value: unknown) => (typeof value === "number" ? format.format(value) : "–"),
    },
    xAxis: { type: "category", data: days, axisLabel: { interval: "auto", hideOverlap: true } },
    yAxis: [
      { type: "value", name: label(context, "hours"), nameTextStyle: { align: "left" } },
      // Scaled to the data (at least 0-20 %), so a typical 10-30 % utilization does not hug the floor.
      { type: "value", name: "%", min: 0, max: (extent: { max: number }) => Math.min(100, Math.max(20, Math.ceil(extent.max / 10) * 10)), splitLine: { show: false }, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      {
        name: label(context, "booked"), type: "bar", stack: "hours", data: rows.map((r) => r.bookedHours), barMaxWidth: 18,
        itemStyle: { color: colors.booked },
        // The coming days are shaded, and today is marked, so the plan reads apart from the history.
        markArea: firstUpcoming < 0 ? undefined : {
          silent: true, itemStyle: { color: "rgba(60, 90, 153, 0.06)" },
          data: [[{ xAxis: days[firstUpcoming] }, { xAxis: days[days.length - 1] }]],
        },
        markLine: firstUpcoming < 0 ? undefined : {
          silent: true, symbol: "none", lineStyle: { color: colors.utilization, type: "dashed" },
          label: { formatter: label(context, "today"), position: "insideEndTop", color: colors.utilization },
          data: [{ xAxis: days[firstUpcoming] }],
        },
      },
      { name: label(context, "pending"), type: "bar", stack: "hours", data: rows.map((r) => r.pendingHours), barMaxWidth: 18, itemStyle: { color: colors.pending } },
      { name: label(context, "released"), type: "bar", stack: "hours", data: rows.map((r) => r.releasedHours), barMaxWidth: 18, itemStyle: { color: colors.released } },
      {
        name: label(context, "open"), type: "line", step: "middle", symbol: "none", data: rows.map((r) => r.openHours),
        lineStyle: { color: colors.open, width: 1.5, type: "dashed" }, itemStyle: { color: colors.open },
      },
      {
        name: label(context, "utilization"), type: "line", yAxisIndex: 1, smooth: true, symbolSize: 5, data: rows.map((r) => percent(r.utilization)),
        lineStyle: { color: colors.utilization, width: 2.5 }, itemStyle: { color: colors.utilization },
        tooltip: { valueFormatter: (value: unknown) => (typeof value === "number" ? `${value}%` : "–") },
      },
    ],
  };
}

function groupTooltip(context: ChartContext, name: string, group: GroupUtilization): string {
  const format = hoursFormat(context);
  return `<strong>${escapeHtml(name)}</strong><br/>`
    + `${escapeHtml(label(context, "utilization"))}: ${percent(group.utilization)}%<br/>`
    + `${escapeHtml(label(context, "booked"))}: ${format.format(group.bookedHours)} / ${escapeHtml(label(context, "open"))}: ${format.format(group.openHours)}<br/>`
    + `${escapeHtml(label(context, "released"))}: ${group.openHours > 0 ? percent(group.releasedHours / group.openHours) : 0}%<br/>`
    + `${escapeHtml(label(context, "spaces"))}: ${group.spaces}`;
}

function utilizationByType(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = [...(data as SpaceTypeUtilization[])].reverse();
  return {
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0 },
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        return row ? groupTooltip(context, localName(context, row), row) : "";
      },
    },
    xAxis: { type: "value", max: (extent: { max: number }) => Math.min(100, Math.max(10, Math.ceil(extent.max / 10) * 10)), axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: rows.map((r) => localName(context, r)) },
    series: [
      {
        name: label(context, "utilization"), type: "bar", data: rows.map((r) => percent(r.utilization)), barMaxWidth: 16,
        itemStyle: { color: colors.booked, borderRadius: [0, 4, 4, 0] }, label: { show: true, position: "right", formatter: "{c}%", color: "#6b7280" },
      },
      {
        name: label(context, "released"), type: "bar", data: rows.map((r) => (r.openHours > 0 ? percent(r.releasedHours / r.openHours) : 0)), barMaxWidth: 16,
        itemStyle: { color: colors.released, borderRadius: [0, 4, 4, 0] },
      },
    ],
  };
}

type ParkOrder = "utilization" | "code";

// The toolbox button that switches the order of the parks: three filled bars, longest first.
const sortIcon = "path://M2 3h14v3H2zM2 9h10v3H2zM2 15h6v3H2z";

function utilizationByPark(data: unknown, context: ChartContext, order: ParkOrder = "utilization"): EChartsCoreOption {
  const rows = [...(data as ParkUtilization[])].sort(order === "utilization"
    ? (a, b) => b.utilization - a.utilization || a.code.localeCompare(b.code)
    : (a, b) => a.code.localeCompare(b.code));
  const other: ParkOrder = order === "utilization" ? "code" : "utilization";
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 40, containLabel: true },
    legend: { top: 0, left: 0 },
    toolbox: {
      right: 0, top: 0, itemSize: 16,
      feature: {
        mySort: {
          show: true,
          title: label(context, other === "code" ? "sortCode" : "sortUtilization"),
          icon: sortIcon,
          iconStyle: { color: "#6b7280", borderWidth: 0 },
          emphasis: { iconStyle: { color: palette[1], borderWidth: 0, textPosition: "left" } },
          // Redraws the same data in the other order (the chart keeps its element and zoom slider).
          onclick: (_model: unknown, api: { getDom(): HTMLElement }) => {
            echarts.getInstanceByDom(api.getDom())?.setOption(utilizationByPark(data, context, other), true);
          },
        },
      },
    },
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        return row ? groupTooltip(context, `${row.code} · ${localName(context, row)}`, row) : "";
      },
    },
    dataZoom: [{ type: "inside", start: 0, end: rows.length > 20 ? 45 : 100 }, { type: "slider", height: 16, bottom: 8 }],
    xAxis: { type: "category", data: rows.map((r) => localName(context, r)), axisLabel: { rotate: 40, width: 110, overflow: "truncate" } },
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [
      { name: label(context, "utilization"), type: "bar", data: rows.map((r) => percent(r.utilization)), barMaxWidth: 22, itemStyle: { color: colors.booked, borderRadius: [4, 4, 0, 0] } },
      { name: label(context, "released"), type: "bar", data: rows.map((r) => (r.openHours > 0 ? percent(r.releasedHours / r.openHours) : 0)), barMaxWidth: 22, itemStyle: { color: colors.released, borderRadius: [4, 4, 0, 0] } },
    ],
  };
}

/** The booking chart kinds, spread into optionBuilders (options.ts). */
export const bookingOptionBuilders: Record<string, (data: unknown, context: ChartContext) => EChartsCoreOption> = {
  "booking-utilization-daily": utilizationDaily,
  "booking-utilization-by-type": utilizationByType,
  "booking-utilization-by-park": (data, context) => utilizationByPark(data, context),
};
