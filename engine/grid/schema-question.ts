import {
  DONT_KNOW_VALUE,
  hasNoneItem,
  hasOtherItem,
  itemValues,
  labelOf,
  NONE_VALUE,
  OTHER_VALUE,
  REFUSED_VALUE,
} from "./items.ts";
import type { MatrixColumn, SurveyElement } from "./types.ts";

// JSON Schema of one question's stored value, by SurveyJS type. The caller
// (schema.ts) places it under the question's code and adds `-Comment` keys.

export type JsonSchema = Record<string, unknown>;

/** Filled by schema.ts, to build dynamic panels' items without an import cycle. */
export type ObjectOfElements = (elements: readonly SurveyElement[]) => JsonSchema;

const PATTERNS: Record<string, string> = {
  month: "^\\d{4}-\\d{2}$",
  time: "^\\d{2}:\\d{2}$",
  "datetime-local": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$",
  week: "^\\d{4}-W\\d{2}$",
};

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const numeric =
    typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
  if (numeric) return Number(value);
  return undefined;
}

/** A definition's list, or nothing when it is not an array (the linter reports it). */
export function listOf<T>(value: readonly T[] | undefined): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The tightest bounds from `min`/`max` and numeric validators. */
function numberSchema(element: SurveyElement): JsonSchema {
  const minimums = [numberOrUndefined(element.min)];
  const maximums = [numberOrUndefined(element.max)];
  for (const validator of listOf(element.validators)) {
    if (validator === null || typeof validator !== "object" || validator.type !== "numeric")
      continue;
    minimums.push(numberOrUndefined(validator.minValue));
    maximums.push(numberOrUndefined(validator.maxValue));
  }
  const schema: JsonSchema = { type: "number" };
  const low = minimums.filter((value) => value !== undefined);
  const high = maximums.filter((value) => value !== undefined);
  if (low.length > 0) schema.minimum = Math.max(...low);
  if (high.length > 0) schema.maximum = Math.min(...high);
  return schema;
}

function stringSchema(element: SurveyElement): JsonSchema {
  const schema: JsonSchema = { type: "string" };
  if (typeof element.maxLength === "number" && element.maxLength > 0)
    schema.maxLength = element.maxLength;
  return schema;
}

function textSchema(element: SurveyElement): JsonSchema {
  const inputType = element.inputType ?? "text";
  if (inputType === "number" || inputType === "range") return numberSchema(element);
  if (inputType === "date") return { type: "string", format: "date" };
  if (inputType === "email") return { type: "string", format: "email" };
  const pattern = PATTERNS[inputType];
  if (pattern) return { type: "string", pattern };
  return stringSchema(element);
}

/** Choice values plus the special items SurveyJS adds. */
function choiceEnum(element: SurveyElement): unknown[] {
  const values = itemValues(element.choices);
  if (hasOtherItem(element)) values.push(OTHER_VALUE);
  if (hasNoneItem(element)) values.push(NONE_VALUE);
  if (element.showRefuseItem === true) values.push(REFUSED_VALUE);
  if (element.showDontKnowItem === true) values.push(DONT_KNOW_VALUE);
  return [...new Set(values)];
}

/**
 * Only these values. An empty list (a choice question whose choices are all
 * gone) accepts nothing: ajv refuses to compile `enum: []`, which would turn
 * every submission of the grid into a 500.
 */
function oneOfValues(values: unknown[]): JsonSchema {
  return values.length > 0 ? { enum: values } : { not: {} };
}

function booleanSchema(element: SurveyElement): JsonSchema {
  if (element.valueTrue !== undefined || element.valueFalse !== undefined) {
    return { enum: [element.valueTrue ?? true, element.valueFalse ?? false] };
  }
  return { type: "boolean" };
}

