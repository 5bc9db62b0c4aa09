import type { GridSubject } from "../../../engine/grid/types.ts";

// Every French word the designer shows for a code of the engine.

export const SUBJECT_LABELS: Record<GridSubject, string> = {
  youth: "un·e jeune",
  family: "une famille",
  action: "une action collective",
  none: "aucun dossier (activité)",
};

export { CLASS_HELP, CLASS_LABELS, KIND_LABELS } from "../../../engine/grid/diff-labels.ts";

export const LOGIC_LABELS: Record<string, string> = {
  visibleIf: "visible si",
  requiredIf: "obligatoire si",
  enableIf: "modifiable si",
};

export const TYPE_LABELS: Record<string, string> = {
  text: "Texte court",
  comment: "Texte long",
  radiogroup: "Choix unique (boutons)",
  dropdown: "Choix unique (liste déroulante)",
  checkbox: "Choix multiples (cases)",
  tagbox: "Choix multiples (étiquettes)",
  boolean: "Oui / non",
  rating: "Échelle",
  matrix: "Tableau à choix",
  matrixdropdown: "Tableau à listes",
  matrixdynamic: "Tableau à lignes ajoutées",
  paneldynamic: "Bloc répété",
  multipletext: "Champs multiples",
  panel: "Bloc de questions",
  html: "Texte d'information",
  image: "Image",
  expression: "Valeur calculée",
};

export const INPUT_TYPE_LABELS: Record<string, string> = {
  text: "texte",
  number: "nombre",
  date: "date",
  month: "mois",
  email: "adresse e-mail",
  tel: "téléphone",
};

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString("fr-FR", { dateStyle: "medium", timeStyle: "short" });
}
