// node test/golden-vectors.mjs [DIR]: bundles golden-check.js (which imports the TypeScript codec)
// with esbuild and runs it against the golden vectors in DIR (default ../../docs/protocol/golden).
import * as esbuild from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const directory = resolve(process.argv[2] ?? join(here, "../../../docs/protocol/golden"));
const out = mkdtempSync(join(tmpdir(), "lingjing-golden-"));
try {
  await esbuild.build({
    entryPoints: [join(here, "golden-check.js")],
    outfile: join(out, "golden-check.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  process.argv[2] = directory;
  await import(pathToFileURL(join(out, "golden-check.mjs")).href);
} finally {
  rmSync(out, { recursive: true, force: true });
}
