import type { Scene } from "@babylonjs/core/scene";
import { ArcRotateCamera } from "@babylonjs/core/Cameras/arcRotateCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { isTyping } from "../avatar/localAvatar";

/** Where the camera starts and how far it may go. */
export interface CameraPlan {
  zone: boolean;
  /** A meeting's room: closer, and looking down more steeply over the near wall. */
  room?: boolean;
  /** The avatar's spawn, [x, z]. */
  spawn: [number, number];
  /** Which way the avatar faces at the spawn (radians, 0 = north); the camera starts behind it. */
  heading: number;
}

/** Park view: close behind your avatar, zoomable out to an overview of the park. */
const park = { radius: 26, beta: 0.98, lowerRadius: 4, upperRadius: 260, lowerBeta: 0.2, upperBeta: 1.42 };
/** Meeting room: the whole room in view from just behind you. */
const room = { radius: 13, beta: 0.85, lowerRadius: 4, upperRadius: 40, lowerBeta: 0.2, upperBeta: 1.2 };
/** Zone view: the overview it always had. */
const zone = { radius: 900, beta: 0.9, lowerRadius: 4, upperRadius: 8000, lowerBeta: 0.1, upperBeta: 1.45 };

/** Radians a second that Q/E orbit, and the share of the distance a second that +/- zoom. */
const orbitSpeed = 1.6;
const zoomSpeed = 1.2;

/**
 * The third-person camera: it orbits your avatar (LocalAvatar moves its target along), zooms with the
 * wheel or a pinch, orbits with a drag (mouse or one finger) or with Q/E, and zooms with +/-. Arrow keys
 * walk, so the camera's own keyboard input is off. Limits keep it above the ground and within sight of you.
 */
export function createFollowCamera(scene: Scene, canvas: HTMLCanvasElement, plan: CameraPlan): ArcRotateCamera {
  const limits = plan.zone ? zone : plan.room ? room : park;
  const [x, z] = plan.spawn;
  const camera = new ArcRotateCamera("camera", behind(plan.heading), limits.beta, limits.radius, new Vector3(x, 1.4, z), scene);
  camera.lowerRadiusLimit = limits.lowerRadius;
  camera.upperRadiusLimit = limits.upperRadius;
  camera.lowerBetaLimit = limits.lowerBeta;
  camera.upperBetaLimit = limits.upperBeta;
  camera.minZ = plan.zone ? 1 : 0.3;
  camera.maxZ = plan.zone ? 20000 : 4000;
  camera.wheelDeltaPercentage = 0.02; // a wheel notch zooms by a share of the distance: fine near, fast far
  camera.pinchDeltaPercentage = 0.004;
  camera.angularSensibilityX = 1500;
  camera.angularSensibilityY = 1500;
  camera.panningSensibility = 0; // panning would pull the camera off the avatar it follows
  camera.inputs.removeByType("ArcRotateCameraKeyboardMoveInput"); // arrow keys walk the avatar
  camera.attachControl(canvas, true);

  const held = new Set<string>();
  window.addEventListener("keydown", e => {
    if (isTyping(e)) return;
    if (cameraKeys.has(e.key)) held.add(e.key);
  });
  window.addEventListener("keyup", e => held.delete(e.key));
  window.addEventListener("blur", () => held.clear());
  scene.onBeforeRenderObservable.add(() => {
    if (held.size === 0) return;
    const dt = Math.min(scene.getEngine().getDeltaTime() / 1000, 0.1);
    const turn = (held.has("q") || held.has("Q") ? 1 : 0) - (held.has("e") || held.has("E") ? 1 : 0);
    camera.alpha += turn * orbitSpeed * dt;
    const zoom = (held.has("-") || held.has("_") ? 1 : 0) - (held.has("+") || held.has("=") ? 1 : 0);
    if (zoom !== 0) camera.radius = Math.min(camera.upperRadiusLimit!, Math.max(camera.lowerRadiusLimit!, camera.radius * (1 + zoom * zoomSpeed * dt)));
  });
  return camera;
}

const cameraKeys = new Set(["q", "Q", "e", "E", "+", "=", "-", "_"]);

/** The ArcRotateCamera alpha that puts the camera behind someone facing `heading` (0 = north, +z). */
export function behind(heading: number): number {
  // The camera sits at target + (cos α, sin α) on the ground: behind is -(sin h, cos h).
  return Math.atan2(-Math.cos(heading), -Math.sin(heading));
}
