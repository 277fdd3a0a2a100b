import type { ChatMessage } from "../protocol/world_pb";
import { ChatScope } from "../net/codec";
import type { Texts } from "./texts";
import { el } from "./dom";

const keep = 200;

/** Nearby and park-wide chat: a message list and a form. Every message is inserted as text. */
export class ChatPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly scope: HTMLSelectElement;
  /** Ids already shown: a reconnect sends the history again. */
  private readonly shown = new Set<bigint>();

  constructor(private readonly texts: Texts, send: (scope: ChatScope, text: string) => boolean) {
    this.element = el("section", "world-panel world-chat");
    this.element.setAttribute("aria-label", texts.get("Chat"));
    this.list = el("ol", "world-chat-list");
    this.list.setAttribute("aria-live", "polite");
    const form = el("form", "world-chat-form");
    this.scope = el("select", "form-select form-select-sm");
    this.scope.setAttribute("aria-label", texts.get("Who hears it"));
    for (const [value, label] of [[ChatScope.NEARBY, "Nearby"], [ChatScope.WORLD, "Whole park"]] as const) {
      const option = el("option", "", texts.get(label));
      option.value = String(value);
      this.scope.appendChild(option);
    }
    this.input = el("input", "form-control form-control-sm");
    this.input.type = "text";
    this.input.maxLength = 280;
    this.input.placeholder = texts.get("Say something");
    this.input.setAttribute("aria-label", texts.get("Message"));
    const button = el("button", "btn btn-sm btn-primary", texts.get("Send"));
    button.type = "submit";
    form.append(this.scope, this.input, button);
    form.addEventListener("submit", e => {
      e.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      if (send(Number(this.scope.value) as ChatScope, text)) this.input.value = "";
      else this.notice(texts.get("Chat is not available while offline."));
    });
    // Keys typed into the chat must not walk the avatar.
    this.input.addEventListener("keydown", e => e.stopPropagation());
    this.element.append(this.list, form);
  }

  setMaxLength(chars: number): void {
    if (chars > 0) this.input.maxLength = chars;
  }

  add(message: ChatMessage): void {
    if (this.shown.has(message.id)) return;
    this.shown.add(message.id);
    const item = el("li", message.scope === ChatScope.WORLD ? "chat-world" : "chat-nearby");
    const time = new Date(Number(message.serverTimeMs));
    item.append(
      el("time", "chat-time", time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })),
      el("strong", "chat-sender", message.senderName),
      el("span", "chat-scope", message.scope === ChatScope.WORLD ? this.texts.get("park") : this.texts.get("nearby")),
      el("span", "chat-text", message.text),
    );
    this.append(item);
  }

  notice(text: string): void {
    this.append(el("li", "chat-notice", text));
  }

  private append(item: HTMLElement): void {
    this.list.appendChild(item);
    while (this.list.childElementCount > keep) this.list.firstElementChild?.remove();
    this.list.scrollTop = this.list.scrollHeight;
  }
}
