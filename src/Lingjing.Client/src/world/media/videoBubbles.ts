// Camera pictures in bubbles above the avatars that send them, and shared screens in a panel of their own.
import { el } from "../ui/dom";
import type { Texts } from "../ui/texts";

interface Bubble {
  element: HTMLElement;
  video: HTMLVideoElement;
}

/** Where an avatar's head appears on the page (CSS pixels within the overlay), or null when off screen. */
export type HeadOnScreen = (peer: number) => { x: number; y: number; distance: number } | null;

/** Bubbles shrink with distance and are hidden beyond this (metres). */
const farthestBubble = 40;

export class VideoBubbles {
  readonly layer: HTMLElement;
  readonly screens: HTMLElement;
  private readonly bubbles = new Map<number, Bubble>();
  private readonly shared = new Map<number, HTMLElement>();

  constructor(private readonly texts: Texts) {
    this.layer = el("div", "world-video-layer");
    this.screens = el("section", "world-panel world-screens");
    this.screens.hidden = true;
    this.screens.setAttribute("aria-live", "polite");
  }

  /** A peer's camera (null: it ended). */
  camera(peer: number, stream: MediaStream | null, name: string): void {
    this.bubbles.get(peer)?.element.remove();
    this.bubbles.delete(peer);
    if (!stream) return;
    const element = el("figure", "world-video-bubble");
    element.dataset.avatarId = String(peer);
    const video = playing(stream);
    element.append(video, el("figcaption", "", name));
    this.layer.append(element);
    this.bubbles.set(peer, { element, video });
  }

  /** A peer's screen channel (null: it ended); shown while the peer says it shares a screen. */
  screen(peer: number, stream: MediaStream | null, name: string): void {
    this.shared.get(peer)?.remove();
    this.shared.delete(peer);
    if (stream) {
      const item = el("figure", "world-screen");
      item.dataset.avatarId = String(peer);
      item.hidden = true;
      item.append(el("figcaption", "", this.texts.format("{0} is sharing a screen", name)), playing(stream));
      this.screens.append(item);
      this.shared.set(peer, item);
    }
  }

  /** The screen shown first in the panel right now (a meeting room puts it on its wall screen), or null. */
  shownScreen(): { peer: number; video: HTMLVideoElement } | null {
    for (const [peer, item] of this.shared) {
      const video = item.querySelector("video");
      if (!item.hidden && video) return { peer, video };
    }
    return null;
  }

  /** An event hall's big screen: a screen shared by someone amplified (on stage or at the microphone), else the camera
   * of one of them, else null. */
  stagePicture(amplified: (peer: number) => boolean): { peer: number; video: HTMLVideoElement } | null {
    for (const [peer, item] of this.shared) {
      const video = item.querySelector("video");
      if (!item.hidden && video && amplified(peer)) return { peer, video };
    }
    for (const [peer, bubble] of this.bubbles) if (amplified(peer)) return { peer, video: bubble.video };
    return null;
  }

  /** Moves every bubble above its avatar; shows a camera or a screen only while its person sends it. */
  follow(head: HeadOnScreen, sends: (peer: number, what: "camera" | "screen") => boolean): void {
    let screens = 0;
    for (const [peer, item] of this.shared) {
      item.hidden = !sends(peer, "screen");
      if (!item.hidden) screens++;
    }
    this.screens.hidden = screens === 0;
    for (const [peer, bubble] of this.bubbles) {
      const at = sends(peer, "camera") ? head(peer) : null;
      const visible = at !== null && at.distance < farthestBubble;
      bubble.element.hidden = !visible;
      if (!visible) continue;
      const scale = Math.max(0.45, Math.min(1, 12 / Math.max(at.distance, 1)));
      bubble.element.style.transform = `translate(${at.x}px, ${at.y}px) translate(-50%, -100%) scale(${scale.toFixed(2)})`;
    }
  }

  clear(): void {
    for (const peer of [...this.bubbles.keys()]) this.camera(peer, null, "");
    for (const peer of [...this.shared.keys()]) this.screen(peer, null, "");
  }
}

function playing(stream: MediaStream): HTMLVideoElement {
  const video = document.createElement("video");
  video.muted = true; // the voice comes through the spatial audio, not from the element
  video.autoplay = true;
  video.playsInline = true;
  video.srcObject = stream;
  void video.play().catch(() => undefined);
  return video;
}
