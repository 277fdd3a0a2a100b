// Only the ECharts parts the dashboards use, so the bundle stays small.
import * as echarts from "echarts/core";
import { BarChart, GraphChart, LineChart, SankeyChart, ScatterChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { lingjingTheme, themeName } from "./theme";

echarts.use([BarChart, GraphChart, LineChart, SankeyChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);
echarts.registerTheme(themeName, lingjingTheme);

export { echarts };
export type { EChartsCoreOption } from "echarts/core";
