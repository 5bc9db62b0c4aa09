import type { ChangeClass, ChangeKind } from "./diff.ts";

// The French words for a diff, shared by the designer and the runtime
// (which shows what changed before moving a record to a newer version).

export const CLASS_LABELS: Record<ChangeClass, string> = {
  cosmetic: "cosmétique",
  additive: "ajout",
  breaking: "rupture",
};

export const CLASS_HELP: Record<ChangeClass, string> = {
  cosmetic: "Ne change rien aux réponses déjà saisies.",
  additive:
    "Les réponses saisies gardent leur sens ; les nouvelles fiches demandent plus ou autrement.",
  breaking:
    "Change le sens des réponses saisies ou ce qui est demandé : vérifiez les tableaux concernés.",
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
