import zlib from "node:zlib";

// Reads back what our XLSX writer produced, independently of it: the ZIP's
// central directory, each entry inflated, and the cells of each sheet.

export function unzip(buffer: Buffer): Map<string, string> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("no end of central directory");
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central header");
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const localName = buffer.readUInt16LE(offset + 26);
    const localExtra = buffer.readUInt16LE(offset + 28);
    const start = offset + 30 + localName + localExtra;
    const raw = buffer.subarray(start, start + compressed);
    const content = method === 8 ? zlib.inflateRawSync(raw) : raw;
    if (zlib.crc32(content) >>> 0 !== crc) throw new Error(`bad CRC for ${name}`);
    files.set(name, content.toString("utf8"));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const unescape = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");

/** Sheet names and their rows of cell values (numbers as numbers, texts as texts). */
export function readXlsx(buffer: Buffer): { name: string; rows: (string | number | null)[][] }[] {
  const files = unzip(buffer);
  const names = [...files.get("xl/workbook.xml")!.matchAll(/<sheet name="([^"]*)"/g)].map((m) =>
    unescape(m[1]!),
  );
  return names.map((name, i) => {
    const xml = files.get(`xl/worksheets/sheet${i + 1}.xml`)!;
    const rows = [...xml.matchAll(/<row[^>]*>(.*?)<\/row>/g)].map((row) =>
      [...row[1]!.matchAll(/<c([^>]*?)(?:\/>|>(.*?)<\/c>)/g)].map((c) => {
        const body = c[2] ?? "";
        const text = /<t[^>]*>(.*?)<\/t>/.exec(body);
        if (text) return unescape(text[1]!);
        const value = /<v>(.*?)<\/v>/.exec(body);
        return value ? Number(value[1]) : null;
      }),
    );
    return { name, rows };
  });
}
