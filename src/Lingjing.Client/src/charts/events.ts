// An event's registrations over time on its organisers' desk (/events/{id}/manage).
// Data: /api/v1/events/{id}/report/days (camelCase JSON of EventDay).
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

export const eventOptionBuilders = { "event-registrations": registrationsOverTime };
