// Chart kinds of the policy services (government analytics): the eligible → applied → approved →
// paid funnel of one policy or all, and the same funnel side by side per policy category.
import type { EChartsCoreOption } from "./echarts";
import { type ChartContext, label } from "./data";
import { palette } from "./theme";

/** One stage of a funnel: its key (eligible, applied, approved, paid), count and amount in yuan. */
export interface FunnelStage {
  stage: string;
  count: number;
  amountYuan: number;
}

/** The funnel of the policies of one category. */
export interface CategoryFunnelRow {
  category: string;
  eligible: number;
  applied: number;
  approved: number;
  paid: number;
}

function policyFunnel(data: unknown, context: ChartContext): EChartsCoreOption {
  const stages = data as FunnelStage[];
  const format = new Intl.NumberFormat(context.chinese ? "zh-CN" : "en");
  const top = Math.max(1, stages[0]?.count ?? 1);
  const rows = [...stages].reverse();
  return {
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (params: { dataIndex: number }) => {
        const row = rows[params.dataIndex];
        const share = Math.round((row.count / top) * 1000) / 10;
        const amount = row.amountYuan > 0 ? `<br>${label(context, "amount")}: ${format.format(row.amountYuan)}` : "";
        return `${label(context, row.stage)}: ${format.format(row.count)} (${share}%)${amount}`;
      },
    },
    xAxis: { type: "value", show: false },
    yAxis: { type: "category", data: rows.map((r) => label(context, r.stage)), axisTick: { show: false } },
    series: [{
      type: "bar",
      barMaxWidth: 36,
      data: rows.map((r, i) => ({ value: r.count, itemStyle: { color: palette[(rows.length - 1 - i) % palette.length], borderRadius: [0, 4, 4, 0] } })),
      label: { show: true, position: "right", formatter: (p: { value: number }) => format.format(p.value) },
    }],
  };
}

function policyFunnelByCategory(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as CategoryFunnelRow[];
  const stages = ["eligible", "applied", "approved", "paid"] as const;
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: rows.map((r) => label(context, r.category)) },
    // Eligible counts dwarf the others: a log axis keeps applied, approved and paid readable.
    yAxis: { type: "log", min: 1, logBase: 10 },
    series: stages.map((stage) => ({
      name: label(context, stage),
      type: "bar",
      barMaxWidth: 22,
      data: rows.map((r) => (r[stage] > 0 ? r[stage] : null)),
      itemStyle: { borderRadius: [3, 3, 0, 0] },
    })),
  };
}

export const policyOptionBuilders: Record<string, (data: unknown, context: ChartContext) => EChartsCoreOption> = {
  "policy-funnel": policyFunnel,
  "policy-funnel-by-category": policyFunnelByCategory,
};
