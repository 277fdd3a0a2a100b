import type { StandSceneData } from "../scene/worldScene";
import type { Texts } from "./texts";
import { el } from "./dom";

/** The card of a stand in an expo hall, shown when it is clicked: the booth and its exhibitor, a link to the booth's
 * page, and "Leave my card", sent only once the visitor ticks their consent. Opening it counts a visit (once a day). */
export class BoothCard {
  readonly element: HTMLElement;

  constructor(private readonly texts: Texts, private readonly api: string) {
    this.element = el("section", "world-panel world-space world-booth");
    this.element.hidden = true;
    this.element.setAttribute("role", "dialog");
    this.element.dataset.testid = "booth-card";
  }

  show(stand: StandSceneData): void {
    const t = this.texts;
    const close = el("button", "btn-close float-end");
    close.type = "button";
    close.setAttribute("aria-label", t.get("Close"));
    close.addEventListener("click", () => this.hide());
    const link = el("a", "btn btn-sm btn-outline-primary w-100 mb-2", t.get("Open the booth's page"));
    link.href = `/expo/booths/${stand.boothId}`;
    link.target = "_blank";
    const consent = el("input", "form-check-input");
    consent.type = "checkbox";
    consent.id = `consent-${stand.boothId}`;
    consent.dataset.testid = "booth-consent";
    const consentLabel = el("label", "form-check-label small", t.get("Share my name, e-mail and enterprise with this exhibitor."));
    consentLabel.htmlFor = consent.id;
    const check = el("div", "form-check mb-2");
    check.append(consent, consentLabel);
    const leave = el("button", "btn btn-sm btn-primary w-100", t.get("Leave my card"));
    leave.type = "button";
    leave.disabled = true;
    leave.dataset.testid = "booth-leave-card";
    consent.addEventListener("change", () => { leave.disabled = !consent.checked; });
    const status = el("p", "small mt-2 mb-0");
    status.setAttribute("role", "status");
    leave.addEventListener("click", async () => {
      leave.disabled = true;
      const ok = await this.post(`/${stand.boothId}/cards`, { consent: true });
      status.textContent = t.get(ok ? "Your card is with the exhibitor." : "That did not work. Please try again.");
      leave.disabled = ok;
    });
    this.element.replaceChildren(close,
      el("div", "small text-body-secondary", t.format("Booth {0}", stand.code)),
      el("h2", "world-panel-title", t.chinese ? stand.titleZh : stand.titleEn),
      el("p", "small", t.chinese ? stand.exhibitorZh : stand.exhibitorEn),
      link, check, leave, status);
    this.element.dataset.boothId = String(stand.boothId);
    this.element.hidden = false;
    void this.post(`/${stand.boothId}/visits`, undefined);
  }

  hide(): void {
    this.element.hidden = true;
  }

  private async post(path: string, body: object | undefined): Promise<boolean> {
    try {
      const response = await fetch(this.api + path, {
        method: "POST", credentials: "same-origin",
        headers: body ? { "Content-Type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined,
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}
