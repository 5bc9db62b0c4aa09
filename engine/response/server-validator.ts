import { createResponseValidator } from "./validate.ts";
import type { GridVersion } from "../store/grids.ts";

// One validator for the server process: it caches a survey-core model and a
// compiled ajv schema per grid version, so a submission costs milliseconds.
// Published versions never change; the key also holds the publication time
// so two databases in one process (the benchmark) never share an entry.
const validator = createResponseValidator();

export function validateAgainstVersion(version: GridVersion, data: unknown) {
  return validator.validate(
    {
      id: `${version.id}@${version.publishedAt ?? "draft"}`,
      survey: version.survey,
      schema: version.schema ?? undefined,
    },
    data,
  );
}
