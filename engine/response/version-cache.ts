import type { ValidateFunction } from "ajv";
import { Model } from "survey-core";
import "survey-core/i18n/french";
import { lintShape } from "../grid/lint-shape.ts";
import { deriveJsonSchema, type JsonSchema } from "../grid/schema.ts";
import { createAjv } from "./ajv.ts";
import type { ValidatedVersion } from "./types.ts";

// One survey-core Model and one compiled schema per grid version: a Model
// costs ~8 ms to build and a compile ~40 ms, validation ~3 ms (deps.md 2.3,
// 2.4, P23). Versions are immutable, so the id is a safe key.

export interface CompiledVersion {
  model: Model;
  schema: JsonSchema;
  check: ValidateFunction;
}

const MAX_VERSIONS = 200;

/**
 * A stored version that cannot be evaluated safely: a shape survey-core
 * crashes on, or a regex validator that could block the server (versions
 * saved before the linter refused them). Remembered so it is judged once.
 */
export const UNSAFE_VERSION = Symbol("unsafe version");

function unsafe(survey: unknown): boolean {
  return lintShape(survey).some((item) => item.severity === "error");
}

export function createVersionCache(): (
  version: ValidatedVersion,
) => CompiledVersion | typeof UNSAFE_VERSION {
  const ajv = createAjv();
  const cache = new Map<string, CompiledVersion>();
  const refused = new Set<string>();

  return (version) => {
    const key = String(version.id);
    const cached = cache.get(key);
    if (cached) return cached;
    if (refused.has(key)) return UNSAFE_VERSION;
    if (unsafe(version.survey)) {
      if (refused.size >= MAX_VERSIONS) refused.clear();
      refused.add(key);
      return UNSAFE_VERSION;
    }

    const schema = version.schema ?? deriveJsonSchema(version.survey);
    const model = new Model(version.survey);
    model.locale = "fr";
    const compiled: CompiledVersion = { model, schema, check: ajv.compile(schema) };

    // Oldest version out first; Map keeps insertion order.
    if (cache.size >= MAX_VERSIONS) {
      const [oldestKey, oldest] = cache.entries().next().value as [string, CompiledVersion];
      cache.delete(oldestKey);
      ajv.removeSchema(oldest.schema);
      oldest.model.dispose();
    }
    cache.set(key, compiled);
    return compiled;
  };
}
