import type { Scene } from "@babylonjs/core/scene";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { Camera } from "@babylonjs/core/Cameras/camera";
import { Matrix, Vector3 } from "@babylonjs/core/Maths/math.vector";
import { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";

export interface LabelStyle {
  background: string;
  color: string;
  fontSize: number;
}

export const buildingLabel: LabelStyle = { background: "rgba(20, 33, 61, 0.82)", color: "#ffffff", fontSize: 15 };
export const parkLabel: LabelStyle = { background: "rgba(138, 28, 28, 0.88)", color: "#ffffff", fontSize: 16 };
export const openSpaceLabel: LabelStyle = { background: "rgba(25, 135, 84, 0.88)", color: "#ffffff", fontSize: 13 };
export const closedSpaceLabel: LabelStyle = { background: "rgba(90, 90, 90, 0.85)", color: "#f1f1f1", fontSize: 13 };
export const nameTagLabel: LabelStyle = { background: "rgba(0, 0, 0, 0.55)", color: "#ffffff", fontSize: 13 };

/** A label on the page: its text, and a coloured ring (e.g. while its person speaks). */
export interface LabelHandle {
  setText(text: string): void;
  setRing(color: string | null): void;
  dispose(): void;
}

interface Label {
  text: string;
  style: LabelStyle;
  anchor: TransformNode;
  maxDistance: number;
  /** Higher first when labels would overlap on screen. */
  priority: number;
  ring: string | null;
  /** Made the first time the label is in view, so a zone of many labels costs nothing far away. */
  control: Rectangle | null;
  block: TextBlock | null;
  /** Screen position and distance, from the last layout. */
  x: number;
  y: number;
  distance: number;
}

/** How often (in frames) labels are laid out again: often enough to follow a turning camera. */
const layoutEvery = 4;
/** Nearer than this share of its range a label is drawn larger, farther it shrinks to its smallest. */
const nearScale = 1.25;
const farScale = 0.85;

/**
 * Screen-space name labels that follow meshes. Every few frames the layer lays them out: a label beyond
 * its distance or behind the camera is hidden; the rest are sized by distance (near ones larger, far
 * ones still readable) and placed most important and nearest first, and a label that would overlap one
 * already placed is left out, so a crowded or distant view stays legible instead of a heap of boxes.
 */
export class LabelLayer {
  private readonly ui: AdvancedDynamicTexture;
  private readonly labels: Label[] = [];
  private frame = 0;

  /** @param changed called when a label's text or ring changes, so that a still view is redrawn */
  constructor(private readonly scene: Scene, private readonly changed: () => void = () => undefined) {
    this.ui = AdvancedDynamicTexture.CreateFullscreenUI("labels", true, scene);
    scene.onBeforeRenderObservable.add(() => {
      if (this.frame++ % layoutEvery === 0 && scene.activeCamera) this.layout(scene.activeCamera);
    });
  }

  add(anchor: TransformNode, text: string, style: LabelStyle, maxDistance = Infinity, priority = 1): LabelHandle {
    const label: Label = { text, style, anchor, maxDistance, priority, ring: null, control: null, block: null, x: 0, y: 0, distance: 0 };
    this.labels.push(label);
    return {
      setText: (value: string) => {
        label.text = value;
        if (label.block) label.block.text = value;
        this.changed();
      },
      setRing: (color: string | null) => {
        label.ring = color;
        if (label.control) paintRing(label.control, color);
        this.changed();
      },
      dispose: () => {
        label.control?.dispose();
        this.labels.splice(this.labels.indexOf(label), 1);
      },
    };
  }

  get count(): number {
    return this.labels.length;
  }

  /** Labels drawn right now (for tests: legible, not overlapping). */
  shown(): { text: string; x: number; y: number; width: number; height: number }[] {
    return this.labels.filter(l => l.control?.isVisible).map(l => {
      const size = sizeOf(l);
      return { text: l.text, x: l.x, y: l.y, width: size.width, height: size.height };
    });
  }

  private create(label: Label): Rectangle {
    const box = new Rectangle();
    box.adaptWidthToChildren = true;
    box.adaptHeightToChildren = true;
    box.background = label.style.background;
    box.cornerRadius = 6;
    box.thickness = 0;
    box.isPointerBlocker = false;
    const block = new TextBlock();
    block.text = label.text;
    block.color = label.style.color;
    block.fontSize = label.style.fontSize;
    block.fontWeight = "600";
    block.outlineWidth = 0;
    block.resizeToFit = true;
    block.paddingLeft = "6px";
    block.paddingRight = "6px";
    block.paddingTop = "2px";
    block.paddingBottom = "2px";
    box.addControl(block);
    this.ui.addControl(box);
    box.linkWithMesh(label.anchor);
    paintRing(box, label.ring);
    label.control = box;
    label.block = block;
    return box;
  }

  private layout(camera: Camera): void {
    const engine = this.scene.getEngine();
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    const transform = this.scene.getTransformMatrix();
    const viewport = camera.viewport.toGlobal(width, height);
    // Render pixels per CSS pixel (2 on a high-density screen, 0.5 when drawing light): labels keep their size on screen.
    const density = width / (engine.getRenderingCanvas()?.clientWidth || width);
    const eye = camera.globalPosition;
    const candidates: Label[] = [];
    for (const label of this.labels) {
      const position = label.anchor.getAbsolutePosition();
      label.distance = Vector3.Distance(position, eye);
      let visible = label.distance < label.maxDistance;
      if (visible) {
        const p = Vector3.Project(position, Matrix.IdentityReadOnly, transform, viewport);
        visible = p.z > 0 && p.z < 1 && p.x > -50 && p.x < width + 50 && p.y > -20 && p.y < height + 20;
        label.x = p.x; // the full-screen UI is as large as the render: its pixels are render pixels
        label.y = p.y;
      }
      if (visible) candidates.push(label);
      else if (label.control?.isVisible) label.control.isVisible = false;
    }
    candidates.sort((a, b) => b.priority - a.priority || a.distance - b.distance);
    const placed: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const label of candidates) {
      const share = label.maxDistance === Infinity ? 0.5 : Math.min(1, label.distance / label.maxDistance);
      const scale = density * (nearScale - (nearScale - farScale) * Math.min(1, share * 2));
      const size = sizeOf(label, scale);
      const rect = { left: label.x - size.width / 2, top: label.y - size.height / 2, right: label.x + size.width / 2, bottom: label.y + size.height / 2 };
      const free = !placed.some(r => rect.left < r.right && rect.right > r.left && rect.top < r.bottom && rect.bottom > r.top);
      if (free) placed.push(rect);
      const control = label.control ?? (free ? this.create(label) : null);
      if (!control) continue;
      if (control.isVisible !== free) control.isVisible = free;
      if (free && control.scaleX !== scale) {
        control.scaleX = scale;
        control.scaleY = scale;
      }
    }
  }
}

function paintRing(box: Rectangle, color: string | null): void {
  box.thickness = color ? 3 : 0;
  box.color = color ?? "transparent";
}

/** The label's box on screen, estimated from its text (wide characters such as Chinese take a full em). */
function sizeOf(label: Label, scale = label.control?.scaleX ?? 1): { width: number; height: number } {
  let ems = 0;
  for (const ch of label.text) ems += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6;
  const font = label.style.fontSize;
  return { width: (ems * font + 14) * scale, height: (font + 10) * scale };
}
