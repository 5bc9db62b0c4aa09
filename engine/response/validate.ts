import { mapAjvErrors, type PathError } from "./ajv-errors.ts";
import { cloneData, isPlainObject, removeAt } from "./data-path.ts";
import { responseMessages as m } from "./messages.ts";
import { collectSurveyErrors, resetModel } from "./survey-errors.ts";
import type { FieldError, ValidatedVersion, ValidationResult } from "./types.ts";
import { createVersionCache, UNSAFE_VERSION } from "./version-cache.ts";
import { computedKeys, dropHiddenValues, isHiddenPath } from "./visibility.ts";

export type { FieldError, ValidatedVersion, ValidationResult } from "./types.ts";

// Server-side validation of one response against one grid version.
//
// Order, and why:
//  1. ajv runs first, on everything the client sent. survey-core is no
//     strict validator (it drops unknown choices silently) and crashes on
//     some ill-shaped values (a null inside a dynamic panel), so values ajv
//     refuses are set aside before survey-core sees the data.
//  2. survey-core computes visibility from the remaining answers; answers
//     of hidden questions are dropped, repeatedly until nothing changes.
//  3. ajv's errors on hidden answers are forgotten: a hidden answer is
//     dropped, not judged. Unknown keys stay errors even there: they say
//     the client and the grid disagree.
//  4. survey-core validates the cleaned data (required, requiredIf,
//     validators) on visible questions only.
//  5. One error per field, ajv's first (it says why a value was refused,
//     where survey-core would only see a missing answer).
// Expression questions are computed by the form: their values are not
// answers, so they are dropped before step 1.

export interface ResponseValidator {
  validate(version: ValidatedVersion, data: unknown): ValidationResult;
}

function onePerField(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const { field, message } of errors) {
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message });
  }
  return out;
}

/** The answer when the grid version itself cannot be evaluated. */
const unusableGrid: ValidationResult = {
  ok: false,
  errors: [{ field: "", message: m.unusableGrid() }],
};

export function createResponseValidator(): ResponseValidator {
  const compiledFor = createVersionCache();

  return {
    validate(version, data) {
      if (!isPlainObject(data))
        return { ok: false, errors: [{ field: "", message: m.notAnObject() }] };
      // Never throws: a definition survey-core or ajv chokes on answers with
      // one French error. Nothing is logged here, answers least of all.
      let compiled: ReturnType<typeof compiledFor>;
      try {
        compiled = compiledFor(version);
      } catch {
        return unusableGrid;
      }
      if (compiled === UNSAFE_VERSION) return unusableGrid;
      const { model, schema, check } = compiled;

      try {
        const answers = cloneData(data);
        for (const key of computedKeys(model, answers)) delete answers[key];

        // 1. Shapes, types, enums, ranges, unknown keys.
        check(answers);
        const shapeErrors: PathError[] = mapAjvErrors(check.errors, schema, answers);
        const cleaned = cloneData(answers);
        for (const error of shapeErrors) removeAt(cleaned, error.path);

        // 2–3. Visibility; hidden answers go, with their errors.
        dropHiddenValues(model, cleaned);
        const kept = shapeErrors.filter(
          (error) => error.unknownKey || !isHiddenPath(model, error.path),
        );

        // 4. survey-core's rules on what is left.
        model.validate(true, false);
        const errors = onePerField([...kept, ...collectSurveyErrors(model)]);

        return errors.length > 0 ? { ok: false, errors } : { ok: true, data: cleaned };
      } catch {
        return unusableGrid;
      } finally {
        try {
          resetModel(model);
        } catch {
          // The model is left as it is; the next validation resets it again.
        }
      }
    },
  };
}
