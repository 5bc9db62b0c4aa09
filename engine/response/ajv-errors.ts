import type { ErrorObject } from "ajv";
import type { JsonSchema } from "../grid/schema.ts";
import { parsePointer, valueAt } from "./data-path.ts";
import { responseMessages as m } from "./messages.ts";
import { fieldOf, type DataPath, type FieldError } from "./types.ts";

// Turns ajv's errors into field errors: a data path, the question code path
// as the field, and a French message naming the question by its title.

export interface PathError extends FieldError {
  path: DataPath;
  /** A key the grid does not declare: always an error, even under a hidden question. */
  unknownKey: boolean;
}

/** Follows the schema along the path and returns the deepest title met. */
function labelAt(schema: JsonSchema, path: DataPath): string {
  let node: JsonSchema | undefined = schema;
  let label = String(path[0] ?? "");
  for (const segment of path) {
    const properties = node?.properties as Record<string, JsonSchema> | undefined;
    if (typeof segment === "string" && properties?.[segment]) node = properties[segment];
    else if (node?.items && typeof node.items === "object") node = node.items as JsonSchema;
    else break;
    if (typeof node?.title === "string") label = node.title;
  }
  return label;
}

function messageFor(error: ErrorObject, label: string, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return m.wrongType(label, String(params.type).split(",")[0] ?? "");
    case "enum":
    case "const":
      return m.notAChoice(value, label);
    case "minimum":
    case "exclusiveMinimum":
      return m.tooSmall(label, Number(params.limit));
    case "maximum":
    case "exclusiveMaximum":
      return m.tooLarge(label, Number(params.limit));
    case "maxLength":
      return m.tooLong(label, Number(params.limit));
    case "minLength":
      return m.tooShort(label, Number(params.limit));
    case "format":
      return params.format === "email" ? m.badEmail(label) : m.badDate(label);
    case "pattern":
      return m.badPattern(label, String(params.pattern));
    case "uniqueItems":
      return m.duplicateChoice(label);
    default:
      return m.invalid(label);
  }
}

export function mapAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  schema: JsonSchema,
  data: unknown,
): PathError[] {
  const out: PathError[] = [];
  for (const error of errors ?? []) {
    const parentPath = parsePointer(error.instancePath, data);
    if (error.keyword === "additionalProperties") {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const path = [...parentPath, key];
      const message =
        parentPath.length === 0
          ? m.unknownQuestion(key)
          : m.unknownSubField(key, labelAt(schema, parentPath));
      out.push({ path, field: fieldOf(path), message, unknownKey: true });
      continue;
    }
    // An enum error on a checkbox item names the whole question, not "code.2":
    // only checkbox and tagbox arrays hold bare choice values.
    const onItem =
      error.keyword === "enum" && typeof parentPath[parentPath.length - 1] === "number";
    const path = onItem ? parentPath.slice(0, -1) : parentPath;
    const message = messageFor(error, labelAt(schema, path), valueAt(data, parentPath));
    out.push({ path: parentPath, field: fieldOf(path), message, unknownKey: false });
  }
  return out;
}
