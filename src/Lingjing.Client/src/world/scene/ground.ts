import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { Mesh as MeshClass } from "@babylonjs/core/Meshes/mesh";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateGround } from "@babylonjs/core/Meshes/Builders/groundBuilder";
import { CreatePolygon } from "@babylonjs/core/Meshes/Builders/polygonBuilder";
import { CreateLineSystem } from "@babylonjs/core/Meshes/Builders/linesBuilder";
import earcut from "earcut";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { WorldSceneData } from "./worldScene";
import { toGround } from "./geometry";

/** The walkable ground under everything, the parks' areas on it and their boundary lines. */
export function buildGround(scene: Scene, data: WorldSceneData): Mesh {
  const [minX, minZ, maxX, maxZ] = data.bounds;
  const margin = data.kind === "zone" ? 600 : 80;
  const width = maxX - minX + 2 * margin;
  const depth = maxZ - minZ + 2 * margin;
  const ground = CreateGround("ground", { width, height: depth }, scene);
  ground.position.set((minX + maxX) / 2, 0, (minZ + maxZ) / 2);
  const groundMaterial = new StandardMaterial("ground", scene);
  groundMaterial.diffuseColor = new Color3(0.62, 0.63, 0.6); // the city around the parks
  groundMaterial.specularColor = Color3.Black();
  ground.material = groundMaterial;
  ground.freezeWorldMatrix();
  groundMaterial.freeze();

  const parkMaterial = new StandardMaterial("park-area", scene);
  // Lawn, on which roads, paving and buildings stand; a meeting room's floor is wood-coloured.
  parkMaterial.diffuseColor = data.kind === "meeting" || data.kind === "hall" || data.kind === "expo" ? new Color3(0.7, 0.6, 0.48) : new Color3(0.5, 0.66, 0.38);
  parkMaterial.specularColor = Color3.Black();
  parkMaterial.zOffset = -2; // drawn over the ground without z-fighting, even from far away
  parkMaterial.freeze();
  const areas: Mesh[] = [];
  const outlines: Vector3[][] = [];
  for (const park of data.parks) {
    if (park.boundary.length < 3) continue;
    const area = CreatePolygon(`park-area-${park.id}`, { shape: toGround(park.boundary, park.origin) }, scene, earcut);
    area.position.y = 0.05;
    areas.push(area);
    outlines.push([...toGround(park.boundary, park.origin, 0.08), toGround(park.boundary, park.origin, 0.08)[0]]);
  }
  // One mesh for every park area and one line system for every boundary: two draw calls for the zone.
  if (areas.length > 0) {
    const merged = MeshClass.MergeMeshes(areas, true, true);
    if (merged) {
      merged.name = "park-areas";
      merged.material = parkMaterial;
      merged.isPickable = false;
      merged.freezeWorldMatrix();
    }
  }
  if (outlines.length > 0) {
    const lines = CreateLineSystem("park-boundaries", { lines: outlines }, scene);
    lines.color = new Color3(0.85, 0.33, 0.1);
    lines.isPickable = false;
    lines.freezeWorldMatrix();
  }
  return ground;
}
