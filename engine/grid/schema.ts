import { commentKey, hasOtherItem, labelOf } from "./items.ts";
import {
  COMMENT_AREA_MAX_LENGTH,
  listOf,
  otherCommentSchema,
  questionSchema,
  type JsonSchema,
} from "./schema-question.ts";
import type { SurveyElement, SurveyJson } from "./types.ts";
import { walkPages } from "./walk.ts";

export type { JsonSchema } from "./schema-question.ts";

// The JSON Schema (2020-12) of a grid version's response data. It checks
// shapes, types, enums, ranges and unknown keys. Required-ness and
// visibility are survey-core's job (engine/response/validate.ts), because
// they depend on the answers.

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

function addElements(elements: readonly SurveyElement[], properties: JsonSchema): void {
  for (const element of elements) {
    if (element === null || typeof element !== "object") continue;
    if (element.type === "panel") {
      addElements(listOf(element.elements), properties);
      continue;
    }
    // A `__proto__` key would set the object's prototype; the linter refuses the name.
    if (typeof element.name !== "string" || element.name === "__proto__") continue;
    const schema = questionSchema(element, objectOfElements);
    if (!schema) continue;
    properties[element.name] = { title: labelOf(element), ...schema };

    // SurveyJS keeps the "other" text and the comment area under `<name>-Comment`.
    if (hasOtherItem(element)) {
      properties[commentKey(element.name)] = otherCommentSchema();
    } else if (element.showCommentArea === true || element.hasComment === true) {
      properties[commentKey(element.name)] = { type: "string", maxLength: COMMENT_AREA_MAX_LENGTH };
    }
  }
}

/** An object whose keys are the data questions among `elements`, panels flattened. */
export function objectOfElements(elements: readonly SurveyElement[]): JsonSchema {
  const properties: JsonSchema = {};
  addElements(elements, properties);
  return { type: "object", properties, additionalProperties: false };
}

/**
 * Never throws: a definition the linter would refuse (panels nested
 * thousands deep, say) gets a schema that accepts no response at all.
 */
export function deriveJsonSchema(survey: SurveyJson): JsonSchema {
  try {
    const elements = walkPages(survey).flatMap(({ page }) => listOf<SurveyElement>(page?.elements));
    return { $schema: JSON_SCHEMA_DIALECT, ...objectOfElements(elements) };
  } catch {
    return { $schema: JSON_SCHEMA_DIALECT, not: {} };
  }
}
