import type { AbstractEngine } from "@babylonjs/core/Engines/abstractEngine";
import type { Texts } from "../ui/texts";
import { el } from "../ui/dom";

/** What the person chose: draw every pixel, draw a quarter of them, or let the frame rate decide. */
export type GraphicsChoice = "auto" | "sharp" | "light";

const storageKey = "lingjing.world.graphics";
const choices: [GraphicsChoice, string][] = [["auto", "Graphics: automatic"], ["sharp", "Graphics: sharp"], ["light", "Graphics: light"]];
/** Automatic drops to light when frames take longer than this on average (fewer than 20 a second)... */
const slowFrameMs = 50;
/** ...over this much time spent drawing continuously, after the first frames (which compile shaders). */
const measureMs = 2000;
const framesIgnored = 3;

/**
 * The resolution the world is drawn at. On a slow machine (an old laptop, a phone, software rendering) drawing
 * half the width and height keeps walking and voice smooth; "automatic" does that by itself when the frame rate
 * stays low, and the person can pin either level in the top bar. The choice is remembered on this device.
 */
export class GraphicsQuality {
  readonly element: HTMLSelectElement;
  private choice: GraphicsChoice;
  private light = false;
  private frames = 0;
  private measuredMs = 0;

  constructor(private readonly engine: AbstractEngine, private readonly texts: Texts) {
    const stored = localStorage.getItem(storageKey);
    this.choice = choices.some(([c]) => c === stored) ? stored as GraphicsChoice : "auto";
    this.element = el("select", "form-select form-select-sm world-graphics");
    this.element.dataset.testid = "world-graphics";
    this.element.setAttribute("aria-label", texts.get("Graphics"));
    for (const [value, label] of choices) {
      const option = el("option", "", texts.get(label));
      option.value = value;
      this.element.append(option);
    }
    this.element.value = this.choice;
    this.element.addEventListener("change", () => this.choose(this.element.value as GraphicsChoice));
    this.apply(this.choice === "light");
  }

  /** "sharp" or "light": what is drawn now. */
  get level(): "sharp" | "light" {
    return this.light ? "light" : "sharp";
  }

  /** Call on each frame drawn right after another, with the time between the two. */
  frame(deltaMs: number): void {
    if (this.choice !== "auto" || this.light || ++this.frames <= framesIgnored) return;
    this.measuredMs += deltaMs;
    if (this.measuredMs < measureMs) return;
    if (this.measuredMs / (this.frames - framesIgnored) > slowFrameMs) this.apply(true);
    this.frames = framesIgnored; // a fresh measure from here on
    this.measuredMs = 0;
  }

  private choose(choice: GraphicsChoice): void {
    this.choice = choice;
    localStorage.setItem(storageKey, choice);
    this.frames = 0;
    this.measuredMs = 0;
    this.apply(choice === "light");
  }

  private apply(light: boolean): void {
    this.light = light;
    // Sharp follows the screen's pixel density; light draws one pixel for every two each way.
    const sharp = 1 / Math.max(1, window.devicePixelRatio || 1);
    this.engine.setHardwareScalingLevel(light ? sharp * 2 : sharp);
    this.element.dataset.level = this.level;
    this.element.title = this.texts.get(light ? "Drawn at half resolution to keep the world smooth" : "Drawn at full resolution");
  }
}
