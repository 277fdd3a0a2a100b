/** How many recent frames the figures cover (a few seconds of continuous drawing). */
const kept = 240;

/** The page's own frame figures over the last frames drawn back to back (a still view's occasional redraw is not a frame rate). */
export interface FrameFigures {
  /** Frames the figures cover. */
  frames: number;
  /** Time from one frame to the next, p50 and p95, in milliseconds. */
  intervalP50: number;
  intervalP95: number;
  /** Time spent drawing a frame (scene.render on the main thread), p50 and p95, in milliseconds. */
  renderP50: number;
  renderP95: number;
}

/** Keeps the last frames' intervals and drawing times, for diagnostics and the frame-time benchmark. */
export class FrameStats {
  private readonly intervals: number[] = [];
  private readonly renders: number[] = [];

  /** A frame drawn in renderMs; sinceLastMs after the previous frame when that was drawn on the tick before, else null. */
  record(renderMs: number, sinceLastMs: number | null): void {
    push(this.renders, renderMs);
    if (sinceLastMs !== null) push(this.intervals, sinceLastMs);
  }

  figures(): FrameFigures {
    return {
      frames: this.intervals.length,
      intervalP50: percentile(this.intervals, 0.5),
      intervalP95: percentile(this.intervals, 0.95),
      renderP50: percentile(this.renders, 0.5),
      renderP95: percentile(this.renders, 0.95),
    };
  }
}

function push(values: number[], value: number): void {
  values.push(value);
  if (values.length > kept) values.shift();
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
}
