import type { ConnectionState } from "../net/worldConnection";
import { Emotes } from "../avatar/avatarFigure";
import type { Texts } from "./texts";
import { el } from "./dom";

const stateText: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  online: "Online",
  offline: "Offline: exploring alone",
  removed: "Removed from this world",
};

const stateClass: Record<ConnectionState, string> = {
  connecting: "text-bg-warning",
  online: "text-bg-success",
  offline: "text-bg-secondary",
  removed: "text-bg-danger",
};

/** The connection badge, join/leave notices, emote buttons and the Enter VR button. */
export class Hud {
  readonly badge: HTMLElement;
  readonly toasts: HTMLElement;
  readonly emotes: HTMLElement;
  readonly vr: HTMLButtonElement;

  constructor(private readonly texts: Texts, onEmote: (emote: number) => void) {
    this.badge = el("span", "badge world-connection");
    this.badge.setAttribute("role", "status");
    this.toasts = el("div", "world-toasts");
    this.toasts.setAttribute("aria-live", "polite");
    this.emotes = el("div", "world-emotes");
    const labels: [number, string][] = [[Emotes.wave, "Wave"], [Emotes.jump, "Jump"], [Emotes.dance, "Dance"], [Emotes.cheer, "Cheer"]];
    for (const [emote, label] of labels) {
      const button = el("button", "btn btn-light btn-sm", `${emote} ${texts.get(label)}`);
      button.type = "button";
      button.addEventListener("click", () => onEmote(emote));
      this.emotes.appendChild(button);
    }
    this.vr = el("button", "btn btn-dark btn-sm world-vr", texts.get("Enter VR"));
    this.vr.type = "button";
    this.vr.hidden = true;
    this.setState("connecting");
  }

  setState(state: ConnectionState, retryInMs?: number, roundTripMs?: number): void {
    this.badge.className = `badge world-connection ${stateClass[state]}`;
    this.badge.dataset.connection = state;
    let text = this.texts.get(stateText[state]);
    if (state === "offline" && retryInMs !== undefined) text += " · " + this.texts.format("retrying in {0} s", Math.ceil(retryInMs / 1000));
    if (state === "online" && roundTripMs !== undefined) text += ` · ${roundTripMs} ms`;
    this.badge.textContent = text;
  }

  toast(text: string): void {
    const item = el("div", "world-toast", text);
    this.toasts.appendChild(item);
    window.setTimeout(() => item.remove(), 4000);
    while (this.toasts.childElementCount > 4) this.toasts.firstElementChild?.remove();
  }
}
