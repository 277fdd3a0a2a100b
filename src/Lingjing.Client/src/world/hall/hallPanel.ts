import { el } from "../ui/dom";
import type { Texts } from "../ui/texts";
import { listen, type StreamState } from "../../live/eventStream";
import { HallApi, reactionEmoji, type ChatLine, type Floor, type HallInstances, type ReactionCounts, type StagePerson, type StageState } from "./hallApi";

/** At most this many emoji float up at once per reaction message: a hall clapping is shown, not counted. */
const maxFloating = 12;

/** How often the instances (people in each, your colleagues) are read again. */
const instancesEvery = 20_000;

/**
 * An event hall's own panel: who is on stage and at the microphone, a raised hand, emoji reactions floating up over
 * the hall, the chat of the session running now; for organisers, the raised hands to bring on stage or give the
 * microphone, and a hide button on each message. Everything arrives over the event's stream (stage, chat, reaction);
 * whoever is put on stage walks onto it.
 */
export class HallPanel {
  readonly element: HTMLElement;
  readonly reactions: HTMLElement;
  private readonly speakers: HTMLElement;
  private readonly hands: HTMLElement;
  private readonly myButton: HTMLButtonElement;
  private readonly chatList: HTMLElement;
  private readonly chatInput: HTMLInputElement;
  private readonly note: HTMLElement;
  private readonly questions: HTMLElement;
  private readonly questionInput: HTMLInputElement;
  private readonly instances: HTMLElement;
  private readonly state = el("span", "hall-state");
  private stage: StageState | null = null;

  constructor(private readonly texts: Texts, private readonly api: HallApi, private readonly userId: string,
    private readonly walk: { onStage(index: number, of: number): void; offStage(): void }) {
    this.element = el("section", "world-panel world-hall");
    this.element.setAttribute("aria-label", texts.get("The stage"));
    this.element.dataset.testid = "hall-panel";
    const title = el("h2", "world-panel-title", texts.get("The stage"));
    title.append(" ", this.state);
    this.speakers = el("ul", "hall-speakers");
    this.speakers.dataset.testid = "hall-speakers";
    this.myButton = el("button", "btn btn-sm btn-outline-primary", texts.get("Raise hand"));
    this.myButton.type = "button";
    this.myButton.dataset.testid = "hall-hand";
    this.myButton.addEventListener("click", () => void this.toggleMine());
    this.hands = el("ul", "hall-hands");
    this.hands.dataset.testid = "hall-hands";
    const emoji = el("div", "hall-emoji");
    emoji.setAttribute("role", "group");
    emoji.setAttribute("aria-label", texts.get("React"));
    for (const e of reactionEmoji) {
      const button = el("button", "btn btn-sm btn-light", e);
      button.type = "button";
      button.dataset.testid = "hall-react";
      button.addEventListener("click", () => void this.api.react(e).catch(error => this.say(error)));
      emoji.append(button);
    }
    this.chatList = el("ol", "hall-chat");
    this.chatList.dataset.testid = "hall-chat";
    this.chatList.setAttribute("aria-live", "polite");
    const form = el("form", "world-chat-form");
    this.chatInput = el("input", "form-control form-control-sm");
    this.chatInput.maxLength = 300;
    this.chatInput.placeholder = texts.get("Write to the session's chat");
    this.chatInput.setAttribute("aria-label", texts.get("Message"));
    this.chatInput.dataset.testid = "hall-say";
    this.chatInput.addEventListener("keydown", e => e.stopPropagation()); // typing must not walk the avatar
    const send = el("button", "btn btn-sm btn-primary", texts.get("Send"));
    send.type = "submit";
    form.append(this.chatInput, send);
    form.addEventListener("submit", e => {
      e.preventDefault();
      void this.post();
    });
    this.note = el("p", "hall-note");
    this.note.setAttribute("role", "status");
    this.questions = el("ol", "hall-questions");
    this.questions.dataset.testid = "hall-questions";
    const askForm = el("form", "world-chat-form");
    this.questionInput = el("input", "form-control form-control-sm");
    this.questionInput.maxLength = 500;
    this.questionInput.placeholder = texts.get("Ask the stage a question");
    this.questionInput.setAttribute("aria-label", texts.get("Question"));
    this.questionInput.dataset.testid = "hall-ask";
    this.questionInput.addEventListener("keydown", e => e.stopPropagation());
    const ask = el("button", "btn btn-sm btn-outline-primary", texts.get("Ask"));
    ask.type = "submit";
    askForm.append(this.questionInput, ask);
    askForm.addEventListener("submit", e => {
      e.preventDefault();
      void this.askQuestion();
    });
    this.instances = el("div", "hall-instances");
    this.instances.dataset.testid = "hall-instances";
    this.element.append(title, this.instances, this.speakers, this.myButton, this.hands, emoji,
      el("h3", "hall-subtitle", texts.get("Questions")), this.questions, askForm,
      el("h3", "hall-subtitle", texts.get("Session chat")), this.chatList, form, this.note);
    this.reactions = el("div", "hall-reactions");
    this.reactions.setAttribute("aria-hidden", "true");
  }

