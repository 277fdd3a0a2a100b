import type { Scene } from "@babylonjs/core/scene";
import type { BuiltBuilding } from "./buildings";
import type { ParkSceneData } from "./worldScene";
import { centroid } from "./geometry";

/** Replaces extruded buildings with the GLB models their park uploaded. The glTF loader is fetched only
 * when a park has a model; the extruded shape stays if a model cannot be loaded. */
export async function loadBuildingModels(scene: Scene, park: ParkSceneData, built: BuiltBuilding[]): Promise<number> {
  const withModels = built.filter(b => b.data.modelUrl);
  if (withModels.length === 0) return 0;
  const [{ ImportMeshAsync }] = await Promise.all([import("@babylonjs/core/Loading/sceneLoader"), import("@babylonjs/loaders/glTF/index")]);
  let loaded = 0;
  for (const building of withModels) {
    try {
      const result = await ImportMeshAsync(building.data.modelUrl!, scene, { pluginExtension: ".glb" });
      const [cx, cz] = centroid(building.data.footprint);
      const root = result.meshes[0];
      root.position.set(park.origin[0] + cx, 0, park.origin[1] + cz);
      building.mesh.setEnabled(false);
      loaded++;
    } catch (error) {
      console.warn(`Model of building ${building.data.id} could not be loaded`, error);
    }
  }
  return loaded;
}
