import fs from "node:fs";
import path from "node:path";
import { DEFINITIONS_DIR } from "./shipped.ts";

// Report packs (definitions/reports/*.json): a titled list of table codes,
// computed together for one period and printed as one page set.

export type ReportPack = { code: string; title: string; description?: string; tables: string[] };

let cached: ReportPack[] | undefined;

export function shippedReports(): ReportPack[] {
  if (cached) return cached;
  const dir = path.join(DEFINITIONS_DIR, "reports");
  cached = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as ReportPack)
    : [];
  return cached;
}
