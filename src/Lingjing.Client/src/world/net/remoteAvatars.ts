import type { Scene } from "@babylonjs/core/scene";
import type { AvatarProfile, AvatarState, Snapshot } from "../protocol/world_pb";
import { AvatarFigure, type FigurePose } from "../avatar/avatarFigure";
import { fromWire, lookFor, type AvatarLook } from "../avatar/avatarLook";
import type { LabelLayer } from "../scene/labels";
import { fromCm, fromHeading } from "./codec";
import { PoseBuffer, ServerClock } from "./interpolation";

/** How far behind the server clock remote avatars are shown: one 10 Hz tick plus jitter headroom. */
export const renderDelayMs = 100;
/** In a crowd the two cells an avatar crosses between can arrive on different ticks, so an avatar
 * missing from every known cell is kept this long before it is taken away (docs/protocol.md §6). */
const missingGraceMs = 1000;

/** After someone moves, their figure glides to the new pose for this long (render delay plus a tick's headroom). */
const glideMs = 1000;

/** A remote avatar as the page draws it (window.lingjingWorld.remotes()). */
export interface RemoteAvatarView {
  id: number;
  name: string;
  x: number;
  z: number;
  /** Radians about the vertical axis; 0 faces north (+z). */
  heading: number;
  look: AvatarLook;
  /** The emote the avatar is playing, 0 when none. */
  emote: number;
  /** What the avatar sends into voice and video (MediaFlags bits). */
  media: number;
  /** Who the person acts for (their enterprise), shown on the name tag. */
  affiliation: string;
  /** What the figure does: walking, talking, its shape, its uploaded model, its name tag. */
  figure: FigurePose;
}

interface Remote {
  buffer: PoseBuffer;
  figure: AvatarFigure;
  lastSeen: number;
  media: number;
}

/** Everyone else in the world: who they are (profiles from AvatarsJoined), which grid cells the server
 * says we can see, and a smoothly interpolated figure for each visible avatar. */
export class RemoteAvatars {
  readonly profiles = new Map<number, AvatarProfile>();
  private readonly cells = new Map<string, AvatarState[]>();
  private readonly remotes = new Map<number, Remote>();
  private readonly clock = new ServerClock();
  selfId = 0;
  /** This client's own MediaFlags as the server sees them (it adds SILENCED and FORWARDED). */
  selfMedia = 0;
  private movedAt = -Infinity;

  constructor(
    private readonly scene: Scene,
    private readonly labels: LabelLayer,
    private readonly onSelf: (state: AvatarState) => void,
  ) {
    scene.onBeforeRenderObservable.add(() => this.render());
  }

  /** True while a figure is on its way somewhere or plays an emote: the world is drawn every frame. */
  get animating(): boolean {
    if (performance.now() - this.movedAt < glideMs) return true;
    for (const remote of this.remotes.values()) if (remote.figure.busy) return true; // walks, talks or plays an emote
    return false;
  }

  get visibleCount(): number {
    return this.remotes.size;
  }

  /** Positions of the visible avatars, for tests and the people list. */
  positions(): { id: number; x: number; z: number }[] {
    return [...this.remotes].map(([id, r]) => ({ id, x: r.figure.root.position.x, z: r.figure.root.position.z }));
  }

  /** The x positions a visible avatar is replayed through (see PoseBuffer.replay), for tests. */
  replayedPath(id: number): number[] {
    return this.remotes.get(id)?.buffer.replay() ?? [];
  }

  /** Who the visible avatars are, with their look and rendered position. */
  views(): RemoteAvatarView[] {
    return [...this.remotes].map(([id, r]) => ({
      id, name: this.profiles.get(id)?.displayName ?? "", x: r.figure.root.position.x, z: r.figure.root.position.z,
      heading: r.figure.root.rotation.y, look: r.figure.look, emote: r.figure.playing, media: r.media,
      affiliation: this.profiles.get(id)?.affiliation ?? "", figure: r.figure.pose(),
    }));
  }

