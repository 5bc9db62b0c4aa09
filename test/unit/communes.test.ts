import { describe, expect, it } from "vitest";
import { findCommune, fold, searchCommunes } from "../../engine/subject/communes.ts";

// The official list of communes from @etalab/decoupage-administratif.

describe("the list of communes", () => {
  it("finds a current commune and a Corsican one by INSEE code", () => {
    expect(findCommune("59512")).toEqual({ code: "59512", name: "Roubaix", departement: "59" });
    expect(findCommune("2a004")?.name).toBe("Ajaccio");
  });

  it("keeps the municipal arrondissements and drops former communes", () => {
    expect(findCommune("13201")?.name).toMatch(/^Marseille 1er/);
    expect(findCommune("01039")).toBeUndefined(); // Béon, now a delegated commune
  });

  it("finds names without accents or hyphens, the ones that start with the text first", () => {
    expect(fold("Saint-Étienne")).toBe("saint etienne");
    expect(searchCommunes("saint etienne", { limit: 1 })).toEqual([
      { code: "42218", name: "Saint-Étienne", departement: "42" },
    ]);
    expect(searchCommunes("roubaix", { departement: "59" }).map((c) => c.code)).toEqual(["59512"]);
  });
});
