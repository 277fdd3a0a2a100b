import type { SpaceSceneData } from "../scene/worldScene";
import type { Texts } from "./texts";
import { el } from "./dom";

const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The card shown when a space marker is clicked: name, type, capacity, hours and a Book action. */
export class SpaceDetails {
  readonly element: HTMLElement;

  constructor(private readonly texts: Texts, private readonly bookUrl: (id: number) => string) {
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
    const state = el("span", space.openNow ? "badge text-bg-success" : "badge text-bg-secondary", space.openNow ? t.get("Open now") : t.get("Closed now"));
    const book = el("a", "btn btn-primary btn-sm", t.get("Book"));
    book.href = this.bookUrl(space.id);
    book.setAttribute("data-enhance-nav", "false");
    this.element.dataset.spaceId = String(space.id);
    this.element.replaceChildren(close, el("h2", "world-panel-title", t.name(space)), state, facts, book);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
