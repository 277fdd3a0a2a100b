/** Where a remote avatar was at a server time. */
export interface PoseSample {
  t: number;
  x: number;
  z: number;
  heading: number;
}

const maxSamples = 20;

/** Server poses of one remote avatar, replayed a little in the past (renderDelayMs behind the
 * server clock) so there are always two samples to blend between and movement looks smooth at 10 Hz. */
export class PoseBuffer {
  private readonly samples: PoseSample[] = [];

  /** Adds a pose; true when it is somewhere else than the one before (the avatar moved or turned). */
  push(sample: PoseSample): boolean {
    const last = this.samples[this.samples.length - 1];
    const moved = !last || sample.x !== last.x || sample.z !== last.z || sample.heading !== last.heading;
    if (last && sample.t <= last.t) {
      if (sample.t === last.t) this.samples[this.samples.length - 1] = sample;
      return moved;
    }
    this.samples.push(sample);
    if (this.samples.length > maxSamples) this.samples.shift();
    return moved;
  }

  /** The pose at time t: blended between the samples around it, else the nearest one. */
  at(t: number): PoseSample | null {
    const s = this.samples;
    if (s.length === 0) return null;
    if (t <= s[0].t) return s[0];
    for (let i = s.length - 1; i > 0; i--) {
      const a = s[i - 1];
      const b = s[i];
      if (t >= a.t && t <= b.t) {
        const k = (t - a.t) / (b.t - a.t);
        return { t, x: a.x + (b.x - a.x) * k, z: a.z + (b.z - a.z) * k, heading: lerpAngle(a.heading, b.heading, k) };
      }
    }
    return s[s.length - 1];
  }

  /** The path as it is replayed: the pose at each received sample and a quarter of the way to the next. */
  replay(): number[] {
    const path: number[] = [];
    this.samples.forEach((sample, i) => {
      path.push(sample.x);
      const next = this.samples[i + 1];
      if (next) path.push(this.at(sample.t + (next.t - sample.t) / 4)!.x);
    });
    return path;
  }
}

/** Blends two angles (radians) the short way round. */
export function lerpAngle(a: number, b: number, k: number): number {
  let delta = (b - a) % (2 * Math.PI);
  if (delta > Math.PI) delta -= 2 * Math.PI;
  if (delta < -Math.PI) delta += 2 * Math.PI;
  return a + delta * k;
}

/** Estimates serverTime - localTime from snapshot stamps, smoothing out network jitter. */
export class ServerClock {
  private offset: number | null = null;

  observe(serverTimeMs: number, localMs: number): void {
    const sample = serverTimeMs - localMs;
    if (this.offset === null || Math.abs(sample - this.offset) > 1000) this.offset = sample;
    else this.offset += (sample - this.offset) * 0.05;
  }

  now(localMs: number): number {
    return localMs + (this.offset ?? 0);
  }
}
