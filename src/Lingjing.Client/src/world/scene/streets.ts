import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { VertexData } from "@babylonjs/core/Meshes/mesh.vertexData";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { Matrix, Quaternion, Vector3 } from "@babylonjs/core/Maths/math.vector";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { CreateCylinder } from "@babylonjs/core/Meshes/Builders/cylinderBuilder";
import { CreateIcoSphere } from "@babylonjs/core/Meshes/Builders/icoSphereBuilder";
import "@babylonjs/core/Meshes/thinInstanceMesh";
import type { ParkSceneData, Point } from "./worldScene";
import { contains, extent } from "./geometry";

/** A rectangle on the ground, park-local metres. */
interface Rect {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

/** Open ground this wide between buildings (across the whole park) becomes a street. */
const streetGap = 9;
const roadWidth = 7;
/** Paving around a building's box, metres. */
const apron = 3;
const treeSpacing = 13;

/**
 * The park's streets, read from its layout: wherever a strip of open ground at least `streetGap` wide
 * runs across the park between the buildings, a road runs along it; every building stands on a paved
 * apron; trees line the roads. Roads and aprons are one mesh each per view, trees two thin-instanced
 * meshes (trunks and crowns): a handful of draw calls for any number of them.
 */
/** `clear`: a scene point no tree may stand near (the entrance, where people arrive). */
export function buildStreets(scene: Scene, parks: ParkSceneData[], withTrees: boolean, clear: Point): void {
  const roads: Rect[] = [];
  const aprons: Rect[] = [];
  const trees: [number, number, number][] = [];
  for (const park of parks) {
    if (park.boundary.length < 3) continue;
    const boxes = park.buildings.filter(b => b.footprint.length >= 3).map(b => extent(b.footprint));
    const site = extent(park.boundary);
    const [ox, oz] = park.origin;
    const local: Rect[] = [];
    for (const x of freeRuns(site.minX, site.maxX, boxes.map(b => [b.minX, b.maxX])))
      local.push({ minX: x - roadWidth / 2, maxX: x + roadWidth / 2, minZ: site.minZ, maxZ: site.maxZ });
    for (const z of freeRuns(site.minZ, site.maxZ, boxes.map(b => [b.minZ, b.maxZ])))
      local.push({ minX: site.minX, maxX: site.maxX, minZ: z - roadWidth / 2, maxZ: z + roadWidth / 2 });
    for (const r of local) roads.push({ minX: r.minX + ox, maxX: r.maxX + ox, minZ: r.minZ + oz, maxZ: r.maxZ + oz });
    for (const b of boxes) aprons.push({ minX: b.minX - apron + ox, maxX: b.maxX + apron + ox, minZ: b.minZ - apron + oz, maxZ: b.maxZ + apron + oz });
    if (!withTrees) continue;
    const blocked = (x: number, z: number) =>
      !contains(park.boundary, x, z)
      || boxes.some(b => x > b.minX - apron - 1 && x < b.maxX + apron + 1 && z > b.minZ - apron - 1 && z < b.maxZ + apron + 1)
      || local.some(r => x > r.minX - 1 && x < r.maxX + 1 && z > r.minZ - 1 && z < r.maxZ + 1);
    for (const r of local) {
      const alongX = r.maxX - r.minX > r.maxZ - r.minZ;
      const [from, to] = alongX ? [r.minX, r.maxX] : [r.minZ, r.maxZ];
      for (let t = from + treeSpacing / 2; t < to; t += treeSpacing) {
        for (const side of [-1, 1]) {
          const x = alongX ? t : (r.minX + r.maxX) / 2 + side * (roadWidth / 2 + 2.5);
          const z = alongX ? (r.minZ + r.maxZ) / 2 + side * (roadWidth / 2 + 2.5) : t;
          if (!blocked(x, z) && Math.hypot(x + ox - clear[0], z + oz - clear[1]) > 14) trees.push([x + ox, z + oz, 0.8 + 0.4 * hash(x, z)]);
        }
      }
    }
  }
  flat(scene, "aprons", aprons, 0.06, new Color3(0.8, 0.78, 0.74), -3);
  flat(scene, "roads", roads, 0.09, new Color3(0.36, 0.37, 0.4), -4);
  if (trees.length > 0) plantTrees(scene, trees);
}

/** Middles of the open runs (no box spans them) at least `streetGap` wide between `min` and `max`. */
function freeRuns(min: number, max: number, spans: [number, number][]): number[] {
  const middles: number[] = [];
  let start: number | null = null;
  for (let v = min; v <= max + 1; v += 1) {
    const free = v <= max && !spans.some(([a, b]) => v >= a - 1 && v <= b + 1);
    if (free && start === null) start = v;
    if (!free && start !== null) {
      if (v - start >= streetGap) middles.push((start + v - 1) / 2);
      start = null;
    }
  }
  return middles;
}

/** Rectangles as one flat mesh at height `y`, drawn over the ground without flicker (zOffset). */
function flat(scene: Scene, name: string, rects: Rect[], y: number, color: Color3, zOffset: number): void {
  if (rects.length === 0) return;
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  for (const r of rects) {
    const base = positions.length / 3;
    positions.push(r.minX, y, r.minZ, r.maxX, y, r.minZ, r.maxX, y, r.maxZ, r.minX, y, r.maxZ);
    normals.push(0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0);
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3); // facing up
  }
  const data = new VertexData();
  data.positions = positions;
  data.normals = normals;
  data.indices = indices;
  const mesh = new Mesh(name, scene);
  data.applyToMesh(mesh);
  const material = new StandardMaterial(name, scene);
  material.diffuseColor = color;
  material.specularColor = Color3.Black();
  material.zOffset = zOffset;
  material.freeze();
  mesh.material = material;
  mesh.isPickable = false;
  mesh.freezeWorldMatrix();
}

