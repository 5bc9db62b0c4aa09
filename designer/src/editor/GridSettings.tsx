import { labelOf } from "../../../engine/grid/items.ts";
import type { SurveyJson } from "../../../engine/grid/types.ts";
import { dataQuestions } from "../../../engine/grid/walk.ts";

// Settings of the whole grid: which date question gives each record its date.
export function GridSettings({
  survey,
  onChange,
}: {
  survey: SurveyJson;
  onChange: (survey: SurveyJson) => void;
}) {
  const dates = dataQuestions(survey).filter(
    (q) => q.type === "text" && q.element.inputType === "date",
  );
  const current = typeof survey.bdcDateQuestion === "string" ? survey.bdcDateQuestion : "";
  return (
    <div className="question-form">
      <h3>Réglages de la grille</h3>
      <label className="field">
        <span>Question qui donne la date de la fiche</span>
        <select
          value={current}
          onChange={(e) => {
            const { bdcDateQuestion: _old, ...rest } = survey;
            onChange(e.target.value === "" ? rest : { ...rest, bdcDateQuestion: e.target.value });
          }}
        >
          <option value="">— date du jour de la saisie —</option>
          {dates.map((q) => (
            <option key={q.element.name} value={q.element.name}>
              {labelOf(q.element)} ({q.element.name})
            </option>
          ))}
        </select>
      </label>
      <p className="hint">Choisissez une question ou une page dans le plan pour la modifier.</p>
    </div>
  );
}
