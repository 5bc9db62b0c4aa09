import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The ajv set-up every grid schema is compiled with: 2020-12, all errors, formats. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv;
}
