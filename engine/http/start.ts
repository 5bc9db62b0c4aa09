import path from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "../config.ts";
import { startServer } from "./server.ts";
import { ensureFrontEndsBuilt } from "./build-front-ends.ts";
import { DataDirLockedError } from "../store/data-dir-lock.ts";
import { log } from "./log.ts";

// `npm start`: build the front ends if needed, then serve everything on one port.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const config = readConfig();

try {
  const distDir = await ensureFrontEndsBuilt(root);
  const running = await startServer(config, { distDir });
  console.log(`\nBDC prête : ouvrez ${running.url} dans votre navigateur.`);
  if (config.seedDemo) {
    console.log(
      `Comptes de démonstration : educateur@demo.bdc, chef@demo.bdc… (mot de passe : ${config.demoPassword}).`,
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
