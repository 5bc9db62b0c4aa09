import type { Model } from "survey-core";
import { focusQuestion, type PlacedError } from "./field-errors.ts";

/** The list of the server's refusals, at the top of the form; each entry leads to its question. */
export function ErrorSummary({ model, errors }: { model: Model; errors: PlacedError[] }) {
  if (errors.length === 0) return null;
  const plural = errors.length > 1;
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>
          La fiche n'a pas été enregistrée : {errors.length} réponse{plural ? "s" : ""} à corriger.
        </strong>
      </p>
      <ul>
        {errors.map((error, index) => (
          <li key={`${error.field}-${index}`}>
            {error.title ? (
              <button
                type="button"
                className="link"
                onClick={() => focusQuestion(model, error.field)}
              >
                {error.title}
              </button>
            ) : (
              <span>{error.field || "Fiche"}</span>
            )}{" "}
            : {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
