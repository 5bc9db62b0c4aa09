import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvCell, tableToCsv } from "../../engine/table/csv.ts";
import { sheetName, writeXlsx } from "../../engine/export/xlsx.ts";
import { readXlsx } from "../support/xlsx-read.ts";

async function workbook(sheets: Parameters<typeof writeXlsx>[1]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(out, sheets);
  out.end();
  return Buffer.concat(chunks);
}

describe("CSV cells", () => {
  it.each(["=SOMME(A1:A9)", "+33 6", "-1+2", "@cmd"])(
    "neutralises %s so a spreadsheet does not run it",
    (text) => {
      expect(csvCell(text, ";").startsWith("'")).toBe(true);
    },
  );

  it("quotes a cell holding the separator or a quote", () => {
    expect(csvCell('Dit "bonjour"; puis part', ";")).toBe('"Dit ""bonjour""; puis part"');
  });

  it("leaves numbers alone, negative ones included", () => {
    expect(csvCell(-3, ";")).toBe("-3");
  });

  it("starts a table with a BOM and writes masked figures in words", () => {
    const csv = tableToCsv({
      title: "T",
      rowDimensions: ["Sexe"],
      rows: [{ keys: ["fille"], labels: ["Filles"], label: "Filles" }],
      columns: [{ keys: [], labels: [], label: "Total" }],
      cells: [[null]],
      totals: { rows: [null], columns: [12], all: 12 },
      notes: [],
    });
    expect(csv.startsWith("\uFEFFT\r\nSexe;Total;Total\r\nFilles;masqué;masqué\r\n")).toBe(true);
  });
});

describe("the XLSX writer", () => {
  it("writes sheets that read back with their texts and numbers", async () => {
    const bytes = await workbook([
      {
        name: "Jeunes",
        rows: [
          ["Sexe", "Nombre"],
          ["Filles & garçons <tous>", 12],
          ["=1+1", 0.5],
        ],
        headerRows: 1,
      },
      { name: "Second", rows: [[true, null, "é"]] },
    ]);
    const sheets = readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["Jeunes", "Second"]);
    expect(sheets[0]!.rows).toEqual([
      ["Sexe", "Nombre"],
      ["Filles & garçons <tous>", 12],
      ["=1+1", 0.5],
    ]);
    expect(sheets[1]!.rows[0]).toEqual([1, null, "é"]);
  });

  it("streams rows from an async source", async () => {
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [i, `ligne ${i}`];
    }
    const [sheet] = readXlsx(await workbook([{ name: "Beaucoup", rows: rows() }]));
    expect(sheet!.rows).toHaveLength(5000);
    expect(sheet!.rows[4999]).toEqual([4999, "ligne 4999"]);
  });

  it("makes sheet names Excel accepts: 31 characters, no []:*?/\\, unique", () => {
    const taken = new Set<string>();
    // Cut at a word, never mid-word, and said to be cut.
    expect(sheetName("Jeunes rencontrés en travail de rue, par sexe", taken)).toBe(
      "Jeunes rencontrés en travail…",
    );
    expect(sheetName("Jeunes rencontrés en travail de rue, par âge", taken)).toBe(
      "Jeunes rencontrés en travail… 2",
    );
    expect(sheetName("Parcours d'hébergement : lieu de vie", taken)).toBe(
      "Parcours d'hébergement lieu de…",
    );
    expect(sheetName("a/b", taken)).toBe("a b");
    expect(sheetName("a/b", taken)).toBe("a b 2");
  });
});
