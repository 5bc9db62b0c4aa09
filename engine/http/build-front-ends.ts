import fs from "node:fs";
import path from "node:path";
import { log } from "./log.ts";

// `npm start` builds the two front ends when dist/ is missing or older than
// their sources, so a fresh clone and a pulled change both just work.

const SOURCE_DIRS = ["runtime", "designer", "engine/grid", "engine/response", "engine/table"];

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

export async function ensureFrontEndsBuilt(root: string): Promise<string> {
  const distDir = path.join(root, "dist");
  const marker = path.join(distDir, "runtime", "index.html");
  const designer = path.join(distDir, "designer", "index.html");
  const builtAt =
    fs.existsSync(marker) && fs.existsSync(designer) ? fs.statSync(marker).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))));
  if (builtAt > sourcesAt) return distDir;

  log.info({ distDir }, "building the front ends");
  const { build } = await import("vite");
  // Vite picks React's development build when NODE_ENV says so (vitest sets
  // "test"); dist/ must always hold the production build that `npm start` serves.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root,
      configFile: path.join(root, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return distDir;
}
