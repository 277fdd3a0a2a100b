import type { Scene } from "@babylonjs/core/scene";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateCapsule } from "@babylonjs/core/Meshes/Builders/capsuleBuilder";
import { CreateSphere } from "@babylonjs/core/Meshes/Builders/sphereBuilder";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { nameTagLabel, type LabelLayer } from "../scene/labels";

export interface AvatarColors {
  body: number;
  outfit: number;
}

/** Emote numbers on the wire (EmoteSend.emote) and keys 1-4. */
export const Emotes = { wave: 1, jump: 2, dance: 3, cheer: 4 } as const;
const emoteSeconds = 1.6;

/** A person in the world: a simple figure with a name tag that can play emotes. The root carries the
 * networked position and heading; emotes move only the body under it. */
export class AvatarFigure {
  readonly root: TransformNode;
  private readonly body: TransformNode;
  private readonly arm: TransformNode;
  private readonly tag: { setText(text: string): void; dispose(): void };
  private readonly outfit: StandardMaterial;
  private readonly skin: StandardMaterial;
  private emote = 0;
  private emoteStarted = 0;

  constructor(private readonly scene: Scene, name: string, colors: AvatarColors, labels: LabelLayer) {
    this.root = new TransformNode(`avatar-${name}`, scene);
    this.body = new TransformNode("body", scene);
    this.body.parent = this.root;
    const outfit = (this.outfit = material(scene, colors.outfit));
    const skin = (this.skin = material(scene, colors.body));
    const torso = CreateCapsule("torso", { height: 1.3, radius: 0.28, tessellation: 12 }, scene);
    torso.position.y = 0.65;
    torso.material = outfit;
    torso.parent = this.body;
    const head = CreateSphere("head", { diameter: 0.42, segments: 10 }, scene);
    head.position.y = 1.52;
    head.material = skin;
    head.parent = this.body;
    // A visor shows which way the avatar faces (+z is forward).
    const visor = CreateBox("visor", { width: 0.3, height: 0.08, depth: 0.1 }, scene);
    visor.position.set(0, 1.56, 0.19);
    visor.material = material(scene, 0x202a3a);
    visor.parent = this.body;
    this.arm = new TransformNode("arm", scene);
    this.arm.parent = this.body;
    this.arm.position.set(0.32, 1.15, 0);
    const armMesh = CreateCapsule("arm-mesh", { height: 0.7, radius: 0.07 }, scene);
    armMesh.position.y = -0.3;
    armMesh.material = outfit;
    armMesh.parent = this.arm;
    for (const mesh of this.body.getChildMeshes()) mesh.isPickable = false;

    const tagAnchor = new TransformNode("tag", scene);
    tagAnchor.parent = this.root;
    tagAnchor.position.y = 2.1;
    this.tag = labels.add(tagAnchor, name, nameTagLabel, 200);
    scene.onBeforeRenderObservable.add(this.animate);
  }

  setName(name: string): void {
    this.tag.setText(name);
  }

  /** The look chosen in /me, when the world tells us (AvatarsJoined carries it). */
  setColors(colors: AvatarColors): void {
    this.outfit.diffuseColor = toColor(colors.outfit);
    this.skin.diffuseColor = toColor(colors.body);
  }

  play(emote: number): void {
    this.emote = emote;
    this.emoteStarted = performance.now();
  }

  dispose(): void {
    this.scene.onBeforeRenderObservable.removeCallback(this.animate);
    this.tag.dispose();
    this.root.dispose(false, true);
  }

  private readonly animate = (): void => {
    if (this.emote === 0) return;
    const t = (performance.now() - this.emoteStarted) / 1000;
    if (t > emoteSeconds) {
      this.emote = 0;
      this.body.position.y = 0;
      this.body.rotation.y = 0;
      this.arm.rotation.z = 0;
      this.body.scaling.setAll(1);
      return;
    }
    const phase = t / emoteSeconds;
    switch (this.emote) {
      case Emotes.wave:
        this.arm.rotation.z = 2.4 + 0.5 * Math.sin(t * 14);
        break;
      case Emotes.jump:
        this.body.position.y = Math.max(0, Math.sin(phase * Math.PI * 2)) * 0.8;
        break;
      case Emotes.dance:
        this.body.rotation.y = phase * Math.PI * 4;
        this.body.position.y = Math.abs(Math.sin(t * 10)) * 0.15;
        break;
      case Emotes.cheer:
        this.arm.rotation.z = 2.9;
        this.body.scaling.setAll(1 + 0.12 * Math.abs(Math.sin(t * 8)));
        break;
    }
  };
}

function material(scene: Scene, rgb: number): StandardMaterial {
  const m = new StandardMaterial("avatar", scene);
  m.diffuseColor = toColor(rgb);
  m.specularColor = new Color3(0.1, 0.1, 0.1);
  return m;
}

function toColor(rgb: number): Color3 {
  return Color3.FromInts((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
}

/** A stable look for someone whose chosen look is not known yet. */
export function colorsFor(key: string): AvatarColors {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  const palette = [0x2f6fbf, 0xc0392b, 0x27ae60, 0x8e44ad, 0xd35400, 0x16a085, 0x2c3e50, 0xb7950b];
  return { body: 0xf1c9a5, outfit: palette[(hash >>> 0) % palette.length] };
}
