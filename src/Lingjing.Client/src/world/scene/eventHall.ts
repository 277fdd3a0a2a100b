import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Mesh as MeshClass } from "@babylonjs/core/Meshes/mesh";
import type { ParkSceneData } from "./worldScene";
import { buildingLabel, type LabelLayer } from "./labels";
import { material } from "./meetingRoom";

const wallHeight = 7;
/** The south wall is a low parapet with the doors in it: the camera looks in over it. */
const parapetHeight = 1.1;
const wallThickness = 0.3;
const doorWidth = 4;
const benchDepth = 0.5, benchHeight = 0.45, rowPitch = 1.6, aisle = 2.5;

/** An event's hall: a stage across the north end with a lectern and the big screen above it (blank until someone on
 * stage shares a screen or a camera: see RoomScreen), rows of benches facing it with two aisles, the doors in the low
 * south wall. Every bench row is one mesh: a few dozen draw calls for the whole hall. */
export function buildEventHall(scene: Scene, hall: ParkSceneData, stage: [number, number, number, number], labels: LabelLayer, name: string):
  { screen: Mesh; screenMaterial: StandardMaterial } {
  const xs = hall.boundary.map(p => p[0]);
  const zs = hall.boundary.map(p => p[1]);
  const [minX, maxX, minZ, maxZ] = [Math.min(...xs), Math.max(...xs), Math.min(...zs), Math.max(...zs)];
  const [width, depth] = [maxX - minX, maxZ - minZ];
  const box = (id: string, w: number, d: number, h: number, x: number, z: number, m: StandardMaterial, y = h / 2) => {
    const mesh = CreateBox(id, { width: w, depth: d, height: h }, scene);
    mesh.position.set(x, y, z);
    mesh.material = m;
    mesh.isPickable = false;
    mesh.freezeWorldMatrix();
    return mesh;
  };

  const wall = material(scene, "hall-wall", new Color3(0.86, 0.84, 0.8));
  const glass = material(scene, "hall-glass", new Color3(0.75, 0.82, 0.88));
  glass.alpha = 0.35;
  box("hall-wall-north", width, wallThickness, wallHeight, (minX + maxX) / 2, maxZ, wall);
  box("hall-wall-west", wallThickness, depth, wallHeight, minX, (minZ + maxZ) / 2, wall);
  box("hall-wall-east", wallThickness, depth, wallHeight, maxX, (minZ + maxZ) / 2, wall);
  const side = (width - 2 * doorWidth) / 3; // the south wall: glass between and beside two doors
  for (const [i, x] of [minX + side / 2, (minX + maxX) / 2, maxX - side / 2].entries())
    box(`hall-wall-south-${i}`, side, wallThickness, parapetHeight, x, minZ, glass);

  // The stage: a dark floor a hand high, a backdrop, a lectern.
  const [sx0, sz0, sx1, sz1] = stage;
  const stageFloor = material(scene, "hall-stage", new Color3(0.22, 0.2, 0.26));
  box("hall-stage", sx1 - sx0, sz1 - sz0, 0.12, (sx0 + sx1) / 2, (sz0 + sz1) / 2, stageFloor);
  const edge = material(scene, "hall-stage-edge", new Color3(0.85, 0.62, 0.2));
  box("hall-stage-edge", sx1 - sx0, 0.12, 0.14, (sx0 + sx1) / 2, sz0, edge);
  const wood = material(scene, "hall-wood", new Color3(0.55, 0.38, 0.24));
  box("hall-lectern", 0.8, 0.5, 1.15, sx1 - 3, sz0 + 1.6, wood);

  // Benches: rows from the stage's front to the doors, cut by two aisles.
  const seat = material(scene, "hall-seat", new Color3(0.62, 0.16, 0.18));
  const rows: Mesh[] = [];
  const front = sz0 - 3;
  const blockWidth = (width - 4 - 2 * aisle) / 3;
  for (let z = front, row = 0; z > minZ + 4; z -= rowPitch, row++) {
    for (let block = 0; block < 3; block++) {
      const x = minX + 2 + blockWidth / 2 + block * (blockWidth + aisle);
      rows.push(box(`hall-bench-${row}-${block}`, blockWidth, benchDepth, benchHeight, x, z, seat));
    }
  }
  const benches = MeshClass.MergeMeshes(rows, true, true);
  if (benches) {
    benches.name = "hall-benches";
    benches.isPickable = false;
    benches.freezeWorldMatrix();
  }

  // The big screen on the north wall, above the stage: a plane faces -z, south, into the hall.
  const screenWidth = Math.min(14, (sx1 - sx0) * 0.6);
  const screenHeight = screenWidth * 9 / 16;
  const screen = CreatePlane("hall-screen", { width: screenWidth, height: screenHeight }, scene);
  screen.position.set((sx0 + sx1) / 2, wallHeight - 0.6 - screenHeight / 2, maxZ - wallThickness / 2 - 0.05);
  const screenMaterial = new StandardMaterial("hall-screen", scene);
  screenMaterial.disableLighting = true;
  screenMaterial.backFaceCulling = false;
  screenMaterial.emissiveColor = new Color3(0.08, 0.1, 0.14);
  screen.material = screenMaterial;
  screen.isPickable = false;

  const sign = new TransformNode("hall-name", scene);
  sign.position.set((sx0 + sx1) / 2, 1.2, sz0 - 0.4);
  labels.add(sign, name, buildingLabel, Infinity, 5);
  return { screen, screenMaterial };
}