  /** Follows the event's stream until the page goes, and reads the instances now and then. */
  start(): void {
    void this.readInstances();
    window.setInterval(() => void this.readInstances(), instancesEvery);
    listen(this.api.stream, {
      events: {
        stage: data => this.showStage(data as StageState),
        chat: data => this.showChat(data as ChatLine[]),
        floor: data => this.showQuestions(data as Floor),
        reaction: data => this.float(data as ReactionCounts),
      },
      state: (state: StreamState) => {
        this.state.textContent = state === "live" ? "" : this.texts.get(state === "connecting" ? "Connecting…" : "Reconnecting…");
        this.element.dataset.stream = state;
      },
    });
  }

  /** The stage as the stream says now: for tests and the status hook. */
  get current(): StageState | null {
    return this.stage;
  }

  private showStage(stage: StageState): void {
    const before = this.stage?.myPlace;
    this.stage = stage;
    this.element.dataset.myPlace = stage.myPlace;
    this.speakers.replaceChildren(...(stage.speakers.length === 0
      ? [el("li", "hall-empty", this.texts.get("Nobody is on stage yet."))]
      : stage.speakers.map(p => this.person(p, stage.moderator ? [["Back to audience", "audience"]] : []))));
    const label = { audience: "Raise hand", hand: "Lower hand", microphone: "Give the microphone back", stage: "Leave the stage" }[stage.myPlace];
    this.myButton.textContent = this.texts.get(label);
    this.myButton.classList.toggle("active", stage.myPlace !== "audience");
    this.hands.hidden = !stage.moderator;
    this.hands.replaceChildren(...(stage.hands.length === 0
      ? [el("li", "hall-empty", this.texts.get("No hands raised."))]
      : stage.hands.map(p => this.person(p, [["Bring on stage", "stage"], ["Give the microphone", "microphone"], ["Lower their hand", "audience"]]))));
    if (stage.moderator && stage.myPlace === "audience") {
      // An organiser steps on stage with their own button.
      this.myButton.textContent = this.texts.get("Go on stage");
    }
    if (stage.myPlace === "stage" && before !== "stage") {
      const index = stage.speakers.filter(p => p.place === "stage").findIndex(p => p.userId === this.userId);
      this.walk.onStage(Math.max(0, index), stage.speakers.filter(p => p.place === "stage").length);
    } else if (before === "stage" && stage.myPlace !== "stage") this.walk.offStage();
  }

  private async readInstances(): Promise<void> {
    try {
      this.showInstances(await this.api.instances());
    } catch {
      // The list is a convenience: the hall works without it, and the next reading may succeed.
    }
  }

  /** Which instance of the hall you are in, and the others with how many of your colleagues, to move to theirs. */
  private showInstances(seen: HallInstances): void {
    const texts = this.texts;
    this.instances.hidden = seen.instances.length < 2;
    this.instances.dataset.yours = String(seen.yours ?? "");
    const mine = seen.instances.find(i => i.instance === seen.yours);
    const summary = el("p", "hall-instance-summary", texts.format("Instance {0} of {1}: the stage is the same in every one.", String(seen.yours ?? "?"), String(seen.instances.length)));
    const list = el("ul", "hall-instance-list");
    for (const i of seen.instances) {
      if (i === mine) continue;
      const item = el("li", "hall-instance");
      item.dataset.instance = String(i.instance);
      item.append(el("span", "", texts.format("Instance {0}", String(i.instance))),
        el("span", "hall-place", texts.format("people: {0} · colleagues: {1}", String(i.people), String(i.colleagues))));
      if (i.full) item.append(el("span", "hall-place", texts.get("full")));
      else {
        const move = el("a", "btn btn-sm btn-outline-secondary", texts.get("Move here"));
        move.href = i.page;
        move.dataset.testid = "hall-move";
        item.append(move);
      }
      list.append(item);
    }
    this.instances.replaceChildren(summary, list);
  }

