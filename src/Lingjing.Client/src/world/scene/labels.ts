import type { Scene } from "@babylonjs/core/scene";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { Camera } from "@babylonjs/core/Cameras/camera";
import { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";

export interface LabelStyle {
  background: string;
  color: string;
  fontSize: number;
}

export const buildingLabel: LabelStyle = { background: "rgba(20, 33, 61, 0.78)", color: "#ffffff", fontSize: 14 };
export const openSpaceLabel: LabelStyle = { background: "rgba(25, 135, 84, 0.85)", color: "#ffffff", fontSize: 12 };
export const closedSpaceLabel: LabelStyle = { background: "rgba(90, 90, 90, 0.8)", color: "#f1f1f1", fontSize: 12 };
export const nameTagLabel: LabelStyle = { background: "rgba(0, 0, 0, 0.55)", color: "#ffffff", fontSize: 13 };

/** A label on the page: its text, and a coloured ring (e.g. while its person speaks). */
export interface LabelHandle {
  setText(text: string): void;
  setRing(color: string | null): void;
  dispose(): void;
}

interface Label {
  control: Rectangle;
  anchor: TransformNode;
  maxDistance: number;
}

/** Screen-space name labels that follow meshes, hidden beyond a distance so crowded views stay legible. */
export class LabelLayer {
  private readonly ui: AdvancedDynamicTexture;
  private readonly labels: Label[] = [];
  private frame = 0;

  constructor(scene: Scene) {
    this.ui = AdvancedDynamicTexture.CreateFullscreenUI("labels", true, scene);
    scene.onBeforeRenderObservable.add(() => {
      // Distance checks every few frames are plenty for labels.
      if (++this.frame % 6 === 0 && scene.activeCamera) this.cull(scene.activeCamera);
    });
  }

  add(anchor: TransformNode, text: string, style: LabelStyle, maxDistance = Infinity): LabelHandle {
    const box = new Rectangle();
    box.adaptWidthToChildren = true;
    box.adaptHeightToChildren = true;
    box.background = style.background;
    box.cornerRadius = 6;
    box.thickness = 0;
    box.isPointerBlocker = false;
    const block = new TextBlock();
    block.text = text;
    block.color = style.color;
    block.fontSize = style.fontSize;
    block.resizeToFit = true;
    block.paddingLeft = "6px";
    block.paddingRight = "6px";
    block.paddingTop = "2px";
    block.paddingBottom = "2px";
    box.addControl(block);
    this.ui.addControl(box);
    box.linkWithMesh(anchor);
    const label: Label = { control: box, anchor, maxDistance };
    this.labels.push(label);
    return {
      setText: (value: string) => {
        block.text = value;
      },
      setRing: (color: string | null) => {
        box.thickness = color ? 3 : 0;
        box.color = color ?? "transparent";
      },
      dispose: () => {
        box.dispose();
        this.labels.splice(this.labels.indexOf(label), 1);
      },
    };
  }

  get count(): number {
    return this.labels.length;
  }

  private cull(camera: Camera): void {
    const eye = camera.globalPosition;
    for (const label of this.labels) {
      if (label.maxDistance === Infinity) continue;
      const visible = label.anchor.getAbsolutePosition().subtract(eye).length() < label.maxDistance;
      if (label.control.isVisible !== visible) label.control.isVisible = visible;
    }
  }
}
