import type { SurveyElement, SurveyValidatorJson } from "../../../engine/grid/types.ts";

// Input checks by kind of answer: bounds for numbers, length and a pattern
// for texts. Written as SurveyJS properties and validators, which both the
// form and the server (ajv schema, survey-core) enforce.

function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function withoutType(validators: SurveyValidatorJson[] | undefined, type: string) {
  return (validators ?? []).filter((v) => v.type !== type);
}

export function ValidatorsEditor({
  element,
  onChange,
}: {
  element: SurveyElement;
  onChange: (element: SurveyElement) => void;
}) {
  const isNumber = element.type === "text" && element.inputType === "number";
  const isText =
    (element.type === "text" && (element.inputType ?? "text") === "text") ||
    element.type === "comment";
  if (!isNumber && !isText) return null;

  const regex = (element.validators ?? []).find((v) => v.type === "regex");
  const textRule = (element.validators ?? []).find((v) => v.type === "text");
  const set = (patch: Partial<SurveyElement>) => onChange({ ...element, ...patch });
  const setRegex = (pattern: string, message: string) => {
    const rest = withoutType(element.validators, "regex");
    const validators =
      pattern.trim() === ""
        ? rest
        : [...rest, { type: "regex", regex: pattern, text: message || undefined }];
    set({ validators: validators.length > 0 ? validators : undefined });
  };
  const setMinLength = (value: number | undefined) => {
    const rest = withoutType(element.validators, "text");
    const validators = value === undefined ? rest : [...rest, { type: "text", minLength: value }];
    set({ validators: validators.length > 0 ? validators : undefined });
  };

  return (
    <fieldset className="validators">
      <legend>Contrôles de saisie</legend>
      {isNumber && (
        <div className="row">
          <label className="field small">
            <span>Minimum</span>
            <input
              type="number"
              value={element.min ?? ""}
              onChange={(e) => set({ min: numberOrUndefined(e.target.value) })}
            />
          </label>
          <label className="field small">
            <span>Maximum</span>
            <input
              type="number"
              value={element.max ?? ""}
              onChange={(e) => set({ max: numberOrUndefined(e.target.value) })}
            />
          </label>
        </div>
      )}
      {isText && (
        <>
          <div className="row">
            <label className="field small">
              <span>Longueur minimale</span>
              <input
                type="number"
                min={0}
                value={textRule?.minLength ?? ""}
                onChange={(e) => setMinLength(numberOrUndefined(e.target.value))}
              />
            </label>
            <label className="field small">
              <span>Longueur maximale</span>
              <input
                type="number"
                min={1}
                value={element.maxLength ?? ""}
                onChange={(e) => set({ maxLength: numberOrUndefined(e.target.value) })}
              />
            </label>
          </div>
          <label className="field">
            <span>Format attendu (expression régulière)</span>
            <input
              className="mono"
              value={String(regex?.regex ?? "")}
              onChange={(e) => setRegex(e.target.value, String(regex?.text ?? ""))}
            />
          </label>
          {regex && (
            <label className="field">
              <span>Message si le format n'est pas respecté</span>
              <input
                value={String(regex.text ?? "")}
                onChange={(e) => setRegex(String(regex.regex ?? ""), e.target.value)}
              />
            </label>
          )}
        </>
      )}
    </fieldset>
  );
}
