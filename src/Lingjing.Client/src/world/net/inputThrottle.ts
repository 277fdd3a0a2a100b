import { MovementState } from "../protocol/world_pb";

export interface AvatarPose {
  x: number;
  z: number;
  heading: number;
  state: MovementState;
}

/** Decides when to send Input: only when the pose changed (moved ≥ 1 cm, turned, or changed state),
 * and never more often than maxHz, so a standing avatar sends nothing. */
export class InputThrottle {
  private last: AvatarPose | null = null;
  private lastSentAt = -Infinity;
  private readonly intervalMs: number;

  constructor(maxHz = 15) {
    this.intervalMs = 1000 / maxHz;
  }

  /** The pose to send now, or null. */
  offer(pose: AvatarPose, nowMs: number): AvatarPose | null {
    if (nowMs - this.lastSentAt < this.intervalMs) return null;
    if (this.last && !changed(this.last, pose)) return null;
    this.last = { ...pose };
    this.lastSentAt = nowMs;
    return pose;
  }

  /** Forget what was sent (a new connection must hear the pose again). */
  reset(): void {
    this.last = null;
    this.lastSentAt = -Infinity;
  }
}

function changed(a: AvatarPose, b: AvatarPose): boolean {
  return Math.abs(a.x - b.x) >= 0.01 || Math.abs(a.z - b.z) >= 0.01 || Math.abs(a.heading - b.heading) >= 0.01 || a.state !== b.state;
}
