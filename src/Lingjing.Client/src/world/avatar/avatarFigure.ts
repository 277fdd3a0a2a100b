import type { Scene } from "@babylonjs/core/scene";
import type { AnimationGroup } from "@babylonjs/core/Animations/animationGroup";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { nameTagLabel, type LabelHandle, type LabelLayer } from "../scene/labels";
import { MediaFlags, MovementState } from "../protocol/world_pb";
import { sameLook, shapeOf, uploadedModelOf, type AvatarLook } from "./avatarLook";
import { buildFigure, type BuiltFigure } from "./avatarModels";

/** Emote numbers on the wire (EmoteSend.emote) and keys 1-4. */
export const Emotes = { wave: 1, jump: 2, dance: 3, cheer: 4 } as const;
const emoteSeconds = 1.6;
/** Faster than this (metres a second, as drawn) the figure walks; it keeps walking this long after a pause between two poses. */
const walkingSpeed = 0.3;
const walkHoldMs = 250;
/** Faster than this it runs: a quicker stride. */
const runningSpeed = 5.5;
/** Uploaded models are drawn this tall (metres), whatever their own units. */
const uploadedHeight = 1.75;
/** An enterprise name on the name tag is cut to this many characters. */
const affiliationChars = 18;

/** What the figure is doing, for tests and diagnostics (window.lingjingWorld.remotes()). */
export interface FigurePose {
  /** Legs and arms swing (the figure moves as it is drawn). */
  walking: boolean;
  /** The left leg's swing in radians (0 when standing). */
  stride: number;
  /** The talking cue plays (the person speaks). */
  talking: boolean;
  shape: string;
  /** The person's own model: none, loading, drawn instead of the figure, or it could not be loaded (the figure stays). */
  model: "none" | "loading" | "loaded" | "failed";
  /** The name tag's text. */
  tag: string;
}

interface UploadedModel {
  url: string;
  holder: TransformNode | null;
  state: "loading" | "loaded" | "failed";
  /** The model's own animations by what they show, when it has them. */
  clips: { idle?: AnimationGroup; walk?: AnimationGroup; talk?: AnimationGroup; wave?: AnimationGroup };
  playing?: AnimationGroup;
  /** Skeletons live in the scene, not under the model's nodes. */
  skeletons: { dispose(): void }[];
  dispose(): void;
}

/**
 * A person in the world: a figure of their look (or their own uploaded model) with a name tag saying who they are and
 * for whom, that breathes while standing, walks while it moves, nods and gestures while they speak and plays emotes.
 * The root carries the networked position and heading; animations move only the body under it.
 *
 * Animations run before each drawn frame and never ask for frames themselves: standing still (breathing) advances only
 * on frames drawn anyway, so a still view stays still; walking, talking and emotes say so in {@link busy}, and the
 * owner keeps the world drawing while that is true.
 */
export class AvatarFigure {
  readonly root: TransformNode;
  private readonly body: TransformNode;
  private built: BuiltFigure;
  private readonly tagAnchor: TransformNode;
  private readonly tag: LabelHandle;
  private name: string;
  private affiliation = "";
  private media = 0;
  private emote = 0;
  private emoteStarted = 0;
  private uploaded: UploadedModel | null = null;
  private disposed = false;
  /** Where the root was on the last drawn frame, and when. */
  private last = { x: NaN, z: NaN, at: 0 };
  private movedAt = -Infinity;
  private speed = 0;
  /** 0 standing .. 1 in full stride, eased so starting and stopping do not snap. */
  private gait = 0;
  private stridePhase = 0;
  private movement = MovementState.IDLE;

  constructor(private readonly scene: Scene, name: string, private currentLook: AvatarLook, labels: LabelLayer) {
    this.name = name;
    this.root = new TransformNode(`avatar-${name}`, scene);
    this.body = new TransformNode("body", scene);
    this.body.parent = this.root;
    this.built = buildFigure(scene, currentLook, this.body);

    this.tagAnchor = new TransformNode("tag", scene);
    this.tagAnchor.parent = this.root;
    this.placeTag();
    this.tag = labels.add(this.tagAnchor, name, nameTagLabel, 200, 3);
    this.loadUploaded();
    scene.onBeforeRenderObservable.add(this.animate);
  }

  /** The emote being played (Emotes), 0 when none. */
  get playing(): number {
    return this.emote;
  }

  /** True while the person speaks (and is not silenced): the talking cue plays. */
  get talking(): boolean {
    return (this.media & MediaFlags.SPEAKING) !== 0 && (this.media & MediaFlags.SILENCED) === 0;
  }

  /** True while the figure walks, talks or plays an emote: the world should be drawn every frame. Standing and
   * breathing is not busy. */
  get busy(): boolean {
    return this.emote !== 0 || this.talking || this.gait > 0;
  }

  get look(): AvatarLook {
    return this.currentLook;
  }

  pose(): FigurePose {
    return {
      walking: this.gait > 0.5, stride: this.built.legs[0].rotation.x, talking: this.talking, shape: this.currentLook.shape,
      model: this.uploaded?.state ?? "none", tag: this.tagText(),
    };
  }

