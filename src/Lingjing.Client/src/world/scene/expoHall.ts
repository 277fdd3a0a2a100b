import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { ParkSceneData, StandSceneData } from "./worldScene";
import { buildingLabel, type LabelLayer } from "./labels";
import { material } from "./meetingRoom";
import { palette } from "../../charts/theme";

const wallHeight = 5, wallThickness = 0.3, backHeight = 2.6, counterHeight = 1.05;

/** An expo hall: walls, and for each booth a stand of its square's size: a coloured floor, a back wall at its north
 * edge carrying the booth's code and exhibitor, and a counter where its staff stand. A click on any part of a stand
 * picks it (metadata.booth). The south wall is left open as the entrance, so the camera looks in. */
export function buildExpoHall(scene: Scene, hall: ParkSceneData, stands: StandSceneData[], labels: LabelLayer, name: (stand: StandSceneData) => string): Mesh[] {
  const xs = hall.boundary.map(p => p[0]);
  const zs = hall.boundary.map(p => p[1]);
  const [minX, maxX, minZ, maxZ] = [Math.min(...xs), Math.max(...xs), Math.min(...zs), Math.max(...zs)];
  const box = (id: string, w: number, d: number, h: number, x: number, z: number, m: ReturnType<typeof material>, y = h / 2) => {
    const mesh = CreateBox(id, { width: w, depth: d, height: h }, scene);
    mesh.position.set(x, y, z);
    mesh.material = m;
    mesh.freezeWorldMatrix();
    return mesh;
  };
  const wall = material(scene, "expo-wall", new Color3(0.88, 0.87, 0.84));
  for (const mesh of [
    box("expo-wall-north", maxX - minX, wallThickness, wallHeight, (minX + maxX) / 2, maxZ, wall),
    box("expo-wall-west", wallThickness, maxZ - minZ, wallHeight, minX, (minZ + maxZ) / 2, wall),
    box("expo-wall-east", wallThickness, maxZ - minZ, wallHeight, maxX, (minZ + maxZ) / 2, wall),
  ]) mesh.isPickable = false;

  const counter = material(scene, "expo-counter", new Color3(0.95, 0.95, 0.95));
  const picked: Mesh[] = [];
  stands.forEach((stand, i) => {
    const colour = Color3.FromHexString(palette[i % palette.length]);
    const floor = material(scene, `expo-stand-${stand.boothId}`, colour.scale(0.35).add(new Color3(0.6, 0.6, 0.6)));
    const back = material(scene, `expo-back-${stand.boothId}`, colour);
    const half = stand.size / 2;
    const parts = [
      box(`expo-stand-${stand.boothId}`, stand.size, stand.size, 0.08, stand.x, stand.z, floor),
      box(`expo-stand-back-${stand.boothId}`, stand.size, 0.2, backHeight, stand.x, stand.z + half - 0.1, back),
      box(`expo-stand-counter-${stand.boothId}`, 2.4, 0.7, counterHeight, stand.x, stand.z + half - 2.2, counter),
    ];
    for (const part of parts) {
      part.metadata = { booth: stand.boothId };
      picked.push(part);
    }
    const sign = new TransformNode(`expo-sign-${stand.boothId}`, scene);
    sign.position.set(stand.x, backHeight + 0.6, stand.z + half - 0.1);
    labels.add(sign, `${stand.code} · ${name(stand)}`, buildingLabel, 40, 3);
  });
  return picked;
}
