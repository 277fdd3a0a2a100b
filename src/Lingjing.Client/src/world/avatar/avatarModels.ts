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
import { Accessories, modelOf, shapeOf, type AvatarLook } from "./avatarLook";

/** The meshes of one look, under one node, with the joints animations turn: the head (nods while talking), the
 * arms at the shoulders (swing while walking; the right one waves) and the legs at the hips. */
export interface BuiltFigure {
  parts: TransformNode;
  head: TransformNode;
  /** Left, right. */
  arms: [TransformNode, TransformNode];
  /** Left, right. */
  legs: [TransformNode, TransformNode];
  /** The top of the head above the feet, in metres. */
  height: number;
}

const headY = 1.56;
const hipY = 0.8;
const shoulderY = 1.32;

/** Builds the figure of a look under parent: +z is forward, the feet stand at y = 0. Each model has its
 * own silhouette so people tell them apart from a distance; the body shape widens, narrows or shortens the
 * body while the head keeps its size; the accessory sits on top. */
export function buildFigure(scene: Scene, look: AvatarLook, parent: TransformNode): BuiltFigure {
  const shape = shapeOf(look);
  const parts = new TransformNode("look", scene);
  parts.parent = parent;
  parts.scaling.set(shape.width, shape.height, shape.width);
  const outfit = material(scene, look.outfit);
  const skin = material(scene, look.body);
  const dark = material(scene, 0x202a3a);
  const joint = (name: string, x: number, y: number): TransformNode => {
    const node = new TransformNode(name, scene);
    node.parent = parts;
    node.position.set(x, y, 0);
    return node;
  };
  const add = (mesh: Mesh, m: StandardMaterial, x: number, y: number, z: number, under: TransformNode = parts): Mesh => {
    mesh.position.set(x, y, z);
    mesh.material = m;
    mesh.parent = under;
    mesh.isPickable = false;
    return mesh;
  };

  // The head keeps its size whatever the body's shape.
  const head = joint("head", 0, headY);
  head.scaling.set(1 / shape.width, 1 / shape.height, 1 / shape.width);
  const legs: [TransformNode, TransformNode] = [joint("leg-left", -0.12, hipY), joint("leg-right", 0.12, hipY)];
  const arms: [TransformNode, TransformNode] = [joint("arm-left", -0.33, shoulderY), joint("arm-right", 0.33, shoulderY)];
  const leg = (m: StandardMaterial, box = false) => {
    for (const hip of legs) {
      const mesh = box ? CreateBox("leg", { width: 0.15, height: 0.8, depth: 0.17 }, scene) : CreateCapsule("leg", { height: 0.82, radius: 0.09, tessellation: 10 }, scene);
      add(mesh, m, 0, -0.4, 0, hip);
    }
  };

  const model = modelOf(look);
  switch (model) {
    case "business":
      leg(dark);
      add(CreateBox("jacket", { width: 0.56, height: 0.68, depth: 0.32 }, scene), outfit, 0, 1.06, 0);
      add(CreateBox("tie", { width: 0.07, height: 0.4, depth: 0.02 }, scene), material(scene, 0xb91c1c), 0, 1.15, 0.17);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, 0, 0, head);
      break;
    case "traditional":
      // A robe to the ground: the legs stay under it, the arms and sleeves swing.
      add(CreateCylinder("robe", { height: 1.3, diameterTop: 0.46, diameterBottom: 0.85, tessellation: 16 }, scene), outfit, 0, 0.69, 0);
      add(CreateCylinder("sash", { height: 0.1, diameter: 0.62, tessellation: 16 }, scene), material(scene, 0xd4a017), 0, 0.99, 0);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, 0, 0, head);
      break;
    case "sporty":
      leg(skin);
      add(CreateCylinder("shorts", { height: 0.28, diameter: 0.44, tessellation: 14 }, scene), outfit, 0, 0.76, 0);
      add(CreateCapsule("torso", { height: 0.72, radius: 0.25, tessellation: 12 }, scene), outfit, 0, 1.08, 0);
      add(CreateTorus("stripe", { diameter: 0.5, thickness: 0.06, tessellation: 20 }, scene), material(scene, 0xffffff), 0, 1.0, 0);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, 0, 0, head);
      break;
    case "robot": {
      const metal = material(scene, look.outfit);
      metal.specularColor = new Color3(0.6, 0.6, 0.6);
      leg(dark, true);
      add(CreateBox("torso", { width: 0.6, height: 0.72, depth: 0.4 }, scene), metal, 0, 1.06, 0);
      add(CreateBox("head", { size: 0.4 }, scene), skin, 0, 0, 0, head);
      add(CreateCylinder("antenna", { height: 0.22, diameter: 0.03 }, scene), dark, 0, 0.31, 0, head);
      add(CreateSphere("antenna-tip", { diameter: 0.08, segments: 6 }, scene), material(scene, 0xef4444), 0, 0.43, 0, head);
      break;
    }
    default:
      leg(material(scene, 0x34495e));
      add(CreateCapsule("torso", { height: 0.78, radius: 0.27, tessellation: 12 }, scene), outfit, 0, 1.06, 0);
      add(CreateSphere("head", { diameter: 0.42, segments: 10 }, scene), skin, 0, 0, 0, head);
  }
  // A visor shows which way the avatar faces.
  add(CreateBox("visor", { width: 0.3, height: 0.08, depth: 0.1 }, scene), dark, 0, 0.04, 0.19, head);

  for (const shoulder of arms) {
    add(CreateCapsule("arm-mesh", { height: 0.66, radius: 0.07 }, scene), model === "robot" ? dark : outfit, 0, -0.28, 0, shoulder);
    add(CreateSphere("hand", { diameter: 0.13, segments: 6 }, scene), model === "robot" ? dark : skin, 0, -0.6, 0, shoulder);
  }

  addAccessory(look.accessory, scene, add, head);
  return { parts, head, arms, legs, height: (headY + 0.22) * shape.height };
}

type Add = (mesh: Mesh, m: StandardMaterial, x: number, y: number, z: number, under?: TransformNode) => Mesh;

function addAccessory(accessory: number, scene: Scene, add: Add, head: TransformNode): void {
  switch (accessory) {
    case Accessories.hat: {
      const felt = material(scene, 0x3f2a1d);
      add(CreateCylinder("hat-brim", { height: 0.03, diameter: 0.6, tessellation: 20 }, scene), felt, 0, 0.17, 0, head);
      add(CreateCylinder("hat-crown", { height: 0.22, diameter: 0.36, tessellation: 20 }, scene), felt, 0, 0.29, 0, head);
      break;
    }
    case Accessories.glasses: {
      const frame = material(scene, 0x111111);
      for (const x of [-0.09, 0.09]) {
        const lens = add(CreateTorus("lens", { diameter: 0.12, thickness: 0.025, tessellation: 14 }, scene), frame, x, 0.03, 0.215, head);
        lens.rotation.x = Math.PI / 2;
      }
      break;
    }
    case Accessories.backpack:
      add(CreateBox("backpack", { width: 0.42, height: 0.55, depth: 0.2 }, scene), material(scene, 0x166534), 0, 1.05, -0.3);
      break;
    case Accessories.scarf:
      add(CreateTorus("scarf", { diameter: 0.34, thickness: 0.12, tessellation: 18 }, scene), material(scene, 0xdc2626), 0, 1.36, 0);
      break;
  }
}

function material(scene: Scene, rgb: number): StandardMaterial {
  const m = new StandardMaterial("avatar", scene);
  m.diffuseColor = Color3.FromInts((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
  m.specularColor = new Color3(0.1, 0.1, 0.1);
  return m;
}
