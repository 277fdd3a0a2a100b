import type { Scene } from "@babylonjs/core/scene";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import type { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { VideoTexture } from "@babylonjs/core/Materials/Textures/videoTexture";
import type { RenderPacer } from "../scene/renderPacer";

type Shown = { peer: number; video: HTMLVideoElement } | null;

const blank = new Color3(0.08, 0.1, 0.14);

/** A meeting room's wall screen: shows the screen someone in the room shares (the first in the screens panel),
 * blank otherwise. While it shows a screen the world is drawn every frame, so the picture moves. */
export class RoomScreen {
  private texture: VideoTexture | null = null;
  private video: HTMLVideoElement | null = null;
  private peer = 0;

  constructor(private readonly scene: Scene, private readonly material: StandardMaterial, source: () => Shown, pacer: RenderPacer) {
    pacer.onTick(() => this.show(source()));
    pacer.busyWhile(() => this.texture !== null);
  }

  /** What the screen shows: for tests and the status hook. */
  get state(): { showing: boolean; peer: number } {
    return { showing: this.texture !== null, peer: this.peer };
  }

  private show(shown: Shown): void {
    if ((shown?.video ?? null) === this.video) return;
    this.texture?.dispose();
    this.texture = null;
    this.video = shown?.video ?? null;
    this.peer = shown?.peer ?? 0;
    if (shown) {
      // The panel's element already plays the stream: the texture only reads its frames.
      this.texture = new VideoTexture("room-screen-video", shown.video, this.scene, false, true, VideoTexture.TRILINEAR_SAMPLINGMODE, { autoPlay: false, autoUpdateTexture: true });
      this.material.emissiveTexture = this.texture;
      this.material.emissiveColor = Color3.White();
    } else {
      this.material.emissiveTexture = null;
      this.material.emissiveColor = blank;
    }
  }
}
