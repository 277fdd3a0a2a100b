// Bundles the browser entry points into the server's wwwroot/dist.
import * as esbuild from "esbuild";
import { rmSync } from "node:fs";

const production = process.env.NODE_ENV === "production";
const outdir = "../Lingjing.Server/wwwroot/dist";

// Chunk names carry content hashes: start clean so old chunks do not pile up as static assets.
rmSync(outdir, { recursive: true, force: true });

await esbuild.build({
  entryPoints: { app: "src/app.ts" },
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
