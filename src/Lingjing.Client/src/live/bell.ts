// The navigation bar's bell ([data-live-bell]): its unread count follows /api/v1/me/notifications/stream,
// so a notification written anywhere shows without a reload.
import { listen } from "./eventStream";

let stop: (() => void) | null = null;
let source = "";

export function mountBell(root: Document): void {
  const bell = root.querySelector<HTMLElement>("[data-live-bell]");
  const url = bell?.dataset.source ?? "";
  if (url === source) return; // same person, same stream: keep it across enhanced navigations
  stop?.();
  stop = null;
  source = url;
  if (!bell || url === "") return;
  stop = listen(url, { events: { unread: (data) => show((data as { count?: number } | null)?.count ?? 0) } });
}

function show(count: number): void {
  document.querySelectorAll<HTMLElement>("[data-live-bell]").forEach((bell) => {
    bell.dataset.unread = String(count);
    const label = count > 0 ? (bell.dataset.labelUnread ?? "{0}").replace("{0}", String(count)) : bell.dataset.labelNone ?? "";
    bell.setAttribute("aria-label", label);
    let badge = bell.querySelector<HTMLElement>("[data-testid=unread-count]");
    if (count <= 0) { badge?.remove(); return; }
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "position-absolute top-0 start-100 translate-middle badge rounded-pill bg-danger";
      badge.dataset.testid = "unread-count";
      bell.appendChild(badge);
    }
    const text = count > 99 ? "99+" : String(count);
    if (badge.textContent !== text) {
      badge.textContent = text;
      badge.classList.remove("lj-live-flash");
      void badge.offsetWidth;
      badge.classList.add("lj-live-flash");
    }
  });
}
