import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Two front ends, built together into dist/: the runtime (educators, admins)
// at /, the designer (COPIL, referents) at /designer/. The API is served by
// the same express process, so no proxy in production.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: { runtime: "runtime/index.html", designer: "designer/index.html" },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
