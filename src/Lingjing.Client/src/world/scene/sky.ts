import { Scene } from "@babylonjs/core/scene";
import { HemisphericLight } from "@babylonjs/core/Lights/hemisphericLight";
import { DirectionalLight } from "@babylonjs/core/Lights/directionalLight";
import { Color3, Color4 } from "@babylonjs/core/Maths/math.color";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { CreateSphere } from "@babylonjs/core/Meshes/Builders/sphereBuilder";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";

/** Where the sun stands: south-west, a little past noon, so south and west walls are lit and the others shaded. */
const sunDirection = new Vector3(0.45, -0.75, 0.5).normalize();
const haze = new Color3(0.78, 0.85, 0.93);

/** Daylight: a sky dome shaded from haze at the horizon to blue overhead, brighter towards the sun, a sun (directional light), the sky's
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

  const sky = CreateSphere("sky", { diameter: zone ? 18000 : 3600, segments: 24, sideOrientation: Mesh.BACKSIDE }, scene);
  paintSky(sky);
  const material = new StandardMaterial("sky", scene);
  material.disableLighting = true;
  material.emissiveColor = Color3.White();
  sky.material = material;
  sky.infiniteDistance = true; // follows the camera: the horizon is always far away
  sky.isPickable = false;
  sky.applyFog = false;
  material.freeze();

  // Haze softens far buildings into the sky instead of a hard edge (none in the zone's overview).
  if (!zone) {
    scene.fogMode = Scene.FOGMODE_EXP;
    scene.fogDensity = 0.0022;
    scene.fogColor = haze;
  }
}

const zenith = new Color3(0.33, 0.55, 0.85);
const sunGlow = new Color3(1, 0.97, 0.88);

/** Colours the dome per vertex, computed once: a sky shader per pixel would cost more than the rest of the
 * scene on a phone or under software rendering, for a picture that never changes. */
function paintSky(sky: Mesh): void {
  const positions = sky.getVerticesData(VertexBuffer.PositionKind)!;
  const colors = new Float32Array((positions.length / 3) * 4);
  const toSun = sunDirection.scale(-1);
  const direction = new Vector3();
  for (let i = 0, c = 0; i < positions.length; i += 3, c += 4) {
    direction.set(positions[i], positions[i + 1], positions[i + 2]).normalize();
    const height = Math.max(0, direction.y);
    const color = Color3.Lerp(haze, zenith, Math.pow(height, 0.6));
    const towardsSun = Math.pow(Math.max(0, Vector3.Dot(direction, toSun)), 8);
    const lit = Color3.Lerp(color, sunGlow, towardsSun * 0.6);
    colors.set([lit.r, lit.g, lit.b, 1], c);
  }
  sky.setVerticesData(VertexBuffer.ColorKind, colors);
}
