import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import type { ParkSceneData } from "./worldScene";
import { extent } from "./geometry";
import type { Texts } from "../ui/texts";

const width = 512;
const lineHeight = 34;

/** A sign in front of each building listing the enterprises that have their showroom there. */
export function buildShowroomSigns(scene: Scene, park: ParkSceneData, texts: Texts): Mesh[] {
  const signs: Mesh[] = [];
  for (const building of park.buildings) {
    if (building.showrooms.length === 0 || building.footprint.length < 3) continue;
    const lines = building.showrooms.map(s => texts.name(s));
    const height = 64 + lineHeight * lines.length;
    const texture = new DynamicTexture(`showrooms-${building.id}`, { width, height }, scene, true);
    const context = texture.getContext();
    context.fillStyle = "rgba(255, 252, 240, 0.95)";
    context.fillRect(0, 0, width, height);
    context.fillStyle = "#8a1c1c";
    context.fillRect(0, 0, width, 48);
    context.font = "bold 26px sans-serif";
    context.fillStyle = "#ffffff";
    context.fillText(texts.get("Showrooms"), 16, 34);
    context.font = "24px sans-serif";
    context.fillStyle = "#1d2330";
    lines.forEach((line, i) => context.fillText(line, 16, 48 + lineHeight * (i + 1) - 6, width - 32));
    texture.update();

    const material = new StandardMaterial(`showrooms-${building.id}`, scene);
    material.diffuseTexture = texture;
    material.emissiveColor = new Color3(0.6, 0.6, 0.6);
    material.specularColor = Color3.Black();
    material.backFaceCulling = false;
    const metres = 6;
    const sign = CreatePlane(`showroom-sign-${building.id}`, { width: metres, height: (metres * height) / width }, scene);
    sign.material = material;
    const box = extent(building.footprint);
    // South of the building (where the camera starts looking north from), towards its west corner so that
    // the door pins of the spaces inside (on the wall's middle) stay in sight; turned to face whoever looks.
    sign.position.set(park.origin[0] + Math.min(box.minX + metres / 2 + 0.5, (box.minX + box.maxX) / 2), 1 + (metres * height) / width / 2, park.origin[1] + box.minZ - 2);
    sign.billboardMode = Mesh.BILLBOARDMODE_Y;
    sign.isPickable = false; // a click goes through to the building or the ground behind it
    sign.metadata = { showroomsOf: building.id };
    signs.push(sign);
  }
  return signs;
}
