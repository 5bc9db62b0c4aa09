import { describe, expect, it } from "vitest";
import { createSurveyModel } from "../../runtime/src/shared/survey/create-model.ts";

describe("the runtime's survey model", () => {
  it("tells the month format where a browser shows a month question as plain text", () => {
    const model = createSurveyModel({
      pages: [
        {
          name: "p",
          elements: [
            { type: "text", name: "mois_debut", inputType: "month" },
            { type: "text", name: "autre_mois", inputType: "month", placeholder: "Mois" },
            { type: "text", name: "date_fiche", inputType: "date" },
          ],
        },
      ],
    });
    const placeholder = (name: string) =>
      (model.getQuestionByName(name) as unknown as { placeholder: string }).placeholder;
    expect(placeholder("mois_debut")).toBe("AAAA-MM (ex. 2026-03)");
    expect(placeholder("autre_mois")).toBe("Mois");
    expect(placeholder("date_fiche")).toBe("");
  });
});
