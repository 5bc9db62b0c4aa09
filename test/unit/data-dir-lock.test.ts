import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../engine/store/data-dir-lock.ts";

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-lock-"));
  dirs.push(dir);
  return path.join(dir, "data");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded data folder lock", () => {
  it("refuses a second process with a French message naming the owner", async () => {
    const dataDir = tempDataDir();
    // Another live process owns the lock.
    const owner = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    fs.writeFileSync(`${dataDir}.lock`, String(owner.pid));
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dataDir)).toThrow(/déjà utilisé par le processus \d+/);
    } finally {
      owner.kill();
    }
  });

  it("takes over a lock left by a process that died", () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.lock`, "999999999");
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("puts the lock next to the data folder, not inside it", () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
    expect(fs.existsSync(dataDir)).toBe(false);
    release();
  });
});
