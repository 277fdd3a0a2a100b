import type { AvatarLook as WireLook } from "../protocol/world_pb";

/** How an avatar looks (AvatarLook in the protocol, chosen in /me): a figure (model), a body shape, skin and
 * outfit colours (0xRRGGBB), an accessory, and the person's own uploaded GLB model ("" for none). */
export interface AvatarLook {
  model: string;
  shape: string;
  body: number;
  outfit: number;
  accessory: number;
  modelUrl: string;
}

/** The models the server offers (AvatarLookCatalog.Models); an unknown one is drawn as casual. */
export const avatarModels = ["casual", "business", "traditional", "sporty", "robot"] as const;
export type AvatarModel = (typeof avatarModels)[number];

/** The body shapes (AvatarLookCatalog.Shapes): width and height against the average body. AvatarLookForm.ShapeScale
 * draws the /me preview with the same numbers. An unknown shape is drawn as average. */
export const bodyShapes: Record<string, { width: number; height: number }> = {
  average: { width: 1, height: 1 },
  slim: { width: 0.8, height: 1.04 },
  broad: { width: 1.25, height: 1 },
  petite: { width: 0.9, height: 0.86 },
};

/** Where uploaded avatar models are served (AvatarModelApi); a look never makes the page load anything else. */
const modelPath = "/api/v1/world/avatar-models/";

/** Accessory numbers on the wire. */
export const Accessories = { none: 0, hat: 1, glasses: 2, backpack: 3, scarf: 4 } as const;

export function modelOf(look: AvatarLook): AvatarModel {
  return (avatarModels as readonly string[]).includes(look.model) ? (look.model as AvatarModel) : "casual";
}

export function shapeOf(look: AvatarLook): { width: number; height: number } {
  return bodyShapes[look.shape] ?? bodyShapes.average;
}

/** The uploaded model to load for a look, or null (none, or an address that is not the server's avatar models). */
export function uploadedModelOf(look: AvatarLook): string | null {
  return look.modelUrl.startsWith(modelPath) && !look.modelUrl.includes("..") ? look.modelUrl : null;
}

/** The look the server sent, or null when it sent none. */
export function fromWire(look: WireLook | undefined): AvatarLook | null {
  if (!look || !look.model) return null;
  return { model: look.model, shape: look.shape || "average", body: look.bodyColor, outfit: look.outfitColor, accessory: look.accessory, modelUrl: look.modelUrl };
}

/** The look the page rendered into data-avatar-look (AvatarLookCatalog.ToPageJson). */
export function fromPage(json: string | undefined): AvatarLook | null {
  if (!json) return null;
  try {
    const raw = JSON.parse(json) as { model?: string; shape?: string; bodyColor?: number; outfitColor?: number; accessory?: number; modelUrl?: string | null };
    if (typeof raw.model !== "string") return null;
    return {
      model: raw.model, shape: raw.shape ?? "average", body: raw.bodyColor ?? 0, outfit: raw.outfitColor ?? 0, accessory: raw.accessory ?? 0,
      modelUrl: raw.modelUrl ?? "",
    };
  } catch {
    return null;
  }
}

/** A stable look for someone whose chosen look is not known yet. */
export function lookFor(key: string): AvatarLook {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  const palette = [0x2f6fbf, 0xc0392b, 0x27ae60, 0x8e44ad, 0xd35400, 0x16a085, 0x2c3e50, 0xb7950b];
  return { model: "casual", shape: "average", body: 0xf1c9a5, outfit: palette[(hash >>> 0) % palette.length], accessory: 0, modelUrl: "" };
}

export function sameLook(a: AvatarLook, b: AvatarLook): boolean {
  return a.model === b.model && a.shape === b.shape && a.body === b.body && a.outfit === b.outfit && a.accessory === b.accessory
    && a.modelUrl === b.modelUrl;
}
