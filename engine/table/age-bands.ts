// Default age bands, in whole years. A table definition may give its own
// (`age_band.bands`). NOTE: twin of definitions/lists/tranches_age.json, which
// holds codes and labels but no bounds; test/unit/shared-lists.test.ts fails
// when the two drift apart.

export type AgeBand = { code: string; label: string; min: number; max: number | null };

export const DEFAULT_AGE_BANDS: AgeBand[] = [
  { code: "moins_11", label: "Moins de 11 ans", min: 0, max: 10 },
  { code: "de_11_15", label: "11-15 ans", min: 11, max: 15 },
  { code: "de_16_17", label: "16-17 ans", min: 16, max: 17 },
  { code: "de_18_21", label: "18-21 ans", min: 18, max: 21 },
  { code: "de_22_25", label: "22-25 ans", min: 22, max: 25 },
  { code: "plus_25", label: "Plus de 25 ans", min: 26, max: null },
];
