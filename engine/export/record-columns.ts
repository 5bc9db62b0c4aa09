import { dataQuestions } from "../grid/walk.ts";
import { labelOf } from "../grid/items.ts";
import { questionHistory, type PublishedVersion } from "../table/labels.ts";

// The columns of a records export, over every published version of a grid:
// one per question code (newest versions' order, retired questions after);
// a checkbox as one column per choice (1 when ticked); a matrix as one column
// per row (and per cell for a matrixdropdown). Free-text columns are flagged:
// they may hold what the educator wrote about a person.

export type RecordColumn = {
  code: string;
  label: string;
  freeText: boolean;
  /** The value of this column in a record's answers. */
  read: (data: Record<string, unknown>) => string | number | boolean | null;
};

const FREE_TEXT_INPUTS = [undefined, "", "text", "email", "tel", "url"];

function asCell(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}

function objectAt(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = data[key];
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function recordColumns(versions: PublishedVersion[]): RecordColumn[] {
  const codes: string[] = [];
  for (const version of [...versions].sort((a, b) => b.number - a.number)) {
    for (const q of dataQuestions(version.survey)) {
      if (!q.parent && q.element.name && !codes.includes(q.element.name))
        codes.push(q.element.name);
    }
  }
  const columns: RecordColumn[] = [];
  for (const code of codes) {
    const h = questionHistory(versions, code)!;
    if (h.type === "checkbox" || h.type === "tagbox") {
      for (const choice of h.choices) {
        columns.push({
          code: `${code}.${choice.value}`,
          label: `${h.label} : ${choice.label}`,
          freeText: false,
          read: (data) =>
            Array.isArray(data[code])
              ? (data[code] as unknown[]).includes(choice.value)
                ? 1
                : 0
              : null,
        });
      }
    } else if (h.type === "matrixdropdown") {
      for (const row of h.rows) {
        for (const col of h.columns) {
          columns.push({
            code: `${code}.${row.value}.${col.value}`,
            label: `${h.label} : ${row.label} / ${col.label}`,
            freeText: false,
            read: (data) => asCell(objectAt(objectAt(data, code) ?? {}, row.value)?.[col.value]),
          });
        }
      }
    } else if (h.type === "matrix") {
      for (const row of h.rows) {
        columns.push({
          code: `${code}.${row.value}`,
          label: `${h.label} : ${row.label}`,
          freeText: false,
          read: (data) => asCell(objectAt(data, code)?.[row.value]),
        });
      }
    } else {
      const freeText =
        h.type === "comment" || (h.type === "text" && FREE_TEXT_INPUTS.includes(h.inputType));
      columns.push({
        code,
        label: h.label || labelOf({ name: code }),
        freeText,
        read: (data) => asCell(data[code]),
      });
    }
  }
  return columns;
}
