// Alarm lists ([data-live-alarms]) follow the alarm stream: on each raised, acknowledged or cleared alarm
// the page's own address is fetched again and the parts marked [data-live-part] are swapped in, so rows
// look exactly as the server renders them (times in the zone, translated states, acknowledge buttons with
// fresh antiforgery tokens). New rows flash; a screen reader hears what was raised.
import { listen } from "./eventStream";
import { reloadParts, showStreamState } from "./parts";

interface AlarmChange { change: "raised" | "acknowledged" | "cleared"; alarm: { id: string; messageEn: string; messageZh: string } }

const bound = new Map<HTMLElement, () => void>();

export function mountAlarmLists(root: Document): void {
  for (const [element, stop] of bound) {
    if (!element.isConnected) { stop(); bound.delete(element); }
  }
  root.querySelectorAll<HTMLElement>("[data-live-alarms]").forEach((list) => {
    if (bound.has(list) || !list.dataset.source) return;
    let timer: number | undefined;
    const refresh = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void reload(list), 250); // one fetch for a burst of changes
    };
    bound.set(list, listen(list.dataset.source, {
      events: {
        alarm: (data) => {
          announce(list, data as AlarmChange | null);
          refresh();
        },
      },
      state: (state, reconnected) => {
        showStreamState(list, state);
        if (reconnected) refresh(); // changes while the stream was down were not seen
      },
    }));
  });
}

async function reload(list: HTMLElement): Promise<void> {
  const known = new Set(Array.from(list.querySelectorAll<HTMLElement>("[data-alarm-id]"), (row) => row.dataset.alarmId));
  try {
    await reloadParts(list);
    list.querySelectorAll<HTMLElement>("[data-alarm-id]").forEach((row) => {
      if (!known.has(row.dataset.alarmId)) row.classList.add("lj-live-flash");
    });
  } catch (error) {
    console.error("Refreshing the alarm list failed", error);
    showStreamState(list, "lost");
  }
}

function announce(list: HTMLElement, change: AlarmChange | null): void {
  const region = list.querySelector<HTMLElement>("[data-live-announce]");
  if (!region || change?.change !== "raised") return;
  const zh = (document.documentElement.lang || "en").startsWith("zh");
  region.textContent = `${region.dataset.labelRaised ?? ""} ${zh ? change.alarm.messageZh : change.alarm.messageEn}`.trim();
}
