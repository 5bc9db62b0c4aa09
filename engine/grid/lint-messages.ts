// The linter's catalogue: one entry per finding code, with its severity and
// the French message built from typed details. Tests assert codes and paths;
// the wording lives here only.

import { MAX_PATTERN_LENGTH, type UnsafePatternReason } from "./regex-safety.ts";

export type LintSeverity = "error" | "warning";

export interface LintDetails {
  invalid_envelope: Record<string, never>;
  invalid_grid_code: { code: string };
  missing_grid_title: Record<string, never>;
  invalid_subject: { subject: string };
  missing_survey: Record<string, never>;
  code_pattern: { code: string; where: string };
  duplicate_code: { code: string; where: string; firstWhere: string };
  unknown_type: { type: string; where: string };
  choice_without_code: { choice: string; where: string };
  bad_expression: { property: string; where: string; expression: string; reason: string };
  unknown_reference: { property: string; where: string; reference: string };
  missing_title: { code: string; where: string };
  no_questions: Record<string, never>;
  date_question_missing: { code: string; reason: "absent" | "not_date" };
  forbidden_personal_data: { code: string; where: string; kind: string };
  invalid_shape: { problem: string };
  unsafe_pattern: { pattern: string; reason: UnsafePatternReason };
}

export type LintCode = keyof LintDetails;

type Entry<C extends LintCode> = {
  severity: LintSeverity;
  message: (details: LintDetails[C]) => string;
};

const PATTERN_PROBLEMS: Record<UnsafePatternReason, string> = {
  too_long: `il dépasse ${MAX_PATTERN_LENGTH} caractères`,
  invalid: "ce n'est pas une expression régulière valide",
  backreference: "il contient une référence arrière (\\1, \\k<…>)",
  nested_quantifier:
    "il répète un groupe qui contient lui-même une répétition, comme (a+)+, ce qui peut bloquer le serveur",
  overlapping_alternation:
    "il répète un choix entre des branches qui peuvent commencer pareil, comme (a|ab)*, ce qui peut bloquer le serveur",
};

const CODE_RULE =
  "utilisez des minuscules sans accents, des chiffres et « _ », en commençant par une lettre";

const PROPERTY_LABELS: Record<string, string> = {
  visibleIf: "visible si",
  enableIf: "modifiable si",
  requiredIf: "obligatoire si",
};

/** `where` phrases start with an article: "la question 4 de la page 2". */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function propertyLabel(property: string): string {
  return PROPERTY_LABELS[property] ?? property;
}

export const LINT_CATALOGUE: { [C in LintCode]: Entry<C> } = {
  invalid_envelope: {
    severity: "error",
    message: () =>
      "La grille doit être un objet JSON avec un code, un sujet, un titre et un questionnaire (« survey »).",
  },
  invalid_grid_code: {
    severity: "error",
    message: ({ code }) => `Le code de la grille « ${code} » n'est pas valide : ${CODE_RULE}.`,
  },
  missing_grid_title: {
    severity: "error",
    message: () => "La grille n'a pas de titre : donnez-lui un titre lisible par les équipes.",
  },
  invalid_subject: {
    severity: "error",
    message: ({ subject }) =>
      `Le sujet « ${subject} » de la grille n'est pas reconnu : choisissez « youth » (un jeune), ` +
      "« family » (une famille), « action » (une action collective) ou « none ».",
  },
  missing_survey: {
    severity: "error",
    message: () =>
      "La grille n'a pas de questionnaire : ajoutez un objet « survey » contenant des pages.",
  },
  code_pattern: {
    severity: "error",
    message: ({ code, where }) =>
      code === ""
        ? `${capitalize(where)} n'a pas de code : donnez-lui un code (${CODE_RULE}).`
        : `Le code « ${code} » de ${where} n'est pas valide : ${CODE_RULE}.`,
  },
  duplicate_code: {
    severity: "error",
    message: ({ code, where, firstWhere }) =>
      `Le code « ${code} » de ${where} est déjà utilisé par ${firstWhere} : ` +
      "chaque code doit être unique dans la grille, choisissez-en un autre.",
  },
  unknown_type: {
    severity: "error",
    message: ({ type, where }) =>
      type === ""
        ? `${capitalize(where)} n'a pas de type : indiquez un type de question pris en charge.`
        : `Le type « ${type} » de ${where} n'est pas pris en charge : ` +
          "choisissez un type de question proposé par le concepteur.",
  },
  choice_without_code: {
    severity: "error",
    message: ({ choice, where }) =>
      `Le choix « ${choice} » de ${where} n'a pas de code : donnez-lui une valeur (${CODE_RULE}) ` +
      "et mettez le libellé dans son texte.",
  },
  bad_expression: {
    severity: "error",
    message: ({ property, where, expression, reason }) =>
      `La condition « ${propertyLabel(property)} » de ${where} ne peut pas être lue ` +
      `(« ${expression} ») : ${reason}. Corrigez-la dans le concepteur.`,
  },
  unknown_reference: {
    severity: "error",
    message: ({ property, where, reference }) =>
      `La condition « ${propertyLabel(property)} » de ${where} cite « {${reference}} », ` +
      "qui n'est pas une question de cette grille : corrigez le code ou retirez la condition.",
  },
  missing_title: {
    severity: "warning",
    message: ({ code, where }) =>
      `${capitalize(where)} (« ${code} ») n'a pas de titre : ajoutez un intitulé que les éducateurs comprendront.`,
  },
  no_questions: {
    severity: "error",
    message: () => "La grille ne contient aucune question : ajoutez au moins une question.",
  },
  date_question_missing: {
    severity: "error",
    message: ({ code, reason }) =>
      reason === "absent"
        ? `La question de date « ${code} » indiquée pour la grille n'existe pas : ` +
          "choisissez une question de la grille ou retirez ce réglage."
        : `La question « ${code} » indiquée comme date de la grille n'est pas une date : ` +
          "choisissez une question texte de type date.",
  },
  forbidden_personal_data: {
    severity: "warning",
    message: ({ code, where, kind }) =>
      `${capitalize(where)} (« ${code} ») semble demander ${kind}. La BDC est anonyme : elle ne recueille ni ` +
      "nom de famille, ni adresse, ni téléphone ou courriel, ni identifiant national (sécurité sociale, " +
      "INE, CAF…), ni date de naissance complète " +
      "(seulement le mois et l'année), ni infraction ou délit précis. Retirez cette question ou " +
      "reformulez-la en termes généraux.",
  },
  invalid_shape: {
    severity: "error",
    message: ({ problem }) =>
      `La structure de la grille n'est pas valide : ${problem}. Corrigez la définition avant de l'enregistrer.`,
  },
  unsafe_pattern: {
    severity: "error",
    message: ({ pattern, reason }) =>
      `Le motif de validation « ${pattern.slice(0, 60)}${pattern.length > 60 ? "…" : ""} » est refusé : ` +
      `${PATTERN_PROBLEMS[reason]}. Utilisez un motif simple, par exemple ^[0-9]{5}$.`,
  },
};