  private person(p: StagePerson, actions: [string, "stage" | "microphone" | "audience"][]): HTMLElement {
    const item = el("li", `hall-person hall-${p.place}`);
    item.dataset.userId = p.userId;
    item.append(el("span", "hall-name", p.name), el("span", "hall-place", this.texts.get(p.place === "stage" ? "on stage" : p.place === "microphone" ? "microphone" : "hand raised")));
    for (const [text, place] of actions) {
      const button = el("button", "btn btn-sm btn-outline-secondary", this.texts.get(text));
      button.type = "button";
      button.dataset.place = place;
      button.addEventListener("click", () => void this.api.place(p.userId, place).then(s => this.showStage(s)).catch(error => this.say(error)));
      item.append(button);
    }
    return item;
  }

  private async toggleMine(): Promise<void> {
    const stage = this.stage;
    if (!stage) return;
    try {
      const next = stage.myPlace !== "audience" ? await this.api.stepBack()
        : stage.moderator ? await this.api.place(this.userId, "stage")
        : await this.api.raiseHand();
      this.showStage(next);
    } catch (error) {
      this.say(error);
    }
  }

  private showChat(lines: ChatLine[]): void {
    const moderator = this.stage?.moderator ?? false;
    this.chatList.replaceChildren(...(lines.length === 0 ? [el("li", "hall-empty", this.texts.get("No messages in this session yet."))] : lines.map(line => {
      const item = el("li", line.mine ? "mine" : "");
      item.dataset.messageId = String(line.id);
      item.append(el("time", "chat-time", new Date(line.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })),
        el("strong", "chat-sender", line.authorName), el("span", "", line.text));
      if (moderator) {
        const hide = el("button", "btn btn-link btn-sm p-0 ms-1", this.texts.get("Hide"));
        hide.type = "button";
        hide.addEventListener("click", () => void this.api.hide(line.id).catch(error => this.say(error)));
        item.append(hide);
      }
      return item;
    })));
    this.chatList.scrollTop = this.chatList.scrollHeight;
  }

  /** The open questions by upvotes, then the answered ones: upvote once each. */
  private showQuestions(floor: Floor): void {
    const shown = floor.questions.filter(q => q.status !== "hidden").slice(0, 8);
    this.questions.replaceChildren(...(shown.length === 0 ? [el("li", "hall-empty", this.texts.get("No questions yet."))] : shown.map(q => {
      const item = el("li", `hall-question hall-${q.status}`);
      item.dataset.questionId = String(q.id);
      const up = el("button", `btn btn-sm ${q.upvotedByMe ? "btn-primary" : "btn-outline-secondary"}`, `▲ ${q.upvotes}`);
      up.type = "button";
      up.disabled = q.upvotedByMe || q.mine;
      up.setAttribute("aria-label", this.texts.get("Upvote"));
      up.addEventListener("click", () => void this.api.upvote(q.id).catch(error => this.say(error)));
      item.append(up, el("span", "", q.text));
      if (q.status === "answered") item.append(el("span", "hall-place", this.texts.get("answered")));
      return item;
    })));
  }

  private async askQuestion(): Promise<void> {
    const text = this.questionInput.value.trim();
    if (!text) return;
    try {
      await this.api.ask(text);
      this.questionInput.value = "";
    } catch (error) {
      this.say(error);
    }
  }

  private async post(): Promise<void> {
    const text = this.chatInput.value.trim();
    if (!text) return;
    try {
      await this.api.say(text);
      this.chatInput.value = "";
      this.note.textContent = "";
    } catch (error) {
      this.say(error);
    }
  }

  /** Emoji float up from the bottom of the hall, one per reaction up to a dozen at a time. */
  private float(counts: ReactionCounts): void {
    let shown = 0;
    for (const [emoji, count] of Object.entries(counts)) {
      for (let i = 0; i < count && shown < maxFloating; i++, shown++) {
        const bubble = el("span", "hall-reaction", emoji);
        bubble.style.left = `${10 + Math.random() * 80}%`;
        bubble.style.animationDelay = `${Math.random() * 0.4}s`;
        bubble.addEventListener("animationend", () => bubble.remove());
        this.reactions.append(bubble);
      }
    }
    this.reactions.dataset.received = String(Number(this.reactions.dataset.received ?? 0) + Object.values(counts).reduce((a, b) => a + b, 0));
  }

  private say(error: unknown): void {
    this.note.textContent = error instanceof Error ? error.message : this.texts.get("That did not work. Please try again.");
  }
}
