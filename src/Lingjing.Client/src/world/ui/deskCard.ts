import type { StandSceneData } from "../scene/worldScene";
import type { Texts } from "./texts";
import { el } from "./dom";

/** A desk of the service hall as GET /api/v1/service-hall/desks gives it. */
interface Desk {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  open: boolean;
  closesAt: string | null;
  nextOpening: string | null;
  queueLength: number;
  officialsOnDuty: number;
  etaMinutes: number;
  appointmentSpaceId: number | null;
}

/** A visitor's number (TicketView). */
export interface Ticket {
  id: string;
  number: string;
  deskId: number;
  deskCode: string;
  status: "waiting" | "called" | "done" | "no-show" | "transferred" | "left";
  position: number | null;
  etaMinutes: number | null;
  officialName: string | null;
  transferredTo: string | null;
}

const time = (iso: string | null) => iso ? iso.slice(11, 16) : "";
const day = (iso: string | null) => iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : "";

/**
 * The service hall in the world: a desk's card when it is clicked (open or when it opens, its queue and wait, "Take a
 * number" or, outside its hours, its appointment room; for officials, signing in to it and calling the next number),
 * and the badge of the visitor's number, followed live from its stream: its place, then the call, which walks the
 * visitor up to the desk's counter, where the official behind it hears and sees them.
 */
export class DeskCard {
  readonly element: HTMLElement;
  readonly badge: HTMLElement;
  private ticket: Ticket | null = null;
  private source: EventSource | null = null;

  constructor(
    private readonly texts: Texts,
    private readonly api: string,
    private readonly official: boolean,
    private readonly stands: StandSceneData[],
    private readonly walk: (stand: StandSceneData, behindCounter: boolean) => void,
  ) {
    this.element = el("section", "world-panel world-space world-desk");
    this.element.hidden = true;
    this.element.setAttribute("role", "dialog");
    this.element.dataset.testid = "desk-card";
    this.badge = el("div", "world-panel world-ticket");
    this.badge.hidden = true;
    this.badge.setAttribute("role", "status");
    this.badge.dataset.testid = "ticket-badge";
  }

  /** The number this person holds, if any, followed from now on. */
  async start(): Promise<void> {
    const mine = await this.get<Ticket[]>("/tickets/mine");
    const held = mine?.find(t => t.status === "waiting" || t.status === "called");
    if (held) this.follow(held);
  }

  current(): Ticket | null {
    return this.ticket;
  }

  async show(stand: StandSceneData): Promise<void> {
    const t = this.texts;
    const desks = await this.get<Desk[]>("/desks");
    const desk = desks?.find(d => d.id === stand.boothId);
    if (!desk) return;
    const close = el("button", "btn-close float-end");
    close.type = "button";
    close.setAttribute("aria-label", t.get("Close"));
    close.addEventListener("click", () => this.hide());
    const status = el("p", "small mt-2 mb-0");
    status.setAttribute("role", "status");
    const parts: HTMLElement[] = [close, el("div", "small text-body-secondary", t.format("Desk {0}", desk.code)),
      el("h2", "world-panel-title", t.chinese ? desk.nameZh : desk.nameEn),
      el("p", "small mb-1", desk.open ? t.format("Open until {0}", time(desk.closesAt)) : t.format("Closed; opens {0}", day(desk.nextOpening))),
      el("p", "small mb-2", t.format("{0} waiting · wait about {1} min · {2} officials on duty", desk.queueLength, desk.etaMinutes, desk.officialsOnDuty))];
    const mine = this.ticket;
    if (mine && (mine.status === "waiting" || mine.status === "called")) {
      parts.push(el("p", "small fw-semibold mb-2", mine.deskId === desk.id
        ? t.format("Your number {0}", mine.number)
        : t.format("You hold number {0} at desk {1}.", mine.number, mine.deskCode)));
      if (mine.deskId === desk.id) parts.push(this.button(t.get("Leave the queue"), "btn-outline-danger", "desk-leave", async () => {
        const left = await this.send("DELETE", `/tickets/${mine.id}`);
        if (left) {
          this.update(left as Ticket);
          await this.show(stand);
        } else status.textContent = t.get("That did not work. Please try again.");
      }));
    } else if (desk.open) {
      parts.push(this.button(t.get("Take a number"), "btn-primary", "desk-take-number", async () => {
        const taken = await this.send("POST", `/desks/${desk.id}/tickets`);
        if (taken) {
          this.follow(taken as Ticket);
          await this.show(stand); // the card now shows the number and how to leave the queue
        } else status.textContent = t.get("That did not work. Please try again.");
      }));
    } else if (desk.appointmentSpaceId !== null) {
      const book = el("a", "btn btn-sm btn-outline-primary w-100", t.get("Book an appointment"));
      book.href = `/directory/spaces/${desk.appointmentSpaceId}#book`;
      book.target = "_blank";
      parts.push(book);
    }
    if (this.official) {
      parts.push(el("hr", "my-2"));
      parts.push(this.button(t.get("Sign in to this desk"), "btn-outline-success", "desk-sign-in", async () => {
        const ok = await this.send("POST", `/desks/${desk.id}/sign-in`);
        status.textContent = t.get(ok ? "You are on duty at this desk." : "That did not work. Please try again.");
        if (ok) this.walk(stand, true);
      }));
      parts.push(this.button(t.get("Call the next number"), "btn-outline-primary mt-1", "desk-call-next", async () => {
        const called = await this.send("POST", `/desks/${desk.id}/call-next`);
        status.textContent = called ? t.format("Number {0} is called.", (called as Ticket).number) : t.get("Nobody is waiting, or you are not signed in to this desk.");
      }));
      const console = el("a", "btn btn-sm btn-link w-100", t.get("Open the desk's console"));
      console.href = `/gov/service-hall/desks/${desk.id}`;
      console.target = "_blank";
      parts.push(console);
    }
    parts.push(status);
    this.element.replaceChildren(...parts);
    this.element.dataset.deskId = String(desk.id);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }

