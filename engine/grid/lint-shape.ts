import { finding, type LintFinding } from "./lint-finding.ts";
import { unsafePatternReason } from "./regex-safety.ts";

// The linter's first pass: the survey's structure, before any rule (or
// survey-core) relies on it. A definition may come from anyone allowed to
// write one, so nothing here recurses on the input: the walk keeps its own
// stack, stops descending past the limits, and reports paths in French.

/** Panels and dynamic panels inside each other. */
export const MAX_PANEL_DEPTH = 8;
/** Elements in the whole survey, nested ones included. */
export const MAX_ELEMENTS = 1000;
/** Characters of one expression (conditions, calculated values). */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Nesting of the JSON itself; a grid needs about 30. */
export const MAX_JSON_DEPTH = 64;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** True when `value` nests deeper than `max` objects/arrays; iterative. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(current as Obj)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

const RESERVED_NAMES = new Set(
  [...Object.getOwnPropertyNames(Object.prototype), "prototype"].map((name) => name.toLowerCase()),
);

/** Property names that become object keys in survey-core and in answers. */
function reservedName(name: unknown): boolean {
  return typeof name === "string" && RESERVED_NAMES.has(name.toLowerCase());
}

const EXPRESSION_KEY = /(If|Expression)$|^expression$/;
/** `"@domaines"`: a shared list, inlined on import. */
const SHARED_LIST = /^@[a-z][a-z0-9_]*$/;

class ShapeChecker {
  readonly out: LintFinding[] = [];
  private elementCount = 0;
  private tooMany = false;

  private bad(path: string, problem: string): void {
    this.out.push(finding("invalid_shape", path, { problem }));
  }

  /** Expressions too long, regex validators unsafe, reserved names. */
  private checkProperties(node: Obj, path: string): void {
    for (const [key, value] of Object.entries(node)) {
      if (
        EXPRESSION_KEY.test(key) &&
        typeof value === "string" &&
        value.length > MAX_EXPRESSION_LENGTH
      ) {
        this.bad(
          `${path}.${key}`,
          `l'expression dépasse ${MAX_EXPRESSION_LENGTH} caractères : simplifiez-la`,
        );
      }
    }
    if (reservedName(node.name)) {
      this.bad(
        `${path}.name`,
        `le code « ${String(node.name)} » est réservé : choisissez-en un autre`,
      );
    }
  }

  /** A list that must be an array of objects (or, with `scalars`, of codes). */
  private list(value: unknown, path: string, scalars: boolean): [number, Obj][] {
    if (value === undefined) return [];
    if (scalars && typeof value === "string" && SHARED_LIST.test(value)) return [];
    if (!Array.isArray(value)) {
      this.bad(path, "une liste est attendue");
      return [];
    }
    const objects: [number, Obj][] = [];
    value.forEach((entry, index) => {
      if (isObject(entry)) objects.push([index, entry]);
      else if (scalars && ["string", "number", "boolean"].includes(typeof entry)) return;
      else
        this.bad(
          `${path}[${index}]`,
          scalars ? "un objet, un texte ou un nombre est attendu" : "un objet est attendu",
        );
    });
    return objects;
  }

  private validators(owner: Obj, path: string): void {
    for (const [index, validator] of this.list(owner.validators, `${path}.validators`, false)) {
      const at = `${path}.validators[${index}]`;
      this.checkProperties(validator, at);
      if (validator.type !== "regex" || validator.regex === undefined) continue;
      const pattern = validator.regex;
      const reason =
        typeof pattern === "string" ? unsafePatternReason(pattern) : ("invalid" as const);
      if (reason) {
        this.out.push(
          finding("unsafe_pattern", `${at}.regex`, { pattern: String(pattern), reason }),
        );
      }
    }
  }

  /** Choices, rows, columns, items: their entries' own properties. */
  private entries(owner: Obj, key: string, path: string, scalars: boolean): void {
    for (const [index, entry] of this.list(owner[key], `${path}.${key}`, scalars)) {
      const at = `${path}.${key}[${index}]`;
      this.checkProperties(entry, at);
      this.validators(entry, at);
      if (key === "columns") this.entries(entry, "choices", at, true);
    }
  }

  private element(element: Obj, path: string): void {
    this.checkProperties(element, path);
    this.validators(element, path);
    this.entries(element, "choices", path, true);
    this.entries(element, "rows", path, true);
    const type = element.type;
    this.entries(element, "columns", path, type === "matrix");
    if (type !== "multipletext" && element.items === undefined) return;
    this.entries(element, "items", path, false);
  }

  /** Pages' elements and the panels inside them, breadth-first, without recursion. */
  elements(list: unknown, path: string): void {
    const queue: { list: unknown; path: string; depth: number }[] = [{ list, path, depth: 0 }];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const [index, element] of this.list(current.list, current.path, false)) {
        const at = `${current.path}[${index}]`;
        this.elementCount += 1;
        if (this.elementCount > MAX_ELEMENTS) {
          if (!this.tooMany) {
            this.tooMany = true;
            this.bad(at, `la grille dépasse ${MAX_ELEMENTS} éléments : découpez-la`);
          }
          return;
        }
        this.element(element, at);
        const childKey =
          element.type === "panel"
            ? "elements"
            : element.type === "paneldynamic"
              ? "templateElements"
              : undefined;
        if (!childKey || element[childKey] === undefined) continue;
        if (current.depth + 1 > MAX_PANEL_DEPTH) {
          this.bad(
            `${at}.${childKey}`,
            `les panneaux sont imbriqués sur plus de ${MAX_PANEL_DEPTH} niveaux : aplatissez la grille`,
          );
          continue;
        }
        queue.push({
          list: element[childKey],
          path: `${at}.${childKey}`,
          depth: current.depth + 1,
        });
      }
    }
  }

  survey(survey: Obj): void {
    if (nestsDeeperThan(survey, MAX_JSON_DEPTH)) {
      this.bad("survey", `la définition est imbriquée sur plus de ${MAX_JSON_DEPTH} niveaux`);
      return;
    }
    for (const [index, value] of this.list(
      survey.calculatedValues,
      "survey.calculatedValues",
      false,
    )) {
      this.checkProperties(value, `survey.calculatedValues[${index}]`);
    }
    if (survey.pages !== undefined) {
      for (const [index, page] of this.list(survey.pages, "survey.pages", false)) {
        const at = `survey.pages[${index}]`;
        this.checkProperties(page, at);
        this.elements(page.elements ?? [], `${at}.elements`);
      }
    }
    if (survey.elements !== undefined) this.elements(survey.elements, "survey.elements");
  }
}

/**
 * Structural findings (`invalid_shape`) and unsafe regex validators
 * (`unsafe_pattern`) of a survey. Safe on any JSON value, however deep.
 */
export function lintShape(survey: unknown): LintFinding[] {
  if (!isObject(survey)) return [finding("missing_survey", "survey", {})];
  const checker = new ShapeChecker();
  checker.survey(survey);
  return checker.out;
}

/** True when the linter's other rules (and survey-core) cannot be run safely. */
export function hasShapeErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((item) => item.code === "invalid_shape" || item.code === "missing_survey");
}
