import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
// The fontless sheet: survey-core.css would fetch Open Sans from Google (deps.md P6).
import "survey-core/survey-core.fontless.css";

/** The one place the runtime renders a SurveyJS form. */
export function SurveyForm({ model }: { model: Model }) {
  return (
    <div className="survey-frame">
      <Survey model={model} />
    </div>
  );
}
