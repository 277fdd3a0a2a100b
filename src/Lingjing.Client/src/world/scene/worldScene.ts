// The JSON of GET /api/v1/world/{parkId}/scene and /api/v1/world/zone/scene (Features/World/WorldScene.cs).
// Metres; x east, z north; the ground is y = 0.

export type Point = [number, number];

export interface WorldSceneData {
  worldId: string;
  kind: "park" | "zone" | "meeting" | "hall" | "expo" | "service-hall";
  generatedAt: string;
  spawn: Point;
  /** Which way a new avatar faces at the spawn: radians, 0 = north (+z), towards the park. */
  spawnHeading?: number;
  bounds: [number, number, number, number];
  parks: ParkSceneData[];
  /** An event hall's stage, [minX, minZ, maxX, maxZ]. */
  stage?: [number, number, number, number];
  /** An expo hall's stands. */
  stands?: StandSceneData[];
}

/** An exhibitor's stand in an expo hall (Features/World/WorldScene.cs StandScene): its booth, centre and square size (m). */
export interface StandSceneData {
  boothId: number;
  code: string;
  x: number;
  z: number;
  size: number;
  titleZh: string;
  titleEn: string;
  enterpriseId: number;
  exhibitorZh: string;
  exhibitorEn: string;
}

export interface ParkSceneData {
  id: number;
  nameZh: string;
  nameEn: string;
  origin: Point;
  boundary: Point[];
  allowsGuests: boolean;
  buildings: BuildingSceneData[];
  spaces: SpaceSceneData[];
}

export interface BuildingSceneData {
  id: number;
  nameZh: string;
  nameEn: string;
  footprint: Point[];
  height: number;
  floors: number;
  modelUrl: string | null;
  showrooms: ShowroomSceneData[];
}

export interface SpaceSceneData {
  id: number;
  buildingId: number | null;
  nameZh: string;
  nameEn: string;
  type: string;
  typeZh: string;
  typeEn: string;
  capacity: number;
  x: number;
  z: number;
  opensAt: string;
  closesAt: string;
  /** Bit 0 = Monday ... bit 6 = Sunday. */
  openDays: number;
  openNow: boolean;
}

export interface ShowroomSceneData {
  id: number;
  nameZh: string;
  nameEn: string;
  category: string;
}
