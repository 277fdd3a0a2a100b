// Bundles the browser entry points into the server's wwwroot/dist.
import * as esbuild from "esbuild";

const production = process.env.NODE_ENV === "production";
const outdir = "../Lingjing.Server/wwwroot/dist";

await esbuild.build({
  // app: the portal (Bootstrap, dashboards); world: the 3D world pages (Babylon.js), loaded only there.
  entryPoints: { app: "src/app.ts", world: "src/world/world.ts" },
  outdir,
  bundle: true,
  format: "esm",
  splitting: true,
  minify: true,
  sourcemap: production ? false : "linked",
  target: ["es2022"],
  loader: { ".woff": "file", ".woff2": "file" },
  logLevel: "warning",
});
