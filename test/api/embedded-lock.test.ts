import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/server.ts";

// Two server processes on one embedded data folder: PGlite takes no lock and
// would lose data, so the second must stop at once with a clear message.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-two-"));
const children: ChildProcess[] = [];

function serve(): {
  child: ChildProcess;
  output: Promise<{ code: number | null; text: string }>;
  ready: Promise<void>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/serve-embedded.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      BDC_DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
    },
  });
  children.push(child);
  let text = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("listening")) markReady();
    });
  }
  const output = new Promise<{ code: number | null; text: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, text })),
  );
  return { child, output, ready };
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded data folder", () => {
  it("refuses a second server process with a clear message", async () => {
    const first = serve();
    await first.ready;
    const started = Date.now();
    const second = await serve().output;
    expect(second.code).toBe(1);
    expect(second.text).toContain("Le dossier de données est déjà utilisé par le processus");
    expect(Date.now() - started).toBeLessThan(15_000);
    first.child.kill("SIGTERM");
    expect((await first.output).code).toBe(0);
    expect(fs.existsSync(path.join(dir, "data.lock"))).toBe(false);
  });
});
