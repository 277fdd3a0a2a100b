import type { AvatarLook as WireLook } from "../protocol/world_pb";

/** How an avatar looks (AvatarLook in the protocol, chosen in /me): a body model, skin and outfit
 * colours (0xRRGGBB) and an accessory. */
export interface AvatarLook {
  model: string;
  body: number;
  outfit: number;
  accessory: number;
}

/** The models the server offers (AvatarLookCatalog.Models); an unknown one is drawn as casual. */
export const avatarModels = ["casual", "business", "traditional", "sporty", "robot"] as const;
export type AvatarModel = (typeof avatarModels)[number];

/** Accessory numbers on the wire. */
export const Accessories = { none: 0, hat: 1, glasses: 2, backpack: 3, scarf: 4 } as const;

export function modelOf(look: AvatarLook): AvatarModel {
  return (avatarModels as readonly string[]).includes(look.model) ? (look.model as AvatarModel) : "casual";
}

/** The look the server sent, or null when it sent none. */
export function fromWire(look: WireLook | undefined): AvatarLook | null {
  if (!look || !look.model) return null;
  return { model: look.model, body: look.bodyColor, outfit: look.outfitColor, accessory: look.accessory };
}

/** The look the page rendered into data-avatar-look ({"model","bodyColor","outfitColor","accessory"}). */
export function fromPage(json: string | undefined): AvatarLook | null {
  if (!json) return null;
  try {
    const raw = JSON.parse(json) as { model?: string; bodyColor?: number; outfitColor?: number; accessory?: number };
    if (typeof raw.model !== "string") return null;
    return { model: raw.model, body: raw.bodyColor ?? 0, outfit: raw.outfitColor ?? 0, accessory: raw.accessory ?? 0 };
  } catch {
    return null;
  }
}

/** A stable look for someone whose chosen look is not known yet. */
export function lookFor(key: string): AvatarLook {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  const palette = [0x2f6fbf, 0xc0392b, 0x27ae60, 0x8e44ad, 0xd35400, 0x16a085, 0x2c3e50, 0xb7950b];
  return { model: "casual", body: 0xf1c9a5, outfit: palette[(hash >>> 0) % palette.length], accessory: 0 };
}

export function sameLook(a: AvatarLook, b: AvatarLook): boolean {
  return a.model === b.model && a.body === b.body && a.outfit === b.outfit && a.accessory === b.accessory;
}
