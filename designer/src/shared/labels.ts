import type { ChangeClass, ChangeKind } from "../../../engine/grid/diff.ts";
import type { GridSubject } from "../../../engine/grid/types.ts";

// Every French word the designer shows for a code of the engine.

export const SUBJECT_LABELS: Record<GridSubject, string> = {
  youth: "un·e jeune",
  family: "une famille",
  action: "une action collective",
  none: "aucun dossier (activité)",
};

export const CLASS_LABELS: Record<ChangeClass, string> = {
  cosmetic: "cosmétique",
  additive: "ajout",
  breaking: "rupture",
};

export const CLASS_HELP: Record<ChangeClass, string> = {
  cosmetic: "Ne change rien aux réponses déjà saisies.",
  additive: "Les réponses saisies gardent leur sens ; les nouvelles fiches demandent plus ou autrement.",
  breaking: "Change le sens des réponses saisies ou ce qui est demandé : vérifiez les tableaux concernés.",
};

export const KIND_LABELS: Record<ChangeKind, string> = {
  question_added: "Question ajoutée",
  question_removed: "Question retirée",
  question_moved: "Question déplacée",
  type_changed: "Type de question changé",
  label_changed: "Libellé changé",
  description_changed: "Aide changée",
  required_changed: "Caractère obligatoire changé",
  logic_changed: "Condition changée",
  validators_changed: "Contrôles de saisie changés",
  choice_added: "Choix ajouté",
  choice_retired: "Choix retiré",
  choice_relabelled: "Choix renommé",
  choice_reordered: "Choix réordonnés",
};

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
