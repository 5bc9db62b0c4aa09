import { useEffect, useState } from "react";
import type { SurveyJson } from "../../../engine/grid/types.ts";

// The definition as JSON, for reading and for what the forms do not cover.
export function JsonView({
  survey,
  onApply,
  readOnly,
}: {
  survey: SurveyJson;
  onApply: (survey: SurveyJson) => void;
  readOnly?: boolean;
}) {
  const pretty = JSON.stringify(survey, null, 2);
  const [text, setText] = useState(pretty);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(pretty), [pretty]);

  const apply = () => {
    try {
      const parsed = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
        throw new Error("objet attendu");
      setError(null);
      onApply(parsed);
    } catch (e) {
      setError(`JSON invalide : ${(e as Error).message}`);
    }
  };

  return (
    <div className="json-view">
      <label className="field">
        <span>Définition SurveyJS (JSON)</span>
        <textarea
          className="mono"
          rows={28}
          value={text}
          readOnly={readOnly}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!readOnly && (
        <button type="button" onClick={apply} disabled={text === pretty}>
          Appliquer le JSON
        </button>
      )}
    </div>
  );
}
