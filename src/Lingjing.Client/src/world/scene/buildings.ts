import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import type { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreatePolygon } from "@babylonjs/core/Meshes/Builders/polygonBuilder";
import earcut from "earcut";
import type { BuildingSceneData, ParkSceneData } from "./worldScene";
import { centroid, toGround } from "./geometry";
import { buildWalls, facadeMaterial, roofMaterial } from "./facades";
import { buildingLabel, type LabelLayer } from "./labels";
import type { Texts } from "../ui/texts";

/** Wall colours: light stone, pale blue-grey, warm sandstone, sage; multiplied into the facade texture. */
const tints = [new Color3(0.93, 0.9, 0.84), new Color3(0.8, 0.85, 0.9), new Color3(0.92, 0.8, 0.7), new Color3(0.82, 0.87, 0.8), new Color3(0.88, 0.72, 0.66)];

export interface BuiltBuilding {
  data: BuildingSceneData;
  /** The walls; the roof is its child, so hiding the walls hides the whole building. */
  mesh: Mesh;
  /** Top centre of the building, where its label hangs. */
  roof: TransformNode;
}

interface Materials {
  walls: StandardMaterial;
  roof: StandardMaterial;
}

function heightOf(building: BuildingSceneData): number {
  return Math.max(building.height, 3);
}

/** Walls with a window per bay and floor (the building's own floor count), and a flat roof. */
function shape(scene: Scene, park: ParkSceneData, building: BuildingSceneData, materials: Materials): Mesh | null {
  if (building.footprint.length < 3) return null;
  const height = heightOf(building);
  const outline = toGround(building.footprint, park.origin);
  const walls = buildWalls(`building-${building.id}`, scene, outline, height, building.floors, tints[building.id % tints.length]);
  walls.material = materials.walls;
  const roof = CreatePolygon(`roof-${building.id}`, { shape: outline }, scene, earcut);
  roof.position.y = height;
  roof.material = materials.roof;
  roof.parent = walls;
  return walls;
}

/** One pickable, labelled building at a time: the park view (a park has a few dozen at most). */
export function buildParkBuildings(scene: Scene, park: ParkSceneData, labels: LabelLayer, texts: Texts): BuiltBuilding[] {
  const materials = { walls: facadeMaterial(scene), roof: roofMaterial(scene) };
  const built: BuiltBuilding[] = [];
  for (const building of park.buildings) {
    const mesh = shape(scene, park, building, materials);
    if (!mesh) continue;
    mesh.metadata = { building: building.id };
    for (const part of [mesh, ...mesh.getChildMeshes()]) {
      part.metadata = { building: building.id };
      part.freezeWorldMatrix();
    }
    const [cx, cz] = centroid(building.footprint);
    const roof = new TransformNode(`roof-label-${building.id}`, scene);
    roof.position.set(park.origin[0] + cx, heightOf(building) + 2, park.origin[1] + cz);
    labels.add(roof, texts.name(building), buildingLabel, 900, 2);
    built.push({ data: building, mesh, roof });
  }
  return built;
}

/** The zone view: every park's walls merged into one mesh (returned) and its roofs into another (two draw
 * calls a park), dropped beyond a distance where the park's area and name are all one can see. Buildings are
 * labelled too, shown only when the camera comes near. */
export function buildZoneBuildings(scene: Scene, parks: ParkSceneData[], hideBeyond: number, labels: LabelLayer, texts: Texts): Mesh[] {
  const materials = { walls: facadeMaterial(scene), roof: roofMaterial(scene) };
  const merged: Mesh[] = [];
  for (const park of parks) {
    const walls = park.buildings.map(b => shape(scene, park, b, materials)).filter((m): m is Mesh => m !== null);
    if (walls.length === 0) continue;
    const roofs = walls.flatMap(w => w.getChildMeshes() as Mesh[]);
    for (const roof of roofs) roof.parent = null;
    for (const [parts, kind] of [[walls, "walls"], [roofs, "roofs"]] as const) {
      const mesh = Mesh.MergeMeshes([...parts], true, true);
      if (!mesh) continue;
      mesh.name = `park-${kind}-${park.id}`;
      mesh.isPickable = false;
      mesh.freezeWorldMatrix();
      mesh.addLODLevel(hideBeyond, null);
      if (kind === "walls") merged.push(mesh);
    }
    for (const building of park.buildings) {
      if (building.footprint.length < 3) continue;
      const [cx, cz] = centroid(building.footprint);
      const anchor = new TransformNode(`roof-label-${building.id}`, scene);
      anchor.position.set(park.origin[0] + cx, heightOf(building) + 2, park.origin[1] + cz);
      labels.add(anchor, texts.name(building), buildingLabel, 700, 2);
    }
  }
  return merged;
}
