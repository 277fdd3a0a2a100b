import type { Scene } from "@babylonjs/core/scene";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import type { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import type { RenderPacer } from "../scene/renderPacer";

type Shown = { peer: number; video: HTMLVideoElement } | null;

const blank = new Color3(0.08, 0.1, 0.14);
/** The wall screen's picture: 16:9, and redrawn at most ten times a second (shared screens rarely move faster). */
const width = 960, height = 540, redrawMs = 100;

/**
 * A meeting room's wall screen: shows the screen someone in the room shares (the first in the screens panel), blank
 * otherwise. Each redraw copies the stream's current frame onto the texture's canvas, scaled to fit; while it shows a
 * screen the world is drawn every frame, so the picture moves.
 */
export class RoomScreen {
  private readonly texture: DynamicTexture;
  private player: HTMLVideoElement | null = null;
  private source: HTMLVideoElement | null = null;
  private peer = 0;
  private drawnAt = 0;
  private frames = 0;

  constructor(scene: Scene, private readonly material: StandardMaterial, source: () => Shown, pacer: RenderPacer) {
    this.texture = new DynamicTexture("room-screen-picture", { width, height }, scene, false);
    pacer.onTick(now => {
      this.follow(source());
      if (this.player && now - this.drawnAt >= redrawMs) this.draw(now);
    });
    pacer.busyWhile(() => this.player !== null);
  }

  /** Whether a shared screen's picture is on the wall, whose, and the colour at its centre: for tests and the status hook. */
  get state(): { showing: boolean; peer: number; centre: number[] } {
    const centre = [...this.texture.getContext().getImageData(width / 2, height / 2, 1, 1).data.slice(0, 3)];
    return { showing: this.player !== null && this.frames > 0, peer: this.peer, centre };
  }

  private follow(shown: Shown): void {
    if ((shown?.video ?? null) === this.source) return;
    this.player?.pause();
    this.source = shown?.video ?? null;
    this.peer = shown?.peer ?? 0;
    this.frames = 0;
    this.player = null;
    if (shown) {
      // An element of its own for the same stream: the panel's is hidden in a meeting room and may not decode.
      const player = document.createElement("video");
      player.muted = true;
      player.playsInline = true;
      player.srcObject = shown.video.srcObject;
      void player.play().catch(() => undefined);
      this.player = player;
      this.material.emissiveTexture = this.texture;
      this.material.emissiveColor = Color3.Black(); // added to the texture's colour: black leaves the picture as it is
    } else {
      this.material.emissiveTexture = null;
      this.material.emissiveColor = blank;
    }
  }

  private draw(now: number): void {
    const player = this.player!;
    if (player.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || player.videoWidth === 0) return;
    this.drawnAt = now;
    const context = this.texture.getContext();
    context.fillStyle = "#000";
    context.fillRect(0, 0, width, height);
    const scale = Math.min(width / player.videoWidth, height / player.videoHeight);
    const [w, h] = [player.videoWidth * scale, player.videoHeight * scale];
    context.drawImage(player, (width - w) / 2, (height - h) / 2, w, h);
    this.texture.update();
    this.frames++;
  }
}