  /** Redraws the figure in another look (the one chosen in /me, once the world tells us). */
  setLook(look: AvatarLook): void {
    if (sameLook(look, this.currentLook)) return;
    this.currentLook = look;
    this.built.parts.dispose(false, true);
    this.built = buildFigure(this.scene, look, this.body);
    this.placeTag();
    this.loadUploaded();
  }

  setName(name: string): void {
    this.name = name;
    this.showTag();
  }

  /** Who the person acts for (AvatarProfile.affiliation: their enterprise), shown on the name tag after the name. */
  setAffiliation(affiliation: string): void {
    if (affiliation === this.affiliation) return;
    this.affiliation = affiliation;
    this.showTag();
  }

  /** The movement state the person's client reports (AvatarState.state): running strides faster. */
  setMovement(state: MovementState): void {
    this.movement = state;
  }

  /** Shows on the name tag what the person sends (MediaFlags bits): a ring while they speak, marks for
   * microphone, camera and screen, and a red ring while an operator has muted them. */
  setMedia(media: number): void {
    if (media === this.media) return;
    this.media = media;
    this.showTag();
  }

  play(emote: number): void {
    this.emote = emote;
    this.emoteStarted = performance.now();
  }

  dispose(): void {
    this.disposed = true;
    this.scene.onBeforeRenderObservable.removeCallback(this.animate);
    this.uploaded?.dispose();
    this.tag.dispose();
    this.root.dispose(false, true);
  }

  private tagText(): string {
    const has = (flag: MediaFlags) => (this.media & flag) !== 0;
    const silenced = has(MediaFlags.SILENCED);
    const marks = silenced ? " ✕" : (has(MediaFlags.MICROPHONE) ? " ♪" : "") + (has(MediaFlags.CAMERA) ? " ▣" : "") + (has(MediaFlags.SCREEN) ? " ▭" : "");
    // A name already told apart by the enterprise ("王伟 (某某设计)") does not repeat it.
    const affiliation = this.affiliation && !this.name.includes(`(${this.affiliation})`) ? ` · ${shorten(this.affiliation)}` : "";
    return this.name + affiliation + marks;
  }

  private showTag(): void {
    const has = (flag: MediaFlags) => (this.media & flag) !== 0;
    this.tag.setText(this.tagText());
    this.tag.setRing(has(MediaFlags.SILENCED) ? "#dc3545" : has(MediaFlags.SPEAKING) ? "#2ecc71" : null);
  }

  /** The tag floats above the head: higher over a tall body or an uploaded model. */
  private placeTag(): void {
    this.tagAnchor.position.y = Math.max(this.uploaded?.state === "loaded" ? uploadedHeight : 0, this.built.height) + 0.35;
  }

  /** Loads the look's uploaded model (if it has one and it is not loaded already); the built figure shows until it is in,
   * and stays if it cannot be loaded. */
  private loadUploaded(): void {
    const url = uploadedModelOf(this.currentLook);
    if (this.uploaded && this.uploaded.url === url) {
      this.built.parts.setEnabled(this.uploaded.state !== "loaded");
      return;
    }
    this.uploaded?.dispose();
    this.uploaded = null;
    this.built.parts.setEnabled(true);
    if (!url) return;
    const model: UploadedModel = {
      url, holder: null, state: "loading", clips: {}, skeletons: [],
      dispose() {
        this.holder?.dispose(false, true);
        for (const group of Object.values(this.clips)) group?.dispose();
        for (const skeleton of this.skeletons) skeleton.dispose();
      },
    };
    this.uploaded = model;
    void this.fetchModel(model);
  }

  private async fetchModel(model: UploadedModel): Promise<void> {
    try {
      const [{ ImportMeshAsync }] = await Promise.all([import("@babylonjs/core/Loading/sceneLoader"), import("@babylonjs/loaders/glTF/index")]);
      const result = await ImportMeshAsync(model.url, this.scene, { pluginExtension: ".glb" });
      const holder = new TransformNode("uploaded", this.scene);
      model.holder = holder;
      const root = result.meshes[0];
      root.parent = holder;
      model.skeletons = result.skeletons;
      for (const group of result.animationGroups) {
        group.stop();
        const name = group.name.toLowerCase();
        const clip = /idle|breath|stand/.test(name) ? "idle" : /walk|run/.test(name) ? "walk" : /talk|speak/.test(name) ? "talk" : /wave|greet/.test(name) ? "wave" : null;
        if (clip && !model.clips[clip]) model.clips[clip] = group;
        else group.dispose();
      }
      if (this.disposed || this.uploaded !== model) {
        model.dispose();
        return;
      }
      for (const mesh of result.meshes) mesh.isPickable = false;
      // Stand it on the ground at the root, as tall as a person, whatever its own units and origin.
      holder.computeWorldMatrix(true);
      const { min, max } = root.getHierarchyBoundingVectors(true);
      const height = max.y - min.y;
      if (!(height > 1e-4) || !Number.isFinite(height)) throw new Error("the model has no size");
      const scale = uploadedHeight / height;
      holder.scaling.setAll(scale);
      holder.position.set(-(min.x + max.x) / 2 * scale, -min.y * scale, -(min.z + max.z) / 2 * scale);
      holder.parent = this.body;
      model.state = "loaded";
      this.built.parts.setEnabled(false);
      this.placeTag();
    } catch (error) {
      model.state = "failed";
      model.dispose();
      console.warn(`The avatar model ${model.url} could not be loaded; the figure is drawn instead`, error);
    }
    this.showTag(); // asks the label layer, and so the world, for a frame
  }

