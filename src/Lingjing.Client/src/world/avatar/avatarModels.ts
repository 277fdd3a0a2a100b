import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateCapsule } from "@babylonjs/core/Meshes/Builders/capsuleBuilder";
import { CreateSphere } from "@babylonjs/core/Meshes/Builders/sphereBuilder";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { CreateCylinder } from "@babylonjs/core/Meshes/Builders/cylinderBuilder";
import { CreateTorus } from "@babylonjs/core/Meshes/Builders/torusBuilder";
import { Accessories, modelOf, type AvatarLook } from "./avatarLook";

/** The meshes of one look, under one node; the arm is a node of its own so emotes can swing it. */
export interface BuiltFigure {
  parts: TransformNode;
  arm: TransformNode;
}

const headY = 1.52;

/** Builds the figure of a look under parent: +z is forward, the feet stand at y = 0. Each model has its
 * own silhouette so people tell them apart from a distance; the accessory sits on top. */
export function buildFigure(scene: Scene, look: AvatarLook, parent: TransformNode): BuiltFigure {
  const parts = new TransformNode("look", scene);
  parts.parent = parent;
  const outfit = material(scene, look.outfit);
  const skin = material(scene, look.body);
  const dark = material(scene, 0x202a3a);
  const add = (mesh: Mesh, m: StandardMaterial, x: number, y: number, z: number): Mesh => {
    mesh.position.set(x, y, z);
    mesh.material = m;
    mesh.parent = parts;
    mesh.isPickable = false;
    return mesh;
  };

  const model = modelOf(look);
  switch (model) {
    case "business":
      add(CreateBox("legs", { width: 0.42, height: 0.75, depth: 0.26 }, scene), dark, 0, 0.375, 0);
      add(CreateBox("jacket", { width: 0.58, height: 0.7, depth: 0.32 }, scene), outfit, 0, 1.05, 0);
      add(CreateBox("tie", { width: 0.07, height: 0.4, depth: 0.02 }, scene), material(scene, 0xb91c1c), 0, 1.15, 0.17);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, headY, 0);
      break;
    case "traditional":
      add(CreateCylinder("robe", { height: 1.3, diameterTop: 0.46, diameterBottom: 0.85, tessellation: 16 }, scene), outfit, 0, 0.65, 0);
      add(CreateCylinder("sash", { height: 0.1, diameter: 0.62, tessellation: 16 }, scene), material(scene, 0xd4a017), 0, 0.95, 0);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, headY, 0);
      break;
    case "sporty":
      add(CreateCapsule("torso", { height: 1.3, radius: 0.26, tessellation: 12 }, scene), outfit, 0, 0.65, 0);
      add(CreateTorus("stripe", { diameter: 0.53, thickness: 0.06, tessellation: 20 }, scene), material(scene, 0xffffff), 0, 0.95, 0);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, headY, 0);
      break;
    case "robot": {
      const metal = material(scene, look.outfit);
      metal.specularColor = new Color3(0.6, 0.6, 0.6);
      add(CreateBox("torso", { width: 0.6, height: 1.1, depth: 0.4 }, scene), metal, 0, 0.7, 0);
      add(CreateBox("head", { size: 0.4 }, scene), skin, 0, headY, 0);
      add(CreateCylinder("antenna", { height: 0.22, diameter: 0.03 }, scene), dark, 0, headY + 0.31, 0);
      add(CreateSphere("antenna-tip", { diameter: 0.08, segments: 6 }, scene), material(scene, 0xef4444), 0, headY + 0.43, 0);
      break;
    }
    default:
      add(CreateCapsule("torso", { height: 1.3, radius: 0.28, tessellation: 12 }, scene), outfit, 0, 0.65, 0);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, headY, 0);
  }
  // A visor shows which way the avatar faces.
  add(CreateBox("visor", { width: 0.3, height: 0.08, depth: 0.1 }, scene), dark, 0, headY + 0.04, 0.19);

  const arm = new TransformNode("arm", scene);
  arm.parent = parts;
  arm.position.set(0.32, 1.15, 0);
  const armMesh = add(CreateCapsule("arm-mesh", { height: 0.7, radius: 0.07 }, scene), model === "robot" ? dark : outfit, 0, -0.3, 0);
  armMesh.parent = arm;

  addAccessory(look.accessory, scene, add);
  return { parts, arm };
}

type Add = (mesh: Mesh, m: StandardMaterial, x: number, y: number, z: number) => Mesh;

function addAccessory(accessory: number, scene: Scene, add: Add): void {
  switch (accessory) {
    case Accessories.hat: {
      const felt = material(scene, 0x3f2a1d);
      add(CreateCylinder("hat-brim", { height: 0.03, diameter: 0.6, tessellation: 20 }, scene), felt, 0, headY + 0.17, 0);
      add(CreateCylinder("hat-crown", { height: 0.22, diameter: 0.36, tessellation: 20 }, scene), felt, 0, headY + 0.29, 0);
      break;
    }
    case Accessories.glasses: {
      const frame = material(scene, 0x111111);
      for (const x of [-0.09, 0.09]) {
        const lens = add(CreateTorus("lens", { diameter: 0.12, thickness: 0.025, tessellation: 14 }, scene), frame, x, headY + 0.03, 0.215);
        lens.rotation.x = Math.PI / 2;
      }
      break;
    }
    case Accessories.backpack:
      add(CreateBox("backpack", { width: 0.42, height: 0.55, depth: 0.2 }, scene), material(scene, 0x166534), 0, 1.0, -0.33);
      break;
    case Accessories.scarf:
      add(CreateTorus("scarf", { diameter: 0.36, thickness: 0.12, tessellation: 18 }, scene), material(scene, 0xdc2626), 0, 1.3, 0);
      break;
  }
}

function material(scene: Scene, rgb: number): StandardMaterial {
  const m = new StandardMaterial("avatar", scene);
  m.diffuseColor = Color3.FromInts((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
  m.specularColor = new Color3(0.1, 0.1, 0.1);
  return m;
}
