import type { Writable } from "node:stream";
import { ZipWriter } from "./zip.ts";

// A minimal streaming XLSX (Office Open XML spreadsheet) writer: one sheet
// per source, rows written as they come, strings inline (no shared-strings
// table to hold in memory). Inline strings are never evaluated, so a text
// starting with "=" stays a text. The first `headerRows` rows are bold.

export type CellValue = string | number | boolean | null | undefined;
export type SheetSource = {
  name: string;
  rows: Iterable<CellValue[]> | AsyncIterable<CellValue[]>;
  headerRows?: number;
};

// Characters XML 1.0 forbids, even escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(INVALID_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

// The cells a records export writes most (empty, 0, 1: a checkbox choice) as
// constants: a million rows then allocate far less.
const EMPTY = "<c/>";
const SMALL_INTEGERS = Array.from({ length: 100 }, (_, i) => `<c><v>${i}</v></c>`);
const EDGE_SPACE = /^\s|\s$/;

function cellXml(value: CellValue, bold: boolean): string {
  if (!bold) {
    if (value === null || value === undefined || value === "") return EMPTY;
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 100)
      return SMALL_INTEGERS[value]!;
  }
  const style = bold ? ' s="1"' : "";
  if (value === null || value === undefined || value === "") return `<c${style}/>`;
  if (typeof value === "number" && Number.isFinite(value)) return `<c${style}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c t="b"${style}><v>${value ? 1 : 0}</v></c>`;
  const text = String(value);
  const space = EDGE_SPACE.test(text) ? ' xml:space="preserve"' : "";
  return `<c t="inlineStr"${style}><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

async function* sheetXml(source: SheetSource): AsyncGenerator<string> {
  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  );
  let index = 0;
  let batch = "";
  for await (const row of source.rows) {
    const bold = index < (source.headerRows ?? 0);
    index++;
    // One string grows per batch: a million rows make little garbage this way.
    batch += "<row>";
    for (const value of row) batch += cellXml(value, bold);
    batch += "</row>";
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

/** `text` cut to `max` characters at a word's end when one is near, with « … » when cut. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // The head ends a word when the next character is a space; else back to the last space.
  const space = text[max - 1] === " " ? head.length : head.lastIndexOf(" ");
  return `${(space >= max / 2 ? head.slice(0, space) : head).replace(/[\s,;:'’-]+$/, "")}…`;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in
 * the workbook. A long title is cut at a word, not in the middle of one.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Feuille";
  let name = cutAtWord(clean, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${cutAtWord(clean, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const CONTENT_TYPES = (count: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("") +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  "</Relationships>";

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  "</styleSheet>";

function workbook(names: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    names
      .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    "</sheets></workbook>"
  );
}

function workbookRels(count: number): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    Array.from(
      { length: count },
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    ).join("") +
    `<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    "</Relationships>"
  );
}

/** Writes a workbook to `out`, streaming each sheet's rows; does not end `out`. */
export async function writeXlsx(out: Writable, sheets: SheetSource[]): Promise<void> {
  const taken = new Set<string>();
  const names = sheets.map((sheet) => sheetName(sheet.name, taken));
  const zip = new ZipWriter(out);
  await zip.add("[Content_Types].xml", [CONTENT_TYPES(sheets.length)]);
  await zip.add("_rels/.rels", [ROOT_RELS]);
  await zip.add("xl/workbook.xml", [workbook(names)]);
  await zip.add("xl/_rels/workbook.xml.rels", [workbookRels(sheets.length)]);
  await zip.add("xl/styles.xml", [STYLES]);
  for (const [i, sheet] of sheets.entries())
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet));
  await zip.finish();
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
