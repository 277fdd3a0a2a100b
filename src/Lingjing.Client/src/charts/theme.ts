// Colours and type of the site (see wwwroot/css/site.css), so charts look like the rest of the portal.
export const themeName = "lingjing";

export const palette = ["#b8432f", "#1f6f78", "#d99a2b", "#3c5a99", "#6c8f3d", "#8a4f7d", "#c7733a", "#4f8fb8", "#7a6a58", "#2e8b6e"];

const ink = "#1f2433";
const muted = "#6b7280";
const rule = "#e6e1d8";

export const lingjingTheme = {
  color: palette,
  backgroundColor: "transparent",
  textStyle: { fontFamily: "inherit", color: ink },
  legend: { textStyle: { color: muted } },
  tooltip: {
    backgroundColor: "rgba(255,255,255,0.97)",
    borderColor: rule,
    textStyle: { color: ink },
    extraCssText: "box-shadow: 0 6px 20px rgba(31,36,51,.12); border-radius: 8px;",
  },
  categoryAxis: {
    axisLine: { lineStyle: { color: rule } },
    axisTick: { show: false },
    axisLabel: { color: muted },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: muted },
    splitLine: { lineStyle: { color: rule, type: "dashed" } },
  },
};