  private readonly animate = (): void => {
    const now = performance.now();
    const elapsed = Math.max(0, (now - this.last.at) / 1000);
    const dt = Math.min(0.25, elapsed); // for easing: a frame after a long pause moves the stride only so far
    const p = this.root.position;
    const moved = Math.hypot(p.x - this.last.x, p.z - this.last.z);
    // A jump of metres in one frame is a correction or an arrival, not a walk.
    if (elapsed > 0 && Number.isFinite(moved) && moved < 5) this.speed = moved / elapsed;
    this.last = { x: p.x, z: p.z, at: now };
    if (this.speed > walkingSpeed) this.movedAt = now;
    const target = now - this.movedAt < walkHoldMs ? 1 : 0;
    this.gait += (target - this.gait) * Math.min(1, dt * 8);
    if (Math.abs(target - this.gait) < 0.02) this.gait = target;
    const running = this.speed > runningSpeed || this.movement === MovementState.RUNNING;
    if (this.gait > 0) this.stridePhase += dt * (running ? 13 : 8.5);
    else this.stridePhase = 0;

    const t = now / 1000;
    const swing = Math.sin(this.stridePhase) * this.gait;
    const breathe = Math.sin(t * 2.1) * (1 - this.gait);
    const talking = this.talking;
    const { head, arms, legs } = this.built;

    // Standing: breathing and a slight sway. Walking: legs and arms swing in turn, the body bobs.
    legs[0].rotation.x = 0.6 * swing;
    legs[1].rotation.x = -0.6 * swing;
    arms[0].rotation.set(-0.5 * swing, 0, -0.06 - 0.02 * breathe);
    arms[1].rotation.set(0.5 * swing, 0, 0.06 + 0.02 * breathe);
    this.body.scaling.set(1, 1 + 0.012 * breathe, 1);
    this.body.position.y = 0.05 * Math.abs(Math.sin(this.stridePhase)) * this.gait;
    this.body.rotation.set(0, 0, 0.015 * Math.sin(t * 0.9) * (1 - this.gait));
    // Talking: the head nods and the right hand gestures.
    head.rotation.set(talking ? 0.12 * Math.sin(t * 9) : 0, talking ? 0.08 * Math.sin(t * 2.3) : 0, 0);
    if (talking && this.gait < 0.5) arms[1].rotation.set(-0.7 + 0.25 * Math.sin(t * 5), 0, 0.2);

    this.playEmote(now, arms);
    this.animateUploaded(t, talking);
  };

  private playEmote(now: number, arms: [TransformNode, TransformNode]): void {
    if (this.emote === 0) return;
    const t = (now - this.emoteStarted) / 1000;
    if (t > emoteSeconds) {
      this.emote = 0;
      return;
    }
    const phase = t / emoteSeconds;
    switch (this.emote) {
      case Emotes.wave:
        arms[1].rotation.set(0, 0, 2.4 + 0.5 * Math.sin(t * 14));
        break;
      case Emotes.jump:
        this.body.position.y = Math.max(0, Math.sin(phase * Math.PI * 2)) * 0.8;
        break;
      case Emotes.dance:
        this.body.rotation.y = phase * Math.PI * 4;
        this.body.position.y = Math.abs(Math.sin(t * 10)) * 0.15;
        break;
      case Emotes.cheer:
        arms[0].rotation.set(0, 0, -2.9);
        arms[1].rotation.set(0, 0, 2.9);
        this.body.scaling.setAll(1 + 0.12 * Math.abs(Math.sin(t * 8)));
        break;
    }
  }

  /** An uploaded model plays its own animation for what the figure does when it has one; otherwise its whole body
   * bobs and rolls while walking, nods while talking and turns to and fro while waving. */
  private animateUploaded(t: number, talking: boolean): void {
    const model = this.uploaded;
    if (model?.state !== "loaded") return;
    const wanted = this.emote === Emotes.wave ? "wave" : this.gait > 0.5 ? "walk" : talking ? "talk" : "idle";
    const clip = model.clips[wanted] ?? (wanted === "idle" ? undefined : model.clips.idle);
    if (clip !== model.playing) {
      model.playing?.stop();
      clip?.start(true);
      model.playing = clip;
    }
    if (model.clips[wanted]) return;
    if (wanted === "walk") this.body.rotation.z = 0.07 * Math.sin(this.stridePhase);
    else if (wanted === "talk") this.body.rotation.x = 0.05 * Math.sin(t * 9);
    else if (wanted === "wave") this.body.rotation.y = 0.35 * Math.sin(t * 10);
  }
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > affiliationChars ? chars.slice(0, affiliationChars - 1).join("") + "…" : text;
}
