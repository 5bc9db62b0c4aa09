import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./server.ts";

// Browser tests need the built designer in dist/designer. The full build
// (vite.config.ts) needs the runtime too; while a branch lacks it, only the
// designer is built, with the same plugin and output layout.

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureDesignerBuilt(): Promise<void> {
  const index = path.join(ROOT, "dist", "designer", "index.html");
  const sources = Math.max(...["designer", "engine/grid"].map((d) => newestMtime(path.join(ROOT, d))));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  const { build } = await import("vite");
  if (fs.existsSync(path.join(ROOT, "runtime", "index.html"))) {
    await build({ root: ROOT, configFile: path.join(ROOT, "vite.config.ts"), logLevel: "warn" });
    return;
  }
  const react = (await import("@vitejs/plugin-react")).default;
  await build({
    root: ROOT,
    configFile: false,
    plugins: [react()],
    logLevel: "warn",
    build: {
      outDir: "dist",
      emptyOutDir: false,
      chunkSizeWarningLimit: 2500,
      rolldownOptions: { input: { designer: path.join(ROOT, "designer/index.html") } },
    },
  });
}
