import type { Scene } from "@babylonjs/core/scene";
import type { ArcRotateCamera } from "@babylonjs/core/Cameras/arcRotateCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { AvatarFigure } from "./avatarFigure";

export const walkSpeed = 4;
export const runSpeed = 8;

/** Moves your own avatar from the keyboard (WASD/arrows, Shift to run), a clicked ground point and the
 * touch joystick, relative to where the camera looks; the camera follows in third person. */
export class LocalAvatar {
  private readonly keys = new Set<string>();
  private target: Vector3 | null = null;
  private stick = { x: 0, y: 0 };
  private heading = 0;
  moving = false;
  running = false;

  constructor(
    private readonly scene: Scene,
    readonly figure: AvatarFigure,
    private readonly camera: ArcRotateCamera,
    private readonly bounds: [number, number, number, number],
  ) {
    window.addEventListener("keydown", e => {
      if (isTyping(e)) return;
      const key = e.key.toLowerCase();
      if (movementKeys.has(key)) {
        this.keys.add(key);
        this.target = null;
        e.preventDefault();
      }
      if (e.key === "Shift") this.keys.add("shift");
    });
    window.addEventListener("keyup", e => {
      this.keys.delete(e.key.toLowerCase());
      if (e.key === "Shift") this.keys.delete("shift");
    });
    window.addEventListener("blur", () => this.keys.clear());
    scene.onBeforeRenderObservable.add(() => this.update(scene.getEngine().getDeltaTime() / 1000));
  }

  get position(): Vector3 {
    return this.figure.root.position;
  }

  /** Radians about the vertical axis; 0 faces north (+z). */
  get headingRadians(): number {
    return this.heading;
  }

  moveTo(point: Vector3): void {
    this.target = new Vector3(point.x, 0, point.z);
  }

  /** The joystick's deflection, -1..1 each way (y up = forward). */
  setStick(x: number, y: number): void {
    this.stick = { x, y };
    if (x !== 0 || y !== 0) this.target = null;
  }

  /** Puts the avatar somewhere (spawn, or a correction from the server). */
  place(x: number, z: number, heading = this.heading): void {
    this.position.set(x, 0, z);
    this.heading = heading;
    this.figure.root.rotation.y = heading;
    this.target = null;
  }

  private update(dt: number): void {
    // A slow frame (software rendering on a busy machine) still moves the avatar its share, bounded so
    // that a tab returning from the background does not jump.
    if (dt <= 0) dt = 1 / 60;
    dt = Math.min(dt, 0.25);
    const forward = this.camera.target.subtract(this.camera.position);
    forward.y = 0;
    forward.normalize();
    const right = new Vector3(forward.z, 0, -forward.x);
    const ahead = (this.has("w", "arrowup") ? 1 : 0) - (this.has("s", "arrowdown") ? 1 : 0) + this.stick.y;
    const side = (this.has("d", "arrowright") ? 1 : 0) - (this.has("a", "arrowleft") ? 1 : 0) + this.stick.x;
    let direction = forward.scale(ahead).add(right.scale(side));
    if (direction.lengthSquared() < 0.0025 && this.target) {
      direction = this.target.subtract(this.position);
      direction.y = 0;
      if (direction.length() < 0.3) {
        this.target = null;
        direction.setAll(0);
      }
    }
    this.running = this.keys.has("shift") || Math.hypot(this.stick.x, this.stick.y) > 0.95;
    this.moving = direction.lengthSquared() >= 0.0025;
    if (this.moving) {
      const step = Math.min(direction.length(), 1) * (this.running ? runSpeed : walkSpeed) * dt;
      direction.normalize();
      const [minX, minZ, maxX, maxZ] = this.bounds;
      this.position.x = clamp(this.position.x + direction.x * step, minX, maxX);
      this.position.z = clamp(this.position.z + direction.z * step, minZ, maxZ);
      this.heading = Math.atan2(direction.x, direction.z);
      this.figure.root.rotation.y = this.heading;
    }
    // Third-person follow: the camera keeps its angle and distance and glides after the avatar. The target
    // is moved in place: assigning camera.target would keep the camera where it stands and only turn it.
    const aim = this.position.add(new Vector3(0, 1.4, 0));
    this.camera.target.copyFrom(Vector3.Lerp(this.camera.target, aim, Math.min(1, dt * 8)));
  }

  private has(...keys: string[]): boolean {
    return keys.some(k => this.keys.has(k));
  }
}

const movementKeys = new Set(["w", "a", "s", "d", "arrowup", "arrowdown", "arrowleft", "arrowright"]);

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function isTyping(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  return !!target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
}
