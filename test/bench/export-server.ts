import { startServer } from "../../engine/http/server.ts";
import { readConfig } from "../../engine/config.ts";

// A server process of its own for the export benchmark, so its peak memory
// (VmHWM) is the server's alone. Prints its address, stops on SIGTERM.
const running = await startServer({ ...readConfig(), port: 0, seedDemo: false });
console.log(JSON.stringify({ url: running.url }));
process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
