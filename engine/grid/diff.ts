import { textOf } from "./items.ts";
import { indexQuestions, type IndexedChoice, type IndexedQuestion } from "./questions-index.ts";
import type { SurveyElement, SurveyJson } from "./types.ts";

// The structured difference between two grid definitions, question by code.
// Pure: the server stores it with each published version, the designer shows it.
//
// Each change has a class, saying what it does to answers already stored:
//  - cosmetic: nothing. Labels, help texts, order, moves between pages or
//    panels, a choice relabelled or reordered, a type change that keeps the
//    answer's shape (radio buttons to a drop-down list, text to long text),
//    a question no longer required.
//  - additive: stored answers keep their meaning, new records are asked more
//    or differently. A new question or choice, a question made required,
//    changed conditions (visibleIf, requiredIf, enableIf) or validators.
//  - breaking: what a stored answer means, or whether it is still asked,
//    changes. A question removed (its indicators stop being fed), a choice
//    retired, a type change to another shape of answer (a list of choices
//    to a text), a question moved into or out of a repeated block.
// Whether a breaking change may be published is compatibility.ts's call.

export type ChangeClass = "cosmetic" | "additive" | "breaking";

export type ChangeKind =
  | "question_added"
  | "question_removed"
  | "question_moved"
  | "type_changed"
  | "label_changed"
  | "description_changed"
  | "required_changed"
  | "logic_changed"
  | "validators_changed"
  | "choice_added"
  | "choice_retired"
  | "choice_relabelled"
  | "choice_reordered";

export interface GridChange {
  kind: ChangeKind;
  /** The question's code. */
  code: string;
  class: ChangeClass;
  /** Choice changes: the choice's code and its list (choices, matrix rows or columns). */
  choice?: string;
  list?: IndexedChoice["list"];
  /** logic_changed: visibleIf, requiredIf or enableIf. */
  property?: string;
  from?: unknown;
  to?: unknown;
  /** Where the question is, in the newer definition (the older one when removed). */
  path?: string;
}

const LOGIC_PROPERTIES = ["visibleIf", "requiredIf", "enableIf"] as const;
const VALIDATION_PROPERTIES = [
  "validators",
  "min",
  "max",
  "maxLength",
  "minLength",
  "minSelectedChoices",
  "maxSelectedChoices",
];

/** JSON equality that ignores key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Positions (in `b`) of the items of `a` that keep their relative order. */
function longestCommonOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

/** Codes of questions that left their container, or their place among the questions kept. */
function movedCodes(
  from: Map<string, IndexedQuestion>,
  to: Map<string, IndexedQuestion>,
): Set<string> {
  const moved = new Set<string>();
  const byContainer = new Map<string, { before: string[]; after: string[] }>();
  for (const [code, older] of from) {
    const newer = to.get(code);
    if (!newer) continue;
    if (newer.container !== older.container) {
      moved.add(code);
      continue;
    }
    const group = byContainer.get(older.container) ?? { before: [], after: [] };
    group.before.push(code);
    byContainer.set(older.container, group);
  }
  for (const group of byContainer.values()) {
    const common = new Set(group.before);
    group.after = [...to.values()].filter((q) => common.has(q.code)).map((q) => q.code);
    const kept = longestCommonOrder(group.before, group.after);
    for (const code of group.before) if (!kept.has(code)) moved.add(code);
  }
  return moved;
}

function text(value: unknown): string | undefined {
  return textOf(value as never);
}

function validationOf(element: SurveyElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of VALIDATION_PROPERTIES) if (element[key] !== undefined) out[key] = element[key];
  return out;
}

