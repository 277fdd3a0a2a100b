import { Scene } from "@babylonjs/core/scene";
import { HemisphericLight } from "@babylonjs/core/Lights/hemisphericLight";
import { DirectionalLight } from "@babylonjs/core/Lights/directionalLight";
import { Color3, Color4 } from "@babylonjs/core/Maths/math.color";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { SkyMaterial } from "@babylonjs/materials/sky/skyMaterial";

/** Where the sun stands: south-west, a little past noon, so south and west walls are lit and the others shaded. */
const sunDirection = new Vector3(0.45, -0.75, 0.5).normalize();
const haze = new Color3(0.78, 0.85, 0.93);

/** Daylight: Babylon's sky material on a box around everything, a sun (directional light), the sky's
 * fill light (hemispheric, bluish from above, ground-coloured from below) and a light haze with distance. */
export function buildSky(scene: Scene, zone: boolean): void {
  scene.clearColor = new Color4(haze.r, haze.g, haze.b, 1);
  scene.ambientColor = new Color3(0.3, 0.3, 0.3);

  const fill = new HemisphericLight("sky-light", new Vector3(0, 1, 0), scene);
  fill.intensity = 0.62;
  fill.diffuse = new Color3(0.88, 0.92, 1);
  fill.groundColor = new Color3(0.42, 0.42, 0.38);
  fill.specular = Color3.Black();

  const sun = new DirectionalLight("sun", sunDirection, scene);
  sun.intensity = 0.85;
  sun.diffuse = new Color3(1, 0.96, 0.88);
  sun.specular = new Color3(0.2, 0.2, 0.2);

  const size = zone ? 18000 : 3600;
  const sky = new SkyMaterial("sky", scene);
  sky.backFaceCulling = false;
  sky.useSunPosition = true;
  sky.sunPosition = sunDirection.scale(-100);
  sky.turbidity = 4;
  sky.luminance = 0.9;
  sky.rayleigh = 1.6;
  sky.mieDirectionalG = 0.8;
  const box = CreateBox("sky", { size }, scene);
  box.material = sky;
  box.infiniteDistance = true; // follows the camera: the horizon is always far away
  box.isPickable = false;
  box.applyFog = false;
  sky.freeze();

  // Haze softens far buildings into the sky instead of a hard edge (none in the zone's overview).
  if (!zone) {
    scene.fogMode = Scene.FOGMODE_EXP;
    scene.fogDensity = 0.0022;
    scene.fogColor = haze;
  }
}
