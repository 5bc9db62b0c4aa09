import type { Writable } from "node:stream";

/**
 * Writes a chunk and, when the stream's buffer is full, waits until it drains
 * or closes (a client that went away); no listener outlives the wait.
 */
export async function writeWithBackpressure(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}