/** Trunks and crowns, each one mesh with a thin instance per tree ([x, z, size]). */
function plantTrees(scene: Scene, trees: [number, number, number][]): void {
  const trunk = CreateCylinder("tree-trunks", { diameterTop: 0.25, diameterBottom: 0.35, height: 2.4, tessellation: 6 }, scene);
  const crown = CreateIcoSphere("tree-crowns", { radius: 1.6, subdivisions: 1, flat: true }, scene);
  const bark = new StandardMaterial("bark", scene);
  bark.diffuseColor = new Color3(0.4, 0.3, 0.22);
  bark.specularColor = Color3.Black();
  bark.freeze();
  const leaves = new StandardMaterial("leaves", scene);
  leaves.diffuseColor = new Color3(0.33, 0.55, 0.27);
  leaves.specularColor = Color3.Black();
  leaves.freeze();
  trunk.material = bark;
  crown.material = leaves;
  const trunks = new Float32Array(16 * trees.length);
  const crowns = new Float32Array(16 * trees.length);
  const scale = new Vector3();
  trees.forEach(([x, z, size], i) => {
    scale.setAll(size);
    Matrix.Compose(scale, Quaternion.Identity(), new Vector3(x, 1.2 * size, z)).copyToArray(trunks, 16 * i);
    scale.set(size, size * 1.15, size);
    Matrix.Compose(scale, Quaternion.RotationAxis(Vector3.Up(), size * 7), new Vector3(x, 3.6 * size, z)).copyToArray(crowns, 16 * i);
  });
  for (const [mesh, matrices] of [[trunk, trunks], [crown, crowns]] as const) {
    mesh.thinInstanceSetBuffer("matrix", matrices, 16, true);
    mesh.isPickable = false;
    mesh.freezeWorldMatrix();
    mesh.alwaysSelectAsActiveMesh = true; // thin instances spread over the park: skip the bounding test
  }
}

/** A stable pseudo-random number in [0, 1) for a place: trees differ in size but never between visits. */
function hash(x: number, z: number): number {
  const s = Math.sin(x * 12.9898 + z * 78.233) * 43758.5453;
  return s - Math.floor(s);
}
