// The government's service figures (/gov/service-hall/figures): visitors served per day with the average wait, and the
// undecided matters by working days left to their legal time limit.
// Data: /api/v1/service-hall/figures/days (ServiceDay) and /figures/matters (MatterFigures), camelCase JSON.
import type { EChartsCoreOption } from "./echarts";
import { type ChartContext, label } from "./data";
import { palette } from "./theme";

interface ServiceDay {
  day: string;
  served: number;
  noShows: number;
  averageWaitMinutes: number;
}

function servedPerDay(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as ServiceDay[];
  return {
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: "scroll" },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: rows.map((r) => r.day.slice(5)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: "value", name: label(context, "visitors"), nameTextStyle: { align: "left" }, minInterval: 1 },
      { type: "value", name: label(context, "minutes"), splitLine: { show: false } },
    ],
    series: [
      { name: label(context, "served"), type: "bar", stack: "day", data: rows.map((r) => r.served), itemStyle: { color: palette[0] }, barMaxWidth: 14 },
      { name: label(context, "noShows"), type: "bar", stack: "day", data: rows.map((r) => r.noShows), itemStyle: { color: "#9ca3af" }, barMaxWidth: 14 },
      { name: label(context, "wait"), type: "line", yAxisIndex: 1, data: rows.map((r) => r.averageWaitMinutes), itemStyle: { color: palette[1] }, showSymbol: false },
    ],
  };
}

interface MatterFigures {
  byDaysLeft: { key: string; value: number }[];
}

function mattersByDaysLeft(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = (data as MatterFigures).byDaysLeft;
  return {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: rows.map((r) => label(context, r.key)) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{
      name: label(context, "matters"), type: "bar", barMaxWidth: 36,
      data: rows.map((r, i) => ({ value: r.value, itemStyle: { color: i === 0 ? "#dc2626" : palette[(i + 2) % palette.length] } })),
    }],
  };
}

export const serviceOptionBuilders = { "service-days": servedPerDay, "matters-days-left": mattersByDaysLeft };