  /** What a visible avatar sends into voice and video (MediaFlags bits), 0 when unknown. */
  mediaOf(id: number): number {
    return this.remotes.get(id)?.media ?? 0;
  }

  /** The figure of a visible avatar (where it is drawn), if any. */
  figureOf(id: number): AvatarFigure | undefined {
    return this.remotes.get(id)?.figure;
  }

  join(profiles: AvatarProfile[]): void {
    for (const profile of profiles) {
      this.profiles.set(profile.id, profile);
      const figure = this.remotes.get(profile.id)?.figure;
      figure?.setName(profile.displayName);
      figure?.setAffiliation(profile.affiliation);
      figure?.setLook(fromWire(profile.look) ?? lookFor(profile.displayName));
    }
  }

  leave(ids: number[]): void {
    for (const id of ids) {
      this.profiles.delete(id);
      this.drop(id);
    }
  }

  /** A new connection: nothing from the old one is still true. */
  clear(): void {
    this.cells.clear();
    this.profiles.clear();
    for (const id of [...this.remotes.keys()]) this.drop(id);
  }

  apply(snapshot: Snapshot): void {
    const serverTime = Number(snapshot.serverTimeMs);
    this.clock.observe(serverTime, performance.now());
    if (snapshot.full) this.cells.clear();
    for (const removed of snapshot.removedCells) this.cells.delete(`${removed.x},${removed.z}`);
    // All batches of one cell in a snapshot together replace what we knew about that cell.
    const fresh = new Map<string, AvatarState[]>();
    for (const batch of snapshot.cells) {
      const key = `${batch.cellX},${batch.cellZ}`;
      const list = fresh.get(key) ?? [];
      list.push(...batch.avatars);
      fresh.set(key, list);
    }
    // Re-inserted so that iteration order is arrival order: an avatar found in two cells takes the
    // state of the batch received last.
    for (const [key, list] of fresh) {
      this.cells.delete(key);
      this.cells.set(key, list);
    }

    const visible = new Set<number>();
    for (const list of this.cells.values()) {
      for (const state of list) {
        if (state.id === this.selfId) {
          this.selfMedia = state.media;
          this.onSelf(state);
          continue;
        }
        visible.add(state.id);
        const remote = this.remote(state.id);
        remote.lastSeen = performance.now();
        if (remote.media !== state.media) {
          remote.media = state.media;
          remote.figure.setMedia(state.media);
        }
        remote.figure.setMovement(state.state);
        if (remote.buffer.push({ t: serverTime, x: fromCm(state.x), z: fromCm(state.z), heading: fromHeading(state.heading) })) this.movedAt = performance.now();
      }
    }
    const now = performance.now();
    for (const [id, remote] of [...this.remotes]) if (!visible.has(id) && now - remote.lastSeen > missingGraceMs) this.drop(id);
  }

  playEmote(avatarId: number, emote: number): void {
    this.remotes.get(avatarId)?.figure.play(emote);
  }

  private remote(id: number): Remote {
    let remote = this.remotes.get(id);
    if (!remote) {
      const profile = this.profiles.get(id);
      const name = profile?.displayName ?? `#${id}`;
      const look = fromWire(profile?.look) ?? lookFor(name);
      remote = { buffer: new PoseBuffer(), figure: new AvatarFigure(this.scene, name, look, this.labels), lastSeen: performance.now(), media: 0 };
      remote.figure.setAffiliation(profile?.affiliation ?? "");
      this.remotes.set(id, remote);
    }
    return remote;
  }

  private drop(id: number): void {
    this.remotes.get(id)?.figure.dispose();
    this.remotes.delete(id);
    this.movedAt = performance.now();
  }

  private render(): void {
    const t = this.clock.now(performance.now()) - renderDelayMs;
    for (const remote of this.remotes.values()) {
      const pose = remote.buffer.at(t);
      if (!pose) continue;
      remote.figure.root.position.set(pose.x, 0, pose.z);
      remote.figure.root.rotation.y = pose.heading;
    }
  }
}