function ratingSchema(element: SurveyElement): JsonSchema {
  if (Array.isArray(element.rateValues) && element.rateValues.length > 0) {
    return { enum: itemValues(element.rateValues) };
  }
  const min = numberOrUndefined(element.rateMin) ?? 1;
  const step = numberOrUndefined(element.rateStep) ?? 1;
  const count = numberOrUndefined(element.rateCount);
  const max =
    numberOrUndefined(element.rateMax) ?? (count !== undefined ? min + (count - 1) * step : 5);
  if (step === 1 && Number.isInteger(min)) return { type: "integer", minimum: min, maximum: max };
  const values: number[] = [];
  for (let value = min; value <= max + 1e-9 && values.length < 1000; value += step)
    values.push(value);
  return oneOfValues(values);
}

function matrixSchema(element: SurveyElement): JsonSchema {
  const columnValues = itemValues(element.columns as never);
  const properties: JsonSchema = {};
  for (const row of itemValues(element.rows)) properties[String(row)] = oneOfValues(columnValues);
  return { type: "object", properties, additionalProperties: false };
}

/** One row of a matrix dropdown / dynamic matrix: column name → cell value. */
function rowSchema(element: SurveyElement): JsonSchema {
  const properties: JsonSchema = {};
  for (const raw of listOf(element.columns)) {
    const column = raw as MatrixColumn;
    if (column === null || typeof column !== "object" || typeof column.name !== "string") continue;
    const cellType = column.cellType ?? element.cellType ?? "dropdown";
    if (cellType === "expression") {
      properties[column.name] = {};
      continue;
    }
    const cell: SurveyElement = {
      ...column,
      type: cellType,
      choices: column.choices ?? element.choices,
    } as SurveyElement;
    const schema = questionSchema(cell, () => ({}));
    if (schema) properties[column.name] = { title: labelOf(cell), ...schema };
    if (hasOtherItem(cell)) properties[`${column.name}-Comment`] = otherCommentSchema();
  }
  return { type: "object", properties, additionalProperties: false };
}

function matrixDropdownSchema(element: SurveyElement): JsonSchema {
  const row = rowSchema(element);
  const properties: JsonSchema = {};
  for (const value of itemValues(element.rows)) properties[String(value)] = row;
  return { type: "object", properties, additionalProperties: false };
}

function multipleTextSchema(element: SurveyElement): JsonSchema {
  const properties: JsonSchema = {};
  for (const item of listOf(element.items)) {
    if (item === null || typeof item !== "object" || typeof item.name !== "string") continue;
    const asElement = item as SurveyElement;
    const value = item.inputType === "number" ? numberSchema(asElement) : textSchema(asElement);
    properties[item.name] = { title: labelOf(item), ...value };
  }
  return { type: "object", properties, additionalProperties: false };
}

export const OTHER_COMMENT_MAX_LENGTH = 500;
export const COMMENT_AREA_MAX_LENGTH = 2000;

export function otherCommentSchema(): JsonSchema {
  return { type: "string", maxLength: OTHER_COMMENT_MAX_LENGTH };
}

/** The value schema of a data question; `undefined` for elements storing nothing. */
export function questionSchema(
  element: SurveyElement,
  objectOf: ObjectOfElements,
): JsonSchema | undefined {
  switch (element.type) {
    case "text":
      return textSchema(element);
    case "comment":
      return stringSchema(element);
    case "radiogroup":
    case "dropdown":
      return oneOfValues(choiceEnum(element));
    case "checkbox":
    case "tagbox":
      return { type: "array", items: oneOfValues(choiceEnum(element)), uniqueItems: true };
    case "boolean":
      return booleanSchema(element);
    case "rating":
      return ratingSchema(element);
    case "matrix":
      return matrixSchema(element);
    case "matrixdropdown":
      return matrixDropdownSchema(element);
    case "matrixdynamic":
      return { type: "array", items: rowSchema(element) };
    case "paneldynamic":
      return { type: "array", items: objectOf(listOf(element.templateElements)) };
    case "multipletext":
      return multipleTextSchema(element);
    default:
      // html, image, expression, panel: no stored value. Unknown types are
      // refused by the linter before a grid can be published.
      return undefined;
  }
}
