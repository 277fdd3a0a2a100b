// An event's registrations and its attendance over time on its organisers' desk (/events/{id}/manage).
// Data: /api/v1/events/{id}/report/days (EventDay) and /report/attendance (PresenceMinute), camelCase JSON.
import type { EChartsCoreOption } from "./echarts";
import { type ChartContext, label } from "./data";
import { palette } from "./theme";

export interface EventDay {
  day: string;
  registrations: number;
  cancellations: number;
  checkIns: number;
  total: number;
}

function registrationsOverTime(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as EventDay[];
  return {
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: "scroll" },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: rows.map((r) => r.day.slice(5)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: "value", name: label(context, "perDay"), nameTextStyle: { align: "left" }, minInterval: 1 },
      { type: "value", name: label(context, "total"), splitLine: { show: false }, minInterval: 1 },
    ],
    series: [
      { name: label(context, "registrations"), type: "bar", data: rows.map((r) => r.registrations), itemStyle: { color: palette[0] }, barMaxWidth: 16 },
      { name: label(context, "cancellations"), type: "bar", data: rows.map((r) => r.cancellations), itemStyle: { color: "#9ca3af" }, barMaxWidth: 16 },
      { name: label(context, "checkIns"), type: "bar", data: rows.map((r) => r.checkIns), itemStyle: { color: palette[2] }, barMaxWidth: 16 },
      { name: label(context, "total"), type: "line", yAxisIndex: 1, data: rows.map((r) => r.total), itemStyle: { color: palette[1] }, showSymbol: false },
    ],
  };
}

export interface PresenceMinute {
  minute: string;
  present: number;
}

/** People in the event's halls minute by minute (/api/v1/events/{id}/report/attendance): the peak is where the line tops. */
function attendanceOverTime(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as PresenceMinute[];
  const time = (iso: string) => new Date(iso).toLocaleString([], { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: rows.map((r) => time(r.minute)), axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{
      name: label(context, "present"), type: "line", data: rows.map((r) => r.present), showSymbol: rows.length < 30,
      areaStyle: { opacity: 0.15 }, itemStyle: { color: palette[0] }, markPoint: rows.length > 0 ? { data: [{ type: "max" }] } : undefined,
    }],
  };
}

export const eventOptionBuilders = { "event-registrations": registrationsOverTime, "event-attendance": attendanceOverTime };