function diffChoices(
  code: string,
  older: IndexedQuestion,
  newer: IndexedQuestion,
  path: string,
): GridChange[] {
  const out: GridChange[] = [];
  for (const list of ["choices", "rows", "columns"] as const) {
    const before = older.choices.filter((c) => c.list === list);
    const after = newer.choices.filter((c) => c.list === list);
    const afterByCode = new Map(after.map((c) => [c.code, c]));
    const beforeCodes = new Set(before.map((c) => c.code));
    for (const choice of before) {
      const kept = afterByCode.get(choice.code);
      if (!kept) {
        out.push({
          kind: "choice_retired",
          code,
          class: "breaking",
          choice: choice.code,
          list,
          from: choice.label,
          path,
        });
      } else if (kept.label !== choice.label) {
        out.push({
          kind: "choice_relabelled",
          code,
          class: "cosmetic",
          choice: choice.code,
          list,
          from: choice.label,
          to: kept.label,
          path,
        });
      }
    }
    for (const choice of after) {
      if (!beforeCodes.has(choice.code)) {
        out.push({
          kind: "choice_added",
          code,
          class: "additive",
          choice: choice.code,
          list,
          to: choice.label,
          path,
        });
      }
    }
    const commonBefore = before.map((c) => c.code).filter((c) => afterByCode.has(c));
    const commonAfter = after.map((c) => c.code).filter((c) => beforeCodes.has(c));
    if (commonBefore.join("\n") !== commonAfter.join("\n")) {
      out.push({
        kind: "choice_reordered",
        code,
        class: "cosmetic",
        list,
        from: commonBefore,
        to: commonAfter,
        path,
      });
    }
  }
  return out;
}

function diffQuestion(
  older: IndexedQuestion,
  newer: IndexedQuestion,
  moved: boolean,
): GridChange[] {
  const code = newer.code;
  const path = newer.path;
  const a = older.element;
  const b = newer.element;
  const out: GridChange[] = [];

  if (moved || older.storage !== newer.storage) {
    const breaking = older.storage !== newer.storage;
    out.push({
      kind: "question_moved",
      code,
      class: breaking ? "breaking" : "cosmetic",
      from: older.path,
      to: newer.path,
      path,
    });
  }
  if (older.type !== newer.type || a.inputType !== b.inputType) {
    out.push({
      kind: "type_changed",
      code,
      class: older.family === newer.family ? "cosmetic" : "breaking",
      from:
        older.family === "text" || older.type !== "text"
          ? older.type
          : `${older.type}:${a.inputType}`,
      to:
        newer.family === "text" || newer.type !== "text"
          ? newer.type
          : `${newer.type}:${b.inputType}`,
      path,
    });
  }
  if (text(a.title) !== text(b.title)) {
    out.push({
      kind: "label_changed",
      code,
      class: "cosmetic",
      from: text(a.title),
      to: text(b.title),
      path,
    });
  }
  if (text(a.description) !== text(b.description)) {
    out.push({
      kind: "description_changed",
      code,
      class: "cosmetic",
      from: text(a.description),
      to: text(b.description),
      path,
    });
  }
  if ((a.isRequired === true) !== (b.isRequired === true)) {
    const required = b.isRequired === true;
    out.push({
      kind: "required_changed",
      code,
      class: required ? "additive" : "cosmetic",
      from: !required,
      to: required,
      path,
    });
  }
  for (const property of LOGIC_PROPERTIES) {
    if ((a[property] ?? "") !== (b[property] ?? "")) {
      out.push({
        kind: "logic_changed",
        code,
        class: "additive",
        property,
        from: a[property] ?? null,
        to: b[property] ?? null,
        path,
      });
    }
  }
  const validationBefore = validationOf(a);
  const validationAfter = validationOf(b);
  if (!sameJson(validationBefore, validationAfter)) {
    out.push({
      kind: "validators_changed",
      code,
      class: "additive",
      from: validationBefore,
      to: validationAfter,
      path,
    });
  }
  out.push(...diffChoices(code, older, newer, path));
  return out;
}

/** Changes from `from` to `to`, in the reading order of `to`, removals last. */
export function diffSurveys(from: SurveyJson, to: SurveyJson): GridChange[] {
  const before = indexQuestions(from);
  const after = indexQuestions(to);
  const moved = movedCodes(before, after);
  const out: GridChange[] = [];

  for (const [code, newer] of after) {
    const older = before.get(code);
    if (!older) {
      out.push({
        kind: "question_added",
        code,
        class: "additive",
        to: text(newer.element.title),
        path: newer.path,
      });
      continue;
    }
    out.push(...diffQuestion(older, newer, moved.has(code)));
  }
  for (const [code, older] of before) {
    if (!after.has(code)) {
      out.push({
        kind: "question_removed",
        code,
        class: "breaking",
        from: text(older.element.title),
        path: older.path,
      });
    }
  }
  return out;
}

/** The question and choice codes a list of changes touches, for impact and conflicts. */
export function touchedCodes(changes: readonly GridChange[]): Set<string> {
  return new Set(changes.map((change) => change.code));
}
