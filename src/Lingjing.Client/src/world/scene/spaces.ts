import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { Matrix } from "@babylonjs/core/Maths/math.vector";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateCylinder } from "@babylonjs/core/Meshes/Builders/cylinderBuilder";
import "@babylonjs/core/Meshes/thinInstanceMesh";
import type { ParkSceneData, Point, SpaceSceneData } from "./worldScene";
import { contains, doorOf } from "./geometry";
import { closedSpaceLabel, openSpaceLabel, type LabelLayer } from "./labels";
import type { Texts } from "../ui/texts";

const open = [0.1, 0.66, 0.38, 1];
const closed = [0.55, 0.55, 0.55, 1];

export interface SpaceMarkers {
  mesh: Mesh;
  /** The space behind each thin instance, by instance index. */
  spaces: SpaceSceneData[];
  /** Where each marker stands in the scene, [x, z], by instance index: an indoor space's stands at its building's door. */
  places: Point[];
}

/** Every space as one thin instance of a single pin mesh (one draw call however many spaces), green when
 * open now and grey when closed, each with a label of its name and state (shown when near). A space
 * inside a building gets its pin just outside the building's nearest wall, where it can be seen and clicked. */
export function buildSpaceMarkers(scene: Scene, parks: ParkSceneData[], labels: LabelLayer | null, texts: Texts): SpaceMarkers {
  const pin = CreateCylinder("space-markers", { diameterTop: 1.6, diameterBottom: 0.4, height: 3, tessellation: 12 }, scene);
  const material = new StandardMaterial("space-marker", scene);
  material.diffuseColor = Color3.White();
  material.emissiveColor = new Color3(0.15, 0.15, 0.15);
  pin.material = material;
  const spaces = parks.flatMap(p => p.spaces.map(s => ({ park: p, space: s })));
  const matrices = new Float32Array(16 * spaces.length);
  const colors = new Float32Array(4 * spaces.length);
  const places: Point[] = [];
  spaces.forEach(({ park, space }, i) => {
    const [localX, localZ] = standingPoint(park, space);
    const x = park.origin[0] + localX;
    const z = park.origin[1] + localZ;
    places.push([x, z]);
    Matrix.Translation(x, 1.5, z).copyToArray(matrices, 16 * i);
    colors.set(space.openNow ? open : closed, 4 * i);
    if (labels) {
      const anchor = new TransformNode(`space-${space.id}`, scene);
      anchor.position.set(x, 3.8, z);
      labels.add(anchor, spaceLabel(space, texts), space.openNow ? openSpaceLabel : closedSpaceLabel, 260);
    }
  });
  pin.thinInstanceSetBuffer("matrix", matrices, 16, true);
  pin.thinInstanceSetBuffer("color", colors, 4, true);
  pin.thinInstanceEnablePicking = true;
  pin.isVisible = spaces.length > 0; // with no instances the pin itself would stand at the origin
  pin.metadata = { spaces: true };
  pin.freezeWorldMatrix();
  return { mesh: pin, spaces: spaces.map(s => s.space), places };
}

/** A space's pin: where the space is, or for one inside a building, 2 m out from the nearest wall. */
function standingPoint(park: ParkSceneData, space: SpaceSceneData): Point {
  const host = park.buildings.find(b => b.footprint.length >= 3 && contains(b.footprint, space.x, space.z));
  return host ? doorOf(host.footprint, space.x, space.z, 2) : [space.x, space.z];
}

/** Of the spaces in a building, the one whose pin is nearest to (x, z); null when it has none. */
export function spaceInBuilding(markers: SpaceMarkers, buildingId: number, x: number, z: number): SpaceSceneData | null {
  let best: SpaceSceneData | null = null;
  let bestDistance = Infinity;
  markers.spaces.forEach((space, i) => {
    if (space.buildingId !== buildingId) return;
    const [px, pz] = markers.places[i];
    const distance = Math.hypot(px - x, pz - z);
    if (distance < bestDistance) [best, bestDistance] = [space, distance];
  });
  return best;
}

export function spaceLabel(space: SpaceSceneData, texts: Texts): string {
  return `${texts.name(space)} · ${space.openNow ? texts.get("Open now") : texts.get("Closed now")}`;
}
