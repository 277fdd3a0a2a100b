// Chart kinds of collaboration between enterprises (government and park analytics): the network of who works with
// whom (force-directed graph, one colour per park), flows between segments of the industry chain (Sankey), needs left
// unmet per segment, and the funnel from a published need to an agreement.
import type { EChartsCoreOption } from "./echarts";
import { type ChartContext, label, localName } from "./data";
import { palette } from "./theme";

interface NetworkNode { id: string; nameZh: string; nameEn: string; kind: string; category: number; value: number }
interface NetworkGraph { nodes: NetworkNode[]; links: { source: string; target: string; value: number }[]; categories: { nameZh: string; nameEn: string }[] }
interface ChainFlow { from: string; fromZh: string; fromEn: string; to: string; toZh: string; toEn: string; agreements: number }
interface UnmetNeeds { segment: string; nameZh: string; nameEn: string; published: number; openLong: number; closedUnmet: number }
interface FunnelStage { stage: string; needs: number }

function network(data: unknown, context: ChartContext): EChartsCoreOption {
  const graph = data as NetworkGraph;
  const largest = Math.max(1, ...graph.nodes.map((n) => n.value));
  const used = [...new Set(graph.nodes.map((n) => n.category))];
  return {
    color: palette,
    tooltip: {
      formatter: (params: { dataType: string; data: { name?: string; value: number; source?: string; target?: string } }) =>
        params.dataType === "edge"
          ? `${label(context, "agreements")}: ${params.data.value}`
          : `${params.data.name}<br>${label(context, "agreements")}: ${params.data.value}`,
    },
    legend: { type: "scroll", bottom: 0, data: used.map((c) => localName(context, graph.categories[c])) },
    series: [{
      type: "graph",
      layout: "force",
      roam: true,
      draggable: true,
      force: { repulsion: 90, edgeLength: [30, 90], gravity: 0.12 },
      categories: graph.categories.map((c) => ({ name: localName(context, c) })),
      data: graph.nodes.map((n) => ({
        id: n.id, name: localName(context, n), value: n.value, category: n.category,
        symbol: n.kind === "institution" ? "diamond" : "circle",
        symbolSize: 6 + 22 * Math.sqrt(n.value / largest),
      })),
      links: graph.links.map((l) => ({ source: l.source, target: l.target, value: l.value, lineStyle: { width: Math.min(6, l.value) } })),
      lineStyle: { color: "source", opacity: 0.5, curveness: 0.15 },
      emphasis: { focus: "adjacency", lineStyle: { width: 3 } },
      label: { show: false },
    }],
  };
}

function flows(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = data as ChainFlow[];
  // Buyers on the left, sellers on the right: the same segment is two nodes, so a segment working with itself is no cycle.
  const from = (f: ChainFlow) => `${localName(context, { nameZh: f.fromZh, nameEn: f.fromEn })} ▸`;
  const to = (f: ChainFlow) => `▸ ${localName(context, { nameZh: f.toZh, nameEn: f.toEn })}`;
  const names = [...new Set(rows.flatMap((f) => [from(f), to(f)]))];
  return {
    color: palette,
    tooltip: { trigger: "item" },
    series: [{
      type: "sankey",
      left: 8, right: 140, top: 8, bottom: 8,
      nodeGap: 6,
      emphasis: { focus: "adjacency" },
      data: names.map((name) => ({ name })),
      links: rows.map((f) => ({ source: from(f), target: to(f), value: f.agreements })),
      lineStyle: { color: "gradient", opacity: 0.35 },
      label: { fontSize: 11 },
    }],
  };
}

function unmet(data: unknown, context: ChartContext): EChartsCoreOption {
  const rows = [...(data as UnmetNeeds[])].slice(0, 15).reverse();
  return {
    color: [palette[3], palette[5]],
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: rows.map((r) => localName(context, r)), axisLabel: { width: 130, overflow: "truncate" } },
    series: [
      { name: label(context, "openLong"), type: "bar", stack: "unmet", data: rows.map((r) => r.openLong), barMaxWidth: 16 },
      { name: label(context, "closedUnmet"), type: "bar", stack: "unmet", data: rows.map((r) => r.closedUnmet), barMaxWidth: 16 },
    ],
  };
}

function funnel(data: unknown, context: ChartContext): EChartsCoreOption {
  const stages = data as FunnelStage[];
  const top = Math.max(1, stages[0]?.needs ?? 1);
  const rows = [...stages].reverse();
  return {
    color: palette,
    grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "item", formatter: (p: { dataIndex: number }) => `${label(context, rows[p.dataIndex].stage)}: ${rows[p.dataIndex].needs} (${Math.round((rows[p.dataIndex].needs / top) * 1000) / 10}%)` },
    xAxis: { type: "value", show: false },
    yAxis: { type: "category", data: rows.map((r) => label(context, r.stage)), axisTick: { show: false } },
    series: [{
      type: "bar", data: rows.map((r) => r.needs), barMaxWidth: 28, itemStyle: { borderRadius: [0, 4, 4, 0] },
      label: { show: true, position: "right", formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex].needs} · ${Math.round((rows[p.dataIndex].needs / top) * 100)}%` },
    }],
  };
}

export const collaborationOptionBuilders = {
  "collaboration-network": network,
  "collaboration-flows": flows,
  "collaboration-unmet": unmet,
  "collaboration-funnel": funnel,
};
