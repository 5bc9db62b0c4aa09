// The response validator's catalogue of French messages. Each names the
// question (its title) and says what to do; the field code travels beside.

const TYPE_NOUNS: Record<string, string> = {
  number: "un nombre",
  integer: "un nombre entier",
  string: "un texte",
  boolean: "une réponse oui ou non",
  array: "une liste de choix",
  object: "un ensemble de réponses (objet JSON)",
};

const PATTERN_HINTS: Record<string, string> = {
  "^\\d{4}-\\d{2}$": "AAAA-MM (année et mois)",
  "^\\d{2}:\\d{2}$": "HH:MM (heure et minutes)",
  "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$": "AAAA-MM-JJTHH:MM (date et heure)",
  "^\\d{4}-W\\d{2}$": "AAAA-Wnn (année et semaine)",
};

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export const responseMessages = {
  notAnObject: () => "Les réponses doivent être un objet JSON.",

  unusableGrid: () => "Cette grille ne peut pas être évaluée : signalez-le au COPIL.",

  unknownQuestion: (key: string) =>
    `Question inconnue dans cette grille : ${key}. Retirez cette réponse ou rechargez le formulaire.`,

  unknownSubField: (key: string, label: string) =>
    `Le champ « ${key} » n'existe pas dans la question « ${label} » : retirez cette réponse.`,

  wrongType: (label: string, expected: string) =>
    `La question « ${label} » attend ${TYPE_NOUNS[expected] ?? "une autre sorte de réponse"}.`,

  notAChoice: (value: unknown, label: string) =>
    `La valeur « ${shown(value)} » n'est pas un choix de la question « ${label} » : ` +
    "choisissez une des réponses proposées.",

  tooSmall: (label: string, limit: number) =>
    `La question « ${label} » attend un nombre supérieur ou égal à ${limit}.`,

  tooLarge: (label: string, limit: number) =>
    `La question « ${label} » attend un nombre inférieur ou égal à ${limit}.`,

  tooLong: (label: string, limit: number) =>
    `La réponse à la question « ${label} » dépasse ${limit} caractères : raccourcissez-la.`,

  tooShort: (label: string, limit: number) =>
    `La réponse à la question « ${label} » doit compter au moins ${limit} caractères.`,

  badDate: (label: string) =>
    `La question « ${label} » attend une date valide au format AAAA-MM-JJ.`,

  badEmail: (label: string) => `La question « ${label} » attend une adresse e-mail valide.`,

  badPattern: (label: string, pattern: string) =>
    `La question « ${label} » attend une réponse au format ${PATTERN_HINTS[pattern] ?? "prévu"}.`,

  duplicateChoice: (label: string) =>
    `La question « ${label} » contient deux fois le même choix : retirez le doublon.`,

  invalid: (label: string) =>
    `La réponse à la question « ${label} » n'est pas valide : vérifiez-la.`,

  /** survey-core's own French text (required, validators), prefixed with the question. */
  fromSurvey: (label: string, text: string) => {
    const sentence = text.trim();
    const body = sentence.charAt(0).toLowerCase() + sentence.slice(1);
    return `Question « ${label} » : ${/[.!?]$/.test(body) ? body : `${body}.`}`;
  },
};
