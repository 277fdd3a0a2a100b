import type { Scene } from "@babylonjs/core/scene";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { nameTagLabel, type LabelHandle, type LabelLayer } from "../scene/labels";
import { MediaFlags } from "../protocol/world_pb";
import { sameLook, type AvatarLook } from "./avatarLook";
import { buildFigure } from "./avatarModels";

/** Emote numbers on the wire (EmoteSend.emote) and keys 1-4. */
export const Emotes = { wave: 1, jump: 2, dance: 3, cheer: 4 } as const;
const emoteSeconds = 1.6;

/** A person in the world: a figure of their look with a name tag that can play emotes. The root carries
 * the networked position and heading; emotes move only the body under it. */
export class AvatarFigure {
  readonly root: TransformNode;
  private readonly body: TransformNode;
  private parts: TransformNode;
  private arm: TransformNode;
  private readonly tag: LabelHandle;
  private name: string;
  private media = 0;
  private emote = 0;
  private emoteStarted = 0;

  constructor(private readonly scene: Scene, name: string, private currentLook: AvatarLook, labels: LabelLayer) {
    this.name = name;
    this.root = new TransformNode(`avatar-${name}`, scene);
    this.body = new TransformNode("body", scene);
    this.body.parent = this.root;
    ({ parts: this.parts, arm: this.arm } = buildFigure(scene, currentLook, this.body));

    const tagAnchor = new TransformNode("tag", scene);
    tagAnchor.parent = this.root;
    tagAnchor.position.y = 2.1;
    this.tag = labels.add(tagAnchor, name, nameTagLabel, 200, 3);
    scene.onBeforeRenderObservable.add(this.animate);
  }

  /** The emote being played (Emotes), 0 when none. */
  get playing(): number {
    return this.emote;
  }

  get look(): AvatarLook {
    return this.currentLook;
  }

  /** Redraws the figure in another look (the one chosen in /me, once the world tells us). */
  setLook(look: AvatarLook): void {
    if (sameLook(look, this.currentLook)) return;
    this.currentLook = look;
    this.parts.dispose(false, true);
    ({ parts: this.parts, arm: this.arm } = buildFigure(this.scene, look, this.body));
  }

  setName(name: string): void {
    this.name = name;
    this.showTag();
  }

  /** Shows on the name tag what the person sends (MediaFlags bits): a ring while they speak, marks for
   * microphone, camera and screen, and a red ring while an operator has muted them. */
  setMedia(media: number): void {
    this.media = media;
    this.showTag();
  }

  private showTag(): void {
    const has = (flag: MediaFlags) => (this.media & flag) !== 0;
    const silenced = has(MediaFlags.SILENCED);
    const marks = silenced ? " ✕" : (has(MediaFlags.MICROPHONE) ? " ♪" : "") + (has(MediaFlags.CAMERA) ? " ▣" : "") + (has(MediaFlags.SCREEN) ? " ▭" : "");
    this.tag.setText(this.name + marks);
    this.tag.setRing(silenced ? "#dc3545" : has(MediaFlags.SPEAKING) ? "#2ecc71" : null);
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
