import { textOf } from "./items.ts";
import { finding, nameOf, surveyPath, whereOf, type LintFinding } from "./lint-finding.ts";
import type { WalkedElement } from "./walk.ts";

// The BDC is pseudonymous (DESIGN.md, "Young people"): no surname, address,
// national id (social security, INE, CAF, tax, passport…), phone, e-mail,
// full birth date or precise offence. Questions whose code or
// title look like one get a warning; the COPIL decides.

interface Topic {
  /** What the question seems to ask, completing "semble demander …". */
  kind: string;
  /** Code token sequences, e.g. ["nom", "famille"] matches `nom_famille_pere`. */
  codes: string[][];
  /** Title words, matched as whole words, case-insensitive. */
  titles: string[];
}

const TOPICS: Topic[] = [
  {
    kind: "un nom de famille",
    codes: [["nom"], ["nom", "famille"]],
    titles: ["nom", "nom de famille"],
  },
  { kind: "une adresse", codes: [["adresse"]], titles: ["adresse"] },
  {
    kind: "un numéro de sécurité sociale",
    codes: [["nir"], ["numero", "securite", "sociale"], ["securite", "sociale"]],
    titles: ["nir", "numéro de sécurité sociale", "n° de sécurité sociale"],
  },
  {
    kind: "un identifiant national",
    codes: [
      ["ine"],
      ["numero", "ine"],
      ["numero", "allocataire"],
      ["numero", "caf"],
      ["numero", "fiscal"],
      ["numero", "passeport"],
      ["carte", "identite"],
      ["numero", "titre", "sejour"],
      ["numero", "etranger"],
    ],
    titles: [
      "INE",
      "identifiant national élève",
      "numéro d'allocataire",
      "numéro CAF",
      "numéro fiscal",
      "numéro de passeport",
      "numéro de carte d'identité",
      "numéro de titre de séjour",
      "numéro étranger",
    ],
  },
  {
    kind: "un numéro de téléphone",
    codes: [["telephone"], ["tel"], ["numero", "portable"]],
    titles: ["téléphone", "numéro de portable"],
  },
  {
    kind: "une adresse électronique",
    codes: [["email"], ["mail"], ["courriel"]],
    titles: ["e-mail", "email", "courriel", "adresse mail", "adresse électronique"],
  },
  {
    kind: "une date de naissance complète",
    codes: [["date", "naissance"]],
    titles: ["date de naissance"],
  },
  {
    kind: "une infraction ou un délit",
    codes: [["infraction"], ["infractions"], ["delit"], ["delits"]],
    titles: ["infraction", "infractions", "délit", "délits"],
  },
];

function containsSequence(tokens: string[], sequence: string[]): boolean {
  for (let start = 0; start + sequence.length <= tokens.length; start++) {
    if (sequence.every((token, offset) => tokens[start + offset] === token)) return true;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Whole words with accents: "adresse" must not match "adressé par".
function titleMatches(title: string, phrase: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, "iu");
  return pattern.test(title);
}

function topicOf(code: string, title: string | undefined): Topic | undefined {
  const tokens = code.split("_");
  return TOPICS.find(
    (topic) =>
      topic.codes.some((sequence) => containsSequence(tokens, sequence)) ||
      (title !== undefined && topic.titles.some((phrase) => titleMatches(title, phrase))),
  );
}

export function lintPersonalData(elements: readonly WalkedElement[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const walked of elements) {
    if (!walked.isData) continue;
    const code = nameOf(walked);
    const topic = topicOf(code, textOf(walked.element.title));
    if (!topic) continue;
    const details = { code, where: whereOf(walked), kind: topic.kind };
    out.push(
      finding("forbidden_personal_data", surveyPath(walked.path), details, code || undefined),
    );
  }
  return out;
}
