import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Color3, Color4 } from "@babylonjs/core/Maths/math.color";
import "@babylonjs/core/Rendering/edgesRenderer";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { ExtrudePolygon } from "@babylonjs/core/Meshes/Builders/polygonBuilder";
import earcut from "earcut";
import type { BuildingSceneData, ParkSceneData } from "./worldScene";
import { centroid, toGround } from "./geometry";
import { buildingLabel, type LabelLayer } from "./labels";
import type { Texts } from "../ui/texts";

const tints = [new Color3(0.86, 0.84, 0.8), new Color3(0.74, 0.78, 0.84), new Color3(0.84, 0.76, 0.7), new Color3(0.78, 0.82, 0.78)];

export interface BuiltBuilding {
  data: BuildingSceneData;
  mesh: Mesh;
  /** Top centre of the building, where its label hangs. */
  roof: TransformNode;
}

function materials(scene: Scene): StandardMaterial[] {
  return tints.map((tint, i) => {
    const material = new StandardMaterial(`building-${i}`, scene);
    material.diffuseColor = tint;
    material.specularColor = new Color3(0.08, 0.08, 0.08);
    material.freeze();
    return material;
  });
}

function extrude(scene: Scene, park: ParkSceneData, building: BuildingSceneData, material: StandardMaterial): Mesh | null {
  if (building.footprint.length < 3) return null;
  const height = Math.max(building.height, 3);
  // ExtrudePolygon builds the top face at y = 0 and the walls downwards by depth.
  const mesh = ExtrudePolygon(`building-${building.id}`, { shape: toGround(building.footprint, park.origin), depth: height }, scene, earcut);
  mesh.position.y = height;
  mesh.material = material;
  return mesh;
}

/** One pickable, labelled mesh per building: the park view. */
export function buildParkBuildings(scene: Scene, park: ParkSceneData, labels: LabelLayer, texts: Texts): BuiltBuilding[] {
  const shared = materials(scene);
  const built: BuiltBuilding[] = [];
  for (const building of park.buildings) {
    const mesh = extrude(scene, park, building, shared[building.id % shared.length]);
    if (!mesh) continue;
    mesh.freezeWorldMatrix();
    mesh.enableEdgesRendering(0.95);
    mesh.edgesWidth = 3;
    mesh.edgesColor = new Color4(0.25, 0.27, 0.32, 1);
    const [cx, cz] = centroid(building.footprint);
    const roof = new TransformNode(`roof-${building.id}`, scene);
    roof.position.set(park.origin[0] + cx, Math.max(building.height, 3) + 2, park.origin[1] + cz);
    labels.add(roof, texts.name(building), buildingLabel, 400);
    mesh.metadata = { building: building.id };
    built.push({ data: building, mesh, roof });
  }
  return built;
}

/** The zone view: every park's buildings merged into one mesh per park (51 draw calls for 51 parks),
 * dropped beyond a distance where the park's area and name are all one can see. */
export function buildZoneBuildings(scene: Scene, parks: ParkSceneData[], hideBeyond: number): Mesh[] {
  const shared = materials(scene);
  const merged: Mesh[] = [];
  for (const park of parks) {
    const meshes = park.buildings.map(b => extrude(scene, park, b, shared[0])).filter((m): m is Mesh => m !== null);
    if (meshes.length === 0) continue;
    const mesh = Mesh.MergeMeshes(meshes, true, true);
    if (!mesh) continue;
    mesh.name = `park-buildings-${park.id}`;
    mesh.material = shared[park.id % shared.length];
    mesh.isPickable = false;
    mesh.freezeWorldMatrix();
    mesh.addLODLevel(hideBeyond, null);
    merged.push(mesh);
  }
  return merged;
}
