import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { ParkSceneData } from "./worldScene";
import { buildingLabel, type LabelLayer } from "./labels";

const wallHeight = 2.8;
/** The south wall is a low glass parapet: the camera looks in over it. */
const parapetHeight = 1.1;
const wallThickness = 0.2;
const doorWidth = 2;

/** A meeting's room: walls with a door in the south, a long table in the middle and a screen on the north wall
 * (blank until someone shares a screen: see RoomScreen). The south wall, between the camera and the room, is a
 * low glass parapet, so the follow camera looks in as into a doll's house. */
export function buildMeetingRoom(scene: Scene, room: ParkSceneData, labels: LabelLayer, name: string): { screen: Mesh; screenMaterial: StandardMaterial } {
  const xs = room.boundary.map(p => p[0]);
  const zs = room.boundary.map(p => p[1]);
  const [minX, maxX, minZ, maxZ] = [Math.min(...xs), Math.max(...xs), Math.min(...zs), Math.max(...zs)];
  const width = maxX - minX;
  const depth = maxZ - minZ;

  const wall = material(scene, "room-wall", new Color3(0.9, 0.88, 0.84));
  const glass = material(scene, "room-glass", new Color3(0.75, 0.82, 0.88));
  glass.alpha = 0.35;
  const box = (id: string, w: number, d: number, x: number, z: number, m: StandardMaterial, h = wallHeight) => {
    const mesh = CreateBox(id, { width: w, depth: d, height: h }, scene);
    mesh.position.set(x, h / 2, z);
    mesh.material = m;
    mesh.isPickable = false;
    mesh.freezeWorldMatrix();
    return mesh;
  };
  box("room-wall-north", width, wallThickness, (minX + maxX) / 2, maxZ, wall);
  box("room-wall-west", wallThickness, depth, minX, (minZ + maxZ) / 2, wall);
  box("room-wall-east", wallThickness, depth, maxX, (minZ + maxZ) / 2, wall);
  const side = (width - doorWidth) / 2; // the south wall: glass either side of the door
  box("room-wall-south-west", side, wallThickness, minX + side / 2, minZ, glass, parapetHeight);
  box("room-wall-south-east", side, wallThickness, maxX - side / 2, minZ, glass, parapetHeight);

  const wood = material(scene, "room-table", new Color3(0.55, 0.38, 0.24));
  box("room-table", Math.max(2, width * 0.45), Math.max(1.2, depth * 0.22), (minX + maxX) / 2, (minZ + maxZ) / 2 + depth * 0.05, wood, 0.75);

  const screenWidth = Math.min(4, width * 0.45);
  const screen = CreatePlane("room-screen", { width: screenWidth, height: screenWidth * 9 / 16 }, scene);
  screen.position.set((minX + maxX) / 2, 0.45 + screenWidth * 9 / 32, maxZ - wallThickness / 2 - 0.02);
  // A plane faces -z, south: into the room.
  const screenMaterial = new StandardMaterial("room-screen", scene);
  screenMaterial.disableLighting = true;
  screenMaterial.backFaceCulling = false;
  screenMaterial.emissiveColor = new Color3(0.08, 0.1, 0.14);
  screen.material = screenMaterial;
  screen.isPickable = false;

  const sign = new TransformNode("room-name", scene);
  sign.position.set(screen.position.x, screen.position.y + screenWidth * 9 / 32 + 0.5, screen.position.z);
  labels.add(sign, name, buildingLabel, Infinity, 5);
  return { screen, screenMaterial };
}

/** A matt material of one colour (walls, furniture). */
export function material(scene: Scene, name: string, color: Color3): StandardMaterial {
  const m = new StandardMaterial(name, scene);
  m.diffuseColor = color;
  m.specularColor = Color3.Black();
  return m;
}
