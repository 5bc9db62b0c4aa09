import { Readable, type Writable } from "node:stream";
import zlib from "node:zlib";
import { writeWithBackpressure } from "./drain.ts";

// A streaming ZIP writer (deflate), enough for XLSX: each entry is
// compressed as it is produced and written at once, its CRC and sizes
// following in a data descriptor, so memory stays flat whatever the size.
// No ZIP64: one entry stays under 4 GB, which a BDC export never reaches.
// Format: PKWARE APPNOTE 6.3 (local header, data descriptor, central directory).

type CentralEntry = {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
};

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const FLAG_DESCRIPTOR_AND_UTF8 = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION = 20;

function dosDateTime(now: Date): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];

  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error("zip output closed before the end");
    this.offset += chunk.length;
    await writeWithBackpressure(this.out, chunk);
  }

  /** Adds one file, its content produced chunk by chunk. */
  async add(
    name: string,
    content: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
  ): Promise<void> {
    const fileName = Buffer.from(name, "utf8");
    const { time, date } = dosDateTime(new Date());
    const entry: CentralEntry = {
      name: fileName,
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
      time,
      date,
    };

    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAG_DESCRIPTOR_AND_UTF8, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC and sizes (14..25) stay 0: the data descriptor carries them.
    header.writeUInt16LE(fileName.length, 26);
    await this.write(Buffer.concat([header, fileName]));

    const counted = async function* () {
      for await (const piece of content) {
        const chunk = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
        entry.crc = zlib.crc32(chunk, entry.crc);
        entry.size += chunk.length;
        yield chunk;
      }
    };
    const deflater = Readable.from(counted()).pipe(zlib.createDeflateRaw({ level: 6 }));
    for await (const chunk of deflater) {
      entry.compressed += (chunk as Buffer).length;
      await this.write(chunk as Buffer);
    }

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory; the caller ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAG_DESCRIPTOR_AND_UTF8, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(e.time, 12);
      header.writeUInt16LE(e.date, 14);
      header.writeUInt32LE(e.crc >>> 0, 16);
      header.writeUInt32LE(e.compressed, 20);
      header.writeUInt32LE(e.size, 24);
      header.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal and external attributes stay 0.
      header.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([header, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
