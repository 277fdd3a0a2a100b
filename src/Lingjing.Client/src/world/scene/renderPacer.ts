import type { Scene } from "@babylonjs/core/scene";
import { FrameStats } from "./frameStats";

/** A still view is redrawn this often, in case something changed that did not ask for a frame (requestFrame). */
const idleRedrawMs = 2000;
/** How long the world keeps drawing every frame after something happened (a key, a drag, a move). */
const wakeMs = 1000;

/**
 * Draws the world only as often as it changes. While anything moves (you, the camera, someone else, an emote, a
 * headset) every frame is drawn; a change in a still view (a name tag, a colour, a model loaded) asks for one frame;
 * otherwise a still view is redrawn every two seconds. Someone standing in a meeting keeps a cool
 * laptop and a full battery, and the processor is left to voice and video. Work that must follow the clock rather
 * than the picture (voice activity, audio positions) runs on every tick whether or not it draws.
 */
export class RenderPacer {
  private readonly busySources: (() => boolean)[] = [];
  private readonly tickHandlers: ((now: number) => void)[] = [];
  private busyUntil = 0;
  private lastDrawn = -Infinity;
  private drewLastTick = false;
  private drawn = 0;
  private frameRequested = false;
  /** Intervals and drawing times of recent frames (the page's own frame-time figures). */
  readonly stats = new FrameStats();

  constructor(private readonly scene: Scene, canvas: HTMLCanvasElement) {
    const wake = () => this.wake();
    for (const event of ["pointerdown", "wheel", "touchstart"]) canvas.addEventListener(event, wake, { passive: true });
    canvas.addEventListener("pointermove", e => { if (e.buttons !== 0) this.wake(); }, { passive: true }); // a drag turns the view
    for (const event of ["keydown", "keyup", "resize"]) window.addEventListener(event, wake);
    this.wake(2 * wakeMs); // the first frames: models and labels arrive
  }

  /** Draw every frame for a while from now (something changed, or is about to). */
  wake(ms = wakeMs): void {
    this.busyUntil = Math.max(this.busyUntil, performance.now() + ms);
  }

  /** Draw one frame soon: something in a still view changed (a label, a colour, a model). */
  requestFrame(): void {
    this.frameRequested = true;
  }

  /** Draw every frame while this says so (you are walking, someone plays an emote, a headset is on). */
  busyWhile(source: () => boolean): void {
    this.busySources.push(source);
  }

  /** Run on every tick of the loop, drawn or not. */
  onTick(handler: (now: number) => void): void {
    this.tickHandlers.push(handler);
  }

  /** True while every frame is drawn; false in a still view. */
  get busy(): boolean {
    return performance.now() < this.busyUntil || this.busySources.some(busy => busy());
  }

  /** How many frames have been drawn since the page opened. */
  get framesDrawn(): number {
    return this.drawn;
  }

  /** True when the previous tick drew too: the time between the two is how long a frame takes. */
  get drawingEveryFrame(): boolean {
    return this.drewLastTick;
  }

  /** The render loop's body: runs the tick handlers, then draws if anything asks for it. */
  tick(): void {
    const now = performance.now();
    for (const handler of this.tickHandlers) handler(now);
    const draw = this.frameRequested || this.busy || now - this.lastDrawn >= idleRedrawMs;
    if (draw) {
      this.frameRequested = false;
      const started = performance.now();
      this.scene.render();
      this.stats.record(performance.now() - started, this.drewLastTick ? now - this.lastDrawn : null);
      this.lastDrawn = now;
      this.drawn++;
    }
    this.drewLastTick = draw;
  }
}
