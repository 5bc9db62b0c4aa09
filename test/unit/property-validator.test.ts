import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createResponseValidator } from "../../engine/response/validate.ts";
import { deriveJsonSchema, type JsonSchema } from "../../engine/grid/schema.ts";
import { createAjv } from "../../engine/response/ajv.ts";
import { readShippedGrids } from "../../engine/store/shipped.ts";
import { generateAnswers } from "../../engine/store/answer-generator.ts";
import { seededRandom } from "../../engine/store/random.ts";

// Random responses thrown at the validator of every shipped grid: it never
// throws, and whatever it accepts satisfies the grid's derived JSON Schema
// (so no invalid record can be stored) and is accepted again unchanged.

const grids = readShippedGrids();
const validator = createResponseValidator();
const ajv = createAjv();
const period = { from: "2024-01-01", to: "2026-12-01" };
/** Required free texts the demo generator leaves empty. */
const COMPLETIONS: Record<string, string> = {
  intitule: "Atelier cuisine",
  annee_scolaire: "2025-2026",
};

/** Every enum value found anywhere in a property's schema, to aim near valid answers. */
function enumValues(schema: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(schema)) schema.forEach((s) => enumValues(s, out));
  else if (schema && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "enum" && Array.isArray(value)) out.push(...value);
      else enumValues(value, out);
    }
  }
  return out;
}

function answerArbitrary(property: JsonSchema): fc.Arbitrary<unknown> {
  const values = enumValues(property);
  const near = values.length > 0 ? [fc.constantFrom(...values), fc.subarray(values)] : [];
  return fc.oneof(
    ...near,
    fc.constantFrom(
      "2026-03-14",
      "2026-02",
      "14/03/2026",
      "",
      "59350",
      "<script>alert(1)</script>",
      null,
    ),
    fc.integer({ min: -5, max: 1000 }),
    fc.string({ maxLength: 40 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
}

for (const grid of grids) {
  describe(`the validator of ${grid.code}`, () => {
    const version = { id: `property-${grid.code}`, survey: grid.survey };
    const schema = deriveJsonSchema(grid.survey);
    const check = ajv.compile(schema);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    // Up to three answers replaced: enough to break a response, few enough that some still pass.
    const overrides = fc
      .array(
        fc.oneof(
          ...Object.entries(properties).map(([code, p]) =>
            fc.tuple(fc.constant(code), answerArbitrary(p)),
          ),
        ),
        {
          maxLength: 3,
        },
      )
      .map((pairs) => Object.fromEntries(pairs));
    // Mostly plausible answers (the demo generator) with some of them replaced at random.
    const responses = fc
      .tuple(
        fc.integer(),
        overrides,
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        fc.boolean(),
      )
      .map(([seed, replaced, extra, withExtra]) => ({
        ...Object.fromEntries(Object.entries(COMPLETIONS).filter(([code]) => code in properties)),
        ...(generateAnswers(grid.survey, seededRandom(seed), period) as Record<string, unknown>),
        ...replaced,
        ...(withExtra ? extra : {}),
      }));

    it("never throws on any JSON value", () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 3 }), (data) => {
          const result = validator.validate(version, data);
          expect(typeof result.ok).toBe("boolean");
        }),
        { numRuns: 100 },
      );
    }, 60_000);

    it("accepts only data that satisfies the derived schema, and accepts it again unchanged", () => {
      let accepted = 0;
      fc.assert(
        fc.property(responses, (data) => {
          const result = validator.validate(version, data);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) expect(typeof error.message).toBe("string");
            return;
          }
          accepted++;
          expect(check(result.data), JSON.stringify(check.errors)).toBe(true);
          expect(validator.validate(version, result.data)).toEqual({ ok: true, data: result.data });
        }),
        { numRuns: 100 },
      );
      // The property says something only if some random responses pass.
      expect(accepted).toBeGreaterThan(0);
    }, 60_000);
  });
}
