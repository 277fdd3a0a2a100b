// The controls people expect for voice and video: microphone, camera, screen, do-not-disturb and the
// devices to use, with a line that says what is going on (a refused permission, a missing device, a
// group larger than the direct connections reach).
import { el } from "../ui/dom";
import type { Texts } from "../ui/texts";
import type { LocalMedia, MediaProblem } from "./localMedia";

const problemText: Record<MediaProblem, string> = {
  denied: "The browser was not allowed to use it. Allow the microphone and camera for this site in the browser's settings, then try again.",
  missing: "No such device was found. Connect one, or choose another under Devices.",
  busy: "The device is in use by another program.",
  unsupported: "This browser cannot send voice or video here (it needs a secure https:// page).",
  failed: "The device could not be started.",
};

/** The key held for push-to-talk. */
export const pushToTalkKey = "v";

export class MediaBar {
  readonly element: HTMLElement;
  private readonly mic: HTMLButtonElement;
  private readonly camera: HTMLButtonElement;
  private readonly screen: HTMLButtonElement;
  private readonly quiet: HTMLButtonElement;
  private readonly devices: HTMLButtonElement;
  private readonly picker: HTMLElement;
  private readonly status: HTMLElement;
  private readonly preview: HTMLVideoElement;
  private problem = "";
  private note = "";

  constructor(private readonly texts: Texts, private readonly local: LocalMedia, private readonly gesture: () => void) {
    this.element = el("section", "world-media");
    this.element.setAttribute("aria-label", texts.get("Voice and video"));
    this.mic = this.toggle("media-mic", "Microphone", () => this.run(() => local.setMicrophone(!local.microphoneOn)));
    this.camera = this.toggle("media-camera", "Camera", () => this.run(() => local.setCamera(!local.cameraOn)));
    this.screen = this.toggle("media-screen", "Share screen", () => this.run(() => local.setScreen(!local.screenOn)));
    this.quiet = this.toggle("media-dnd", "Do not disturb", () => {
      local.setDoNotDisturb(!local.doNotDisturb);
      return Promise.resolve();
    });
    this.devices = this.toggle("media-devices", "Devices", () => this.togglePicker());
    this.picker = el("div", "world-media-devices");
    this.picker.hidden = true;
    this.status = el("div", "world-media-status");
    this.status.dataset.testid = "media-status";
    this.status.setAttribute("role", "status");
    this.preview = document.createElement("video");
    this.preview.className = "world-media-preview";
    this.preview.muted = true;
    this.preview.playsInline = true;
    this.preview.hidden = true;
    const buttons = el("div", "btn-group btn-group-sm");
    buttons.append(this.mic, this.camera, this.screen, this.quiet, this.devices);
    this.element.append(buttons, this.picker, this.status, this.preview);
    local.onChange(() => this.render());
    this.render();
  }

  /** A line about the connections (e.g. more people nearby than direct connections reach); empty for none. */
  setNote(note: string): void {
    if (note === this.note) return;
    this.note = note;
    this.render();
  }

  private toggle(testId: string, label: string, act: () => Promise<void>): HTMLButtonElement {
    const button = el("button", "btn btn-light", this.texts.get(label));
    button.type = "button";
    button.dataset.testid = testId;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      this.gesture();
      void act();
    });
    return button;
  }

  private async run(change: () => Promise<MediaProblem | null>): Promise<void> {
    const problem = await change();
    this.problem = problem ? this.texts.get(problemText[problem]) : "";
    this.element.dataset.problem = problem ?? "";
    this.render();
  }

  private async togglePicker(): Promise<void> {
    this.picker.hidden = !this.picker.hidden;
    this.devices.setAttribute("aria-pressed", String(!this.picker.hidden));
    if (this.picker.hidden) return;
    const { microphones, cameras } = await this.local.devices();
    this.picker.replaceChildren(
      this.select("Microphone", microphones, this.local.microphoneId, id => this.run(() => this.local.useMicrophone(id))),
      this.select("Camera", cameras, this.local.cameraId, id => this.run(() => this.local.useCamera(id))));
  }

  private select(label: string, devices: MediaDeviceInfo[], chosen: string, use: (id: string) => Promise<void>): HTMLElement {
    const field = el("label", "form-label small mb-1");
    const select = el("select", "form-select form-select-sm");
    select.append(new Option(this.texts.get("Default"), ""));
    devices.forEach((d, i) => select.append(new Option(d.label || `${this.texts.get(label)} ${i + 1}`, d.deviceId, false, d.deviceId === chosen)));
    if (devices.length === 0) select.append(new Option(this.texts.get("None found"), "", false, false));
    select.addEventListener("change", () => void use(select.value));
    field.append(this.texts.get(label), select);
    return field;
  }

  private render(): void {
    const local = this.local;
    press(this.mic, local.microphoneOn, local.sendingAudio && local.speaking);
    press(this.camera, local.cameraOn);
    press(this.screen, local.screenOn);
    press(this.quiet, local.doNotDisturb);
    this.element.dataset.sending = [local.sendingAudio && "audio", local.cameraOn && "camera", local.screenOn && "screen"].filter(Boolean).join(" ");
    const preview = local.cameraStream();
    this.preview.hidden = !preview;
    if (preview && this.preview.srcObject === null) {
      this.preview.srcObject = preview;
      void this.preview.play().catch(() => undefined);
    } else if (!preview) this.preview.srcObject = null;
    const lines = [this.problem, local.doNotDisturb ? this.texts.get("Do not disturb: you neither hear nor are heard.") : "", this.note];
    if (!this.problem && !local.doNotDisturb && !local.sendingAudio && !local.cameraOn)
      lines.push(this.texts.format("Hold {0} to talk, or turn the microphone on.", pushToTalkKey.toUpperCase()));
    this.status.textContent = lines.filter(Boolean).join(" ");
  }
}

function press(button: HTMLButtonElement, on: boolean, speaking = false): void {
  button.setAttribute("aria-pressed", String(on));
  button.classList.toggle("btn-primary", on);
  button.classList.toggle("btn-light", !on);
  button.classList.toggle("speaking", speaking);
}
