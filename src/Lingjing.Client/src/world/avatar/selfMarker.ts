import type { Scene } from "@babylonjs/core/scene";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateTorus } from "@babylonjs/core/Meshes/Builders/torusBuilder";
import { CreateCylinder } from "@babylonjs/core/Meshes/Builders/cylinderBuilder";

/** The colour that means "you" (no avatar look uses it). */
export const selfColor = new Color3(1, 0.55, 0.05);

/** Marks your own avatar: a glowing ring on the ground around it and an arrow above its head.
 * Both grow with the camera's distance, so you find yourself from a park-wide view too. */
export function addSelfMarker(scene: Scene, root: TransformNode): { ring: Mesh; arrow: Mesh } {
  const material = new StandardMaterial("self-marker", scene);
  material.diffuseColor = selfColor;
  material.emissiveColor = selfColor;
  material.disableLighting = true; // the same bright orange in sun and shade
  material.freeze();

  const ring = CreateTorus("self-ring", { diameter: 1.3, thickness: 0.12, tessellation: 32 }, scene);
  ring.material = material;
  ring.parent = root;
  ring.position.y = 0.15; // above the roads and paving
  ring.isPickable = false;

  // A cone pointing down: a cylinder with no top radius, turned over.
  const arrow = CreateCylinder("self-arrow", { diameterTop: 0, diameterBottom: 0.7, height: 0.8, tessellation: 16 }, scene);
  arrow.material = material;
  arrow.parent = root;
  arrow.rotation.x = Math.PI;
  arrow.isPickable = false;

  scene.onBeforeRenderObservable.add(() => {
    const camera = scene.activeCamera;
    const distance = camera ? camera.globalPosition.subtract(root.position).length() : 10;
    // Constant size on screen beyond 20 m; the arrow floats above the name tag.
    const grow = Math.max(1, distance / 20);
    arrow.scaling.setAll(grow);
    ring.scaling.set(grow, 1, grow);
    arrow.position.y = 2.6 + 0.6 * grow;
  });
  return { ring, arrow };
}
