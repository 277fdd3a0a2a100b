import { MediaFlags, type AvatarProfile } from "../protocol/world_pb";
import type { Texts } from "./texts";
import { el } from "./dom";

/** What a park operator can do to someone from the people list. */
export interface PersonActions {
  mute(person: AvatarProfile): void;
  remove(person: AvatarProfile): void;
}

/** Who is in the world (as far as the server told us): you first, then everyone else by name; the park's
 * operator also gets mute and remove buttons next to each person. */
export class PeopleList {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly texts: Texts, private readonly selfName: string, private readonly actions: PersonActions | null = null) {
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
      const item = el("li", "person");
      item.dataset.avatarId = String(p.id);
      item.append(el("span", "person-name", p.displayName));
      if (p.guest) item.append(el("span", "badge text-bg-light ms-1", this.texts.get("guest")));
      if (this.actions) item.append(this.button("Mute 10 min", () => this.actions!.mute(p)), this.button("Remove", () => this.actions!.remove(p)));
      items.push(item);
    }
    this.list.replaceChildren(...items);
  }

  /** Marks who speaks, who sends their microphone or camera, and who is silenced (MediaFlags bits by avatar id). */
  showMedia(mediaOf: (id: number) => number): void {
    for (const item of this.list.querySelectorAll<HTMLElement>("li[data-avatar-id]")) {
      const media = mediaOf(Number(item.dataset.avatarId));
      const state = (media & MediaFlags.SILENCED) !== 0 ? "silenced"
        : (media & MediaFlags.SPEAKING) !== 0 ? "speaking"
        : (media & (MediaFlags.MICROPHONE | MediaFlags.CAMERA | MediaFlags.SCREEN)) !== 0 ? "on" : "";
      if ((item.dataset.media ?? "") !== state) item.dataset.media = state;
    }
  }

  private button(label: string, act: () => void): HTMLButtonElement {
    const button = el("button", "btn btn-outline-danger btn-sm person-action", this.texts.get(label));
    button.type = "button";
    button.addEventListener("click", act);
    return button;
  }
}
