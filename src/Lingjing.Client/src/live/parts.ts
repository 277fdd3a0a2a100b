// Parts of a page that follow a server-sent event stream ([data-live-parts] with data-source and data-events, a
// comma-separated list of event types): on each such event the page's own address is fetched again and the elements
// marked [data-live-part] are swapped in, so what changed looks exactly as the server renders it (times in the zone,
// translated words, forms with fresh antiforgery tokens). Rows ([data-live-row]) that are new flash; a part marked
// [data-scroll-box] inside a [data-scroll-end] section stays scrolled to its end (a conversation). While the tab is
// hidden the refresh waits until it is shown again, so a conversation is not marked read unseen. The stream's first
// event tells the state now: it refreshes only when it differs from the state the page was rendered with
// (data-live-version, the same JSON).
import { listen, type StreamState } from "./eventStream";

const bound = new Map<HTMLElement, () => void>();

export function mountLiveParts(root: Document): void {
  for (const [element, stop] of bound) {
    if (!element.isConnected) { stop(); bound.delete(element); }
  }
  root.querySelectorAll<HTMLElement>("[data-live-parts]").forEach((section) => {
    if (bound.has(section) || !section.dataset.source) return;
    scrollToEnd(section);
    let timer: number | undefined;
    const refresh = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void whenVisible(() => refreshSection(section)), 250); // one fetch for a burst
    };
    let first = true;
    const events: Record<string, (data: unknown) => void> = {};
    for (const type of (section.dataset.events ?? "").split(",").map((t) => t.trim()).filter(Boolean)) {
      events[type] = (data) => {
        const unchanged = first && JSON.stringify(data) === section.dataset.liveVersion;
        first = false;
        if (!unchanged) refresh();
      };
    }
    bound.set(section, listen(section.dataset.source, {
      events,
      state: (state, reconnected) => {
        showStreamState(section, state);
        if (reconnected) refresh(); // changes while the stream was down were not seen
      },
    }));
  });
}

async function refreshSection(section: HTMLElement): Promise<void> {
  const known = new Set(Array.from(section.querySelectorAll<HTMLElement>("[data-live-row]"), (row) => row.dataset.liveRow));
  try {
    await reloadParts(section);
    section.querySelectorAll<HTMLElement>("[data-live-row]").forEach((row) => {
      if (!known.has(row.dataset.liveRow)) row.classList.add("lj-live-flash");
    });
    scrollToEnd(section);
  } catch (error) {
    console.error("Refreshing a live part of the page failed", error);
    showStreamState(section, "lost");
  }
}

/** Fetches the page again and swaps in the fresh content of every [data-live-part] inside the container. */
export async function reloadParts(container: HTMLElement): Promise<void> {
  const response = await fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
  if (!response.ok) throw new Error(`the page answered ${response.status}`);
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  container.querySelectorAll<HTMLElement>("[data-live-part]").forEach((part) => {
    const replacement = fresh.querySelector<HTMLElement>(`[data-live-part="${part.dataset.livePart}"]`);
    if (replacement) part.replaceChildren(...Array.from(replacement.childNodes, (node) => document.importNode(node, true)));
  });
  container.dataset.refreshes = String(Number(container.dataset.refreshes ?? "0") + 1);
}

/** Shows whether the container's stream is connecting, live or lost, in its [data-live-status] element. */
export function showStreamState(container: HTMLElement, state: StreamState): void {
  const element = container.querySelector<HTMLElement>("[data-live-status]");
  if (!element) return;
  element.hidden = false;
  element.dataset.state = state;
  element.textContent = element.dataset[`label${state[0].toUpperCase()}${state.slice(1)}`] ?? "";
}

function scrollToEnd(section: HTMLElement): void {
  if (!section.hasAttribute("data-scroll-end")) return;
  section.querySelectorAll<HTMLElement>("[data-scroll-box]").forEach((box) => { box.scrollTop = box.scrollHeight; });
}

function whenVisible(action: () => Promise<void>): void {
  if (document.visibilityState === "visible") { void action(); return; }
  const onShow = () => {
    if (document.visibilityState !== "visible") return;
    document.removeEventListener("visibilitychange", onShow);
    void action();
  };
  document.addEventListener("visibilitychange", onShow);
}
