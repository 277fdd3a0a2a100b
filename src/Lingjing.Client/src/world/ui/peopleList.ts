import type { AvatarProfile } from "../protocol/world_pb";
import type { Texts } from "./texts";
import { el } from "./dom";

/** Who is in the world (as far as the server told us): you first, then everyone else by name. */
export class PeopleList {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly texts: Texts, private readonly selfName: string) {
    this.element = el("section", "world-panel world-people");
    this.heading = el("h2", "world-panel-title");
    this.list = el("ul", "world-people-list");
    this.element.append(this.heading, this.list);
    this.render([]);
  }

  render(others: AvatarProfile[]): void {
    this.heading.textContent = this.texts.format("People here ({0})", others.length + 1);
    const items = [el("li", "person-self", `${this.selfName} (${this.texts.get("you")})`)];
    for (const p of [...others].sort((a, b) => a.displayName.localeCompare(b.displayName))) {
      const item = el("li", "", p.displayName);
      if (p.guest) item.append(el("span", "badge text-bg-light ms-1", this.texts.get("guest")));
      items.push(item);
    }
    this.list.replaceChildren(...items);
  }
}
