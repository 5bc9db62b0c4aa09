import { readConfig } from "../../engine/config.ts";
import { startServer } from "../../engine/http/server.ts";
import { DataDirLockedError } from "../../engine/store/data-dir-lock.ts";

// A server process on an embedded data folder, API only, for tests that
// need a real second process (the data folder lock).
try {
  const running = await startServer({ ...readConfig(), port: 0, seedDemo: false });
  console.log(`listening ${running.url}`);
  process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
