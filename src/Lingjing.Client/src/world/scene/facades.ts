import type { Scene } from "@babylonjs/core/scene";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import { Texture } from "@babylonjs/core/Materials/Textures/texture";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { VertexData } from "@babylonjs/core/Meshes/mesh.vertexData";

/** Width of one window bay along a wall, metres. */
const bayWidth = 3.6;

/**
 * One bay of one floor, drawn once into a texture that repeats over every wall: a window with its sill
 * and a floor slab. Walls map one texture tile to one bay of one floor (u along the wall, v up), so the
 * windows show each building's own floor count. White walls: each building's tint comes from its vertex colours.
 */
export function facadeMaterial(scene: Scene): StandardMaterial {
  const size = 128;
  const texture = new DynamicTexture("facade", { width: size, height: size }, scene, true);
  const context = texture.getContext();
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, size, size);
  context.fillStyle = "#c9c9c9"; // the slab between floors
  context.fillRect(0, size - 10, size, 10);
  const glass = context.createLinearGradient(0, 22, 0, 96);
  glass.addColorStop(0, "#8fb3cf");
  glass.addColorStop(1, "#3d5a78");
  context.fillStyle = "#5b6470"; // frame
  context.fillRect(18, 20, size - 36, 80);
  context.fillStyle = glass;
  context.fillRect(22, 24, size - 44, 72);
  context.fillStyle = "#5b6470"; // mullion
  context.fillRect(size / 2 - 2, 24, 4, 72);
  context.fillStyle = "#e6e6e6"; // sill
  context.fillRect(14, 100, size - 28, 5);
  texture.update();
  texture.wrapU = Texture.WRAP_ADDRESSMODE;
  texture.wrapV = Texture.WRAP_ADDRESSMODE;
  texture.anisotropicFilteringLevel = 4;

  const material = new StandardMaterial("facade", scene);
  material.diffuseTexture = texture;
  material.specularColor = new Color3(0.12, 0.12, 0.12);
  material.freeze();
  return material;
}

export function roofMaterial(scene: Scene): StandardMaterial {
  const material = new StandardMaterial("roof", scene);
  material.diffuseColor = new Color3(0.5, 0.52, 0.55);
  material.specularColor = Color3.Black();
  material.freeze();
  return material;
}

/**
 * The walls of a building as one mesh: a quad per footprint edge from the ground to `height`, with
 * `floors` rows of window bays (u counts bays, v counts floors). `outline` runs counter-clockwise seen
 * from above, so each wall's outward side is on the right of its edge.
 */
export function buildWalls(name: string, scene: Scene, outline: Vector3[], height: number, floors: number, tint: Color3): Mesh {
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const colors: number[] = [];
  const indices: number[] = [];
  const rows = Math.max(1, floors);
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i];
    const b = outline[(i + 1) % outline.length];
    const dx = b.x - a.x;
    const dz = b.z - a.z;
    const length = Math.hypot(dx, dz);
    if (length < 0.01) continue;
    const bays = Math.max(1, Math.round(length / bayWidth));
    const nx = dz / length;
    const nz = -dx / length;
    const base = positions.length / 3;
    positions.push(a.x, 0, a.z, b.x, 0, b.z, b.x, height, b.z, a.x, height, a.z);
    for (let k = 0; k < 4; k++) {
      normals.push(nx, 0, nz);
      colors.push(tint.r, tint.g, tint.b, 1);
    }
    uvs.push(0, 0, bays, 0, bays, rows, 0, rows);
    // Babylon's front faces wind clockwise as seen from the side they face.
    indices.push(base, base + 2, base + 1, base, base + 3, base + 2);
  }
  const data = new VertexData();
  data.positions = positions;
  data.normals = normals;
  data.uvs = uvs;
  data.colors = colors;
  data.indices = indices;
  const mesh = new Mesh(name, scene);
  data.applyToMesh(mesh);
  return mesh;
}
