// Entry point of the portal: Bootstrap (styles and the data-api for the navbar collapse, dropdowns
// and alerts) and the dashboards, loaded only on pages that have charts.
import "bootstrap/dist/css/bootstrap.min.css";
import "bootstrap";
import { onPageLoad } from "./page-lifecycle";

onPageLoad(async () => {
  if (document.querySelector("[data-rule-preview]") !== null) (await import("./policies/rule-preview")).mountRulePreview(document);
  if (document.querySelector("[data-rule-builder]") !== null) (await import("./policies/rule-builder")).mountRuleBuilders(document);
  if (document.querySelector("[data-chart]") === null) return;
  const { mountCharts } = await import("./charts/mount");
  mountCharts(document);
});

// Digital-twin pages (live values, history with a range picker): src/twins/twins.ts.
onPageLoad(async () => {
  if (document.querySelector("[data-twins-live], [data-twins-history]") === null) return;
  const { mountTwins } = await import("./twins/twins");
  mountTwins(document);
});

// The park terminal's alarm rule editor: only the fields that apply (src/twins/alarm-rule-form.ts).
onPageLoad(async () => {
  if (document.querySelector("form[data-alarm-rule-form]") === null) return;
  (await import("./twins/alarm-rule-form")).mountAlarmRuleForms(document);
});

// Live parts of the portal over server-sent events: the bell's unread count on every signed-in page,
// alarm lists and conversations (src/live). Called on every page, so streams of a page left behind are closed too.
let live: Promise<[typeof import("./live/bell"), typeof import("./live/alarms"), typeof import("./live/parts")]> | null = null;
onPageLoad(async () => {
  if (live === null && document.querySelector("[data-live-bell], [data-live-alarms], [data-live-parts]") === null) return;
  live ??= Promise.all([import("./live/bell"), import("./live/alarms"), import("./live/parts")]);
  const [bell, alarms, parts] = await live;
  bell.mountBell(document);
  alarms.mountAlarmLists(document);
  parts.mountLiveParts(document);
});
