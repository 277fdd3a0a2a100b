// Live digital-twin overlay of the 3D world: space markers tinted by occupancy or temperature, and
// status lights for the machines of production lines on their building's roof. Polls
// /api/v1/world/twins every 5 seconds; started by world.ts once the scene is built.
import type { Scene } from "@babylonjs/core/scene";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateSphere } from "@babylonjs/core/Meshes/Builders/sphereBuilder";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { SpaceMarkers } from "./scene/spaces";
import type { ParkSceneData } from "./scene/worldScene";

interface SpaceLive { spaceId: number; occupancy: number | null; capacity: number; temperature: number | null }
interface MachineLive { twinId: string; nameEn: string; nameZh: string; buildingId: number | null; state: number | null }
interface WorldTwins { spaces: SpaceLive[]; machines: MachineLive[] }

type Mode = "occupancy" | "temperature";
const open = [0.1, 0.66, 0.38, 1];
const closed = [0.55, 0.55, 0.55, 1];
const stateColors: Record<number, Color3> = { 0: new Color3(0.55, 0.55, 0.55), 1: new Color3(0.18, 0.75, 0.3), 2: new Color3(0.95, 0.72, 0.05), 3: new Color3(0.85, 0.2, 0.42) };

const zh = () => (document.documentElement.lang || "en").startsWith("zh");
const text = (en: string, cn: string) => (zh() ? cn : en);

/** Green (empty or cool) through yellow to red (full or hot). */
function ramp(share: number): number[] {
  const t = Math.min(1, Math.max(0, share));
  return t < 0.5 ? [0.1 + 1.6 * t, 0.7, 0.2, 1] : [0.9, 0.7 - 1.1 * (t - 0.5), 0.15, 1];
}

/** Starts the overlay; its legend panel goes at the end of `column` (the world's right-hand column); `redraw` asks
 * for a frame after the colours change. */
export function startTwinsOverlay(scene: Scene, markers: SpaceMarkers, parks: ParkSceneData[], column: HTMLElement, redraw: () => void): void {
  let mode: Mode = "occupancy";
  let last: WorldTwins | null = null;
  const lights = new Map<string, { mesh: Mesh; material: StandardMaterial }>();
  const panel = document.createElement("div");
  panel.className = "world-twins";
  panel.setAttribute("data-world-twins", "");
  const legend = document.createElement("div");
  legend.className = "world-twins-legend";
  const buttons = (["occupancy", "temperature"] as Mode[]).map((m) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.mode = m;
    button.textContent = m === "occupancy" ? text("Occupancy", "人数") : text("Temperature", "温度");
    button.addEventListener("click", () => { mode = m; paint(); });
    return button;
  });
  const caption = document.createElement("div");
  panel.append(...buttons, legend, caption);

  const index = new Map<number, number>();
  markers.spaces.forEach((space, i) => index.set(space.id, i));
  const byBuilding = new Map<number, { x: number; z: number; height: number }>();
  for (const park of parks) {
    for (const building of park.buildings) {
      if (building.footprint.length === 0) continue;
      const cx = building.footprint.reduce((s, p) => s + p[0], 0) / building.footprint.length;
      const cz = building.footprint.reduce((s, p) => s + p[1], 0) / building.footprint.length;
      byBuilding.set(building.id, { x: park.origin[0] + cx, z: park.origin[1] + cz, height: building.height });
    }
  }

  function paint(): void {
    if (!last) return;
    buttons.forEach((b) => b.classList.toggle("active", b.dataset.mode === mode));
    caption.textContent = mode === "occupancy" ? text("Empty → full", "空闲 → 满员") : text("18 °C → 28 °C", "18 °C → 28 °C");
    const colors = new Float32Array(4 * markers.spaces.length);
    markers.spaces.forEach((space, i) => colors.set(space.openNow ? open : closed, 4 * i));
    for (const live of last.spaces) {
      const i = index.get(live.spaceId);
      if (i === undefined) continue;
      if (mode === "occupancy" && live.occupancy !== null && live.capacity > 0) colors.set(ramp(live.occupancy / live.capacity), 4 * i);
      if (mode === "temperature" && live.temperature !== null) colors.set(ramp((live.temperature - 18) / 10), 4 * i);
    }
    markers.mesh.thinInstanceSetBuffer("color", colors, 4, true);

    const perBuilding = new Map<number, number>();
    for (const machine of last.machines) {
      const place = machine.buildingId === null ? undefined : byBuilding.get(machine.buildingId);
      if (!place) continue;
      let light = lights.get(machine.twinId);
      if (!light) {
        const n = perBuilding.get(machine.buildingId!) ?? 0;
        const mesh = CreateSphere(`machine-${machine.twinId}`, { diameter: 5, segments: 12 }, scene);
        mesh.position.set(place.x - 17 + (n % 6) * 7, place.height + 4 + Math.floor(n / 6) * 7, place.z);
        mesh.isPickable = false;
        const material = new StandardMaterial(`machine-light-${machine.twinId}`, scene);
        material.disableLighting = true;
        mesh.material = material;
        light = { mesh, material };
        lights.set(machine.twinId, light);
      }
      perBuilding.set(machine.buildingId!, (perBuilding.get(machine.buildingId!) ?? 0) + 1);
      light.material.emissiveColor = stateColors[machine.state ?? 0] ?? stateColors[0];
    }
    panel.dataset.spaces = String(last.spaces.length);
    panel.dataset.machines = String(lights.size);
    redraw();
  }

  const url = parks.length === 1 ? `/api/v1/world/twins?park=${parks[0].id}` : "/api/v1/world/twins";
  async function refresh(): Promise<void> {
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return;
      last = (await response.json()) as WorldTwins;
      if (last.spaces.length === 0 && last.machines.length === 0) { panel.remove(); return; }
      if (!panel.isConnected) column.appendChild(panel);
      paint();
    } catch {
      // The overlay is extra: the world works without it; the next poll tries again.
    }
  }
  void refresh();
  const timer = window.setInterval(() => {
    if (!column.isConnected) { window.clearInterval(timer); return; }
    void refresh();
  }, 5000);
}