  private follow(ticket: Ticket): void {
    this.source?.close();
    this.update(ticket);
    this.source = new EventSource(`${this.api}/tickets/${ticket.id}/stream`, { withCredentials: true });
    this.source.addEventListener("ticket", e => this.update(JSON.parse((e as MessageEvent<string>).data) as Ticket));
  }

  private update(ticket: Ticket): void {
    const t = this.texts;
    const wasCalled = this.ticket?.id === ticket.id && this.ticket.status === "called";
    this.ticket = ticket;
    this.badge.hidden = false;
    this.badge.dataset.status = ticket.status;
    this.badge.dataset.number = ticket.number;
    const stand = this.stands.find(s => s.boothId === ticket.deskId);
    const line = (() => {
      switch (ticket.status) {
        case "waiting": return t.format("Number {0} · position {1} · about {2} min", ticket.number, ticket.position ?? "…", ticket.etaMinutes ?? "…");
        case "called": return t.format("Number {0} is called: go to desk {1}.", ticket.number, ticket.deskCode);
        case "done": return t.format("Number {0} is done.", ticket.number);
        case "transferred": return t.format("Number {0} was transferred.", ticket.number);
        default: return t.format("Number {0} is no longer in the queue.", ticket.number);
      }
    })();
    const parts: HTMLElement[] = [el("div", "small fw-semibold", line)];
    if (ticket.status === "called" && stand) {
      parts.push(this.button(t.get("Walk to the desk"), "btn-success mt-1", "ticket-walk", async () => this.walk(stand, false)));
      if (!wasCalled) this.walk(stand, false); // called just now: up to the counter
    }
    if (ticket.status === "done" || ticket.status === "transferred") {
      const link = el("a", "btn btn-sm btn-link p-0", t.get(ticket.status === "done" ? "Rate the service" : "Your new number"));
      link.href = `/service-hall?ticket=${ticket.transferredTo ?? ticket.id}`;
      parts.push(link);
      if (ticket.status === "transferred" && ticket.transferredTo) void this.get<Ticket>(`/tickets/${ticket.transferredTo}`).then(next => next && this.follow(next));
    }
    if (ticket.status !== "waiting" && ticket.status !== "called") this.source?.close();
    this.badge.replaceChildren(...parts);
  }

  private button(text: string, kind: string, testid: string, act: () => Promise<void>): HTMLButtonElement {
    const button = el("button", `btn btn-sm ${kind} w-100`, text);
    button.type = "button";
    button.dataset.testid = testid;
    button.addEventListener("click", async () => {
      button.disabled = true;
      try { await act(); } finally { button.disabled = false; }
    });
    return button;
  }

  private async get<T>(path: string): Promise<T | null> {
    try {
      const response = await fetch(this.api + path, { credentials: "same-origin", headers: { Accept: "application/json" } });
      return response.ok ? await response.json() as T : null;
    } catch {
      return null;
    }
  }

  private async send(method: string, path: string): Promise<unknown> {
    try {
      const response = await fetch(this.api + path, { method, credentials: "same-origin" });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  }
}
