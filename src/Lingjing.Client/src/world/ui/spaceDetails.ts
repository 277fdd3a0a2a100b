import type { SpaceSceneData } from "../scene/worldScene";
import type { Texts } from "./texts";
import { el } from "./dom";
import { type SpaceBooking, slotText } from "./spaceBooking";

const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The card shown when a space (its marker, or the building it is in) is clicked: name, type, capacity,
 * hours, the next free slot, one-click booking, and Enter (walks you to its door). */
export class SpaceDetails {
  readonly element: HTMLElement;
  /** Which card is showing: an answer about an earlier card is dropped. */
  private shown = 0;

  constructor(
    private readonly texts: Texts,
    private readonly booking: SpaceBooking,
    private readonly enter: (space: SpaceSceneData) => void = () => {},
  ) {
    this.element = el("section", "world-panel world-space");
    this.element.hidden = true;
    this.element.setAttribute("role", "dialog");
  }

  show(space: SpaceSceneData): void {
    const t = this.texts;
    const close = el("button", "btn-close float-end");
    close.type = "button";
    close.setAttribute("aria-label", t.get("Close"));
    close.addEventListener("click", () => this.hide());
    const openDays = days.filter((_, i) => (space.openDays & (1 << i)) !== 0).map(d => t.get(d)).join(" ");
    const facts = el("dl", "world-space-facts");
    const fact = (label: string, value: string) => facts.append(el("dt", "", t.get(label)), el("dd", "", value));
    fact("Type", t.chinese ? space.typeZh : space.typeEn);
    fact("Capacity", t.format("{0} people", space.capacity));
    fact("Opening hours", `${space.opensAt}–${space.closesAt}`);
    fact("Open on", openDays || t.get("Not open on any day"));
    const nextFree = el("dd", "world-space-next", t.get("Looking…"));
    nextFree.dataset.testid = "world-next-free";
    facts.append(el("dt", "", t.get("Next free")), nextFree);
    const state = el("span", space.openNow ? "badge text-bg-success" : "badge text-bg-secondary", space.openNow ? t.get("Open now") : t.get("Closed now"));
    const book = el("button", "btn btn-primary btn-sm", t.get("Book next free slot"));
    book.type = "button";
    book.dataset.testid = "world-book-next";
    const enter = el("button", "btn btn-outline-primary btn-sm", t.get("Enter"));
    enter.type = "button";
    enter.dataset.testid = "world-enter-space";
    enter.title = t.get("Walk to its door");
    enter.addEventListener("click", () => {
      this.enter(space);
      this.hide();
    });
    const others = el("a", "btn btn-link btn-sm", t.get("Other times"));
    others.href = this.booking.spaceUrl(space.id);
    const actions = el("div", "d-flex flex-wrap gap-1");
    actions.append(book, enter, others);
    const result = el("div", "world-space-result small mt-2");
    result.setAttribute("role", "status");
    book.addEventListener("click", () => void this.bookNext(space.id, book, result));
    this.element.dataset.spaceId = String(space.id);
    this.element.replaceChildren(close, el("h2", "world-panel-title", t.name(space)), state, facts, actions, result);
    this.element.hidden = false;
    void this.showNextFree(space.id, nextFree);
    if (space.type === "meeting-room") void this.showMeetingDoor(space.id, actions);
  }

  /** A meeting room's door: your next meeting there (held or invited to, within a day), entered from the card. */
  private async showMeetingDoor(spaceId: number, actions: HTMLElement): Promise<void> {
    const card = this.shown;
    const door = await meetingDoor(spaceId);
    if (!door || card !== this.shown) return;
    const t = this.texts;
    if (door.open) {
      const link = el("a", "btn btn-success btn-sm", t.get("Enter the meeting room"));
      link.href = door.roomUrl;
      link.dataset.testid = "world-meeting-door";
      link.dataset.enhanceNav = "false"; // a full page load: the room is another world
      actions.prepend(link);
    } else {
      const opens = new Date(door.opensAt).toLocaleTimeString(t.chinese ? "zh-CN" : "en-GB", { hour: "2-digit", minute: "2-digit" });
      actions.prepend(el("span", "small text-body-secondary w-100", t.format("Your meeting here opens at {0}", opens)));
    }
  }

  private async showNextFree(spaceId: number, target: HTMLElement): Promise<void> {
    const card = ++this.shown;
    const slot = await this.booking.nextFree(spaceId);
    if (card !== this.shown) return;
    const t = this.texts;
    target.textContent = slot ? slotText(slot.start, slot.end, t.chinese) : slot === null ? t.get("No free time in the next 14 days") : t.get("Not known right now");
    target.dataset.state = slot ? "free" : slot === null ? "none" : "unknown";
  }

  private async bookNext(spaceId: number, button: HTMLButtonElement, result: HTMLElement): Promise<void> {
    const t = this.texts;
    button.disabled = true;
    result.replaceChildren(t.get("Booking…"));
    const outcome = await this.booking.bookNext(spaceId);
    button.disabled = false;
    if (!outcome.ok) {
      result.replaceChildren(el("span", "text-danger", outcome.detail || t.get("That did not work. Please try again.")));
      return;
    }
    const { booking } = outcome;
    const when = slotText(booking.start, booking.end, t.chinese);
    const view = el("a", "ms-1", t.get("View booking"));
    view.href = this.booking.bookingUrl(booking.id);
    view.target = "_blank";
    const text = booking.status === "pending" ? t.format("Requested: {0}, waiting for approval.", when) : t.format("Booked: {0}.", when);
    result.replaceChildren(el("span", "text-success", text), view);
    result.dataset.bookingId = booking.id;
  }

  hide(): void {
    this.element.hidden = true;
  }
}

interface MeetingDoor {
  roomUrl: string;
  opensAt: string;
  open: boolean;
}

/** The person's next meeting in a meeting room, or null (none within a day, or not known). */
async function meetingDoor(spaceId: number): Promise<MeetingDoor | null> {
  try {
    const response = await fetch(`/api/v1/world/meetings/door?space=${spaceId}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
    return response.ok ? (await response.json()) as MeetingDoor : null;
  } catch {
    return null;
  }
}
