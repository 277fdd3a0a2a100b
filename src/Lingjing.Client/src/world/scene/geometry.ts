import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Point } from "./worldScene";

/** A park-local polygon as scene points on the ground; footprints are made counter-clockwise seen from
 * above so extruded walls face outwards whatever order the data has. */
export function toGround(points: Point[], origin: Point, y = 0): Vector3[] {
  const ordered = signedArea(points) < 0 ? [...points].reverse() : points;
  return ordered.map(([x, z]) => new Vector3(origin[0] + x, y, origin[1] + z));
}

/** Shoelace area: positive when the points run counter-clockwise with x east and z north. */
export function signedArea(points: Point[]): number {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, z1] = points[i];
    const [x2, z2] = points[(i + 1) % points.length];
    area += x1 * z2 - x2 * z1;
  }
  return area / 2;
}

export function centroid(points: Point[]): Point {
  if (points.length === 0) return [0, 0];
  let x = 0;
  let z = 0;
  for (const [px, pz] of points) {
    x += px;
    z += pz;
  }
  return [x / points.length, z / points.length];
}

export function extent(points: Point[]): { minX: number; minZ: number; maxX: number; maxZ: number } {
  let minX = Infinity, minZ = Infinity, maxX = -Infinity, maxZ = -Infinity;
  for (const [x, z] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minZ = Math.min(minZ, z);
    maxZ = Math.max(maxZ, z);
  }
  return { minX, minZ, maxX, maxZ };
}

/** Whether a point lies inside a polygon (even-odd rule; either winding). */
export function contains(points: Point[], x: number, z: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, zi] = points[i];
    const [xj, zj] = points[j];
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

/** The point just outside a polygon's wall nearest to (x, z), `out` metres from it: a door for something inside. */
export function doorOf(points: Point[], x: number, z: number, out: number): Point {
  let best: Point = [x, z];
  let bestDistance = Infinity;
  let normal: Point = [0, -1];
  for (let i = 0; i < points.length; i++) {
    const [ax, az] = points[i];
    const [bx, bz] = points[(i + 1) % points.length];
    const dx = bx - ax;
    const dz = bz - az;
    const lengthSquared = dx * dx + dz * dz;
    if (lengthSquared === 0) continue;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (z - az) * dz) / lengthSquared));
    const px = ax + t * dx;
    const pz = az + t * dz;
    const distance = Math.hypot(x - px, z - pz);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = [px, pz];
      const length = Math.sqrt(lengthSquared);
      normal = [dz / length, -dx / length];
    }
  }
  // The normal's side depends on the winding: take the side that is outside.
  const [px, pz] = best;
  const outside = !contains(points, px + normal[0] * out, pz + normal[1] * out);
  const sign = outside ? 1 : -1;
  return [px + sign * normal[0] * out, pz + sign * normal[1] * out];
}
