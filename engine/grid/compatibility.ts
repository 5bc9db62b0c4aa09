import { textOf } from "./items.ts";
import { FAMILY_LABELS, indexQuestions, type IndexedQuestion } from "./questions-index.ts";
import type { SurveyJson } from "./types.ts";

// The rules a new version must keep against the grid's whole history (every
// published version), so that every stored answer keeps one meaning and
// every indicator built on an older version stays right. Pure.
//
//  - type_family_changed: a question code keeps the shape of its answer
//    forever (texts, numbers, dates, one choice, several choices...). Radio
//    buttons may become a drop-down list; a list of choices may not become a
//    text, nor a number a choice: give the new question a new code.
//  - storage_changed: a question does not move into or out of a repeated
//    block (its answers would be stored elsewhere). New code.
//  - question_code_reused: a question removed in an earlier version comes
//    back only as it left (same label): otherwise the code would name
//    another question.
//  - choice_code_reused: likewise for a retired choice. Relabelling a choice
//    that stays in the list is cosmetic and allowed; bringing a retired code
//    back with another label is refused.
// Removing a question or retiring a choice is allowed: nothing deletes the
// answers stored under it, and records keep opening with their own version.

export type CompatibilityRule =
  "type_family_changed" | "storage_changed" | "question_code_reused" | "choice_code_reused";

export interface CompatibilityBreak {
  rule: CompatibilityRule;
  code: string;
  choice?: string;
  /** The published version the candidate contradicts. */
  version: number;
  message: string;
}

export interface PublishedSurvey {
  number: number;
  survey: SurveyJson;
}

interface Seen {
  version: number;
  question: IndexedQuestion;
}

interface ChoiceSeen {
  version: number;
  label: string;
}

function family(question: IndexedQuestion): string {
  return FAMILY_LABELS[question.family] ?? question.family;
}

function label(question: IndexedQuestion): string {
  return textOf(question.element.title) ?? question.code;
}

function choiceKey(code: string, list: string, choice: string): string {
  return `${code}\u0000${list}\u0000${choice}`;
}

/** Every way `candidate` breaks the history; empty when it may be published. */
export function checkCompatibility(
  history: readonly PublishedSurvey[],
  candidate: SurveyJson,
): CompatibilityBreak[] {
  const ordered = [...history].sort((a, b) => a.number - b.number);
  const newest = ordered.at(-1);
  if (!newest) return [];

  const lastSeen = new Map<string, Seen>();
  const families = new Map<string, Seen[]>();
  const choicesSeen = new Map<string, ChoiceSeen>();
  for (const { number, survey } of ordered) {
    for (const question of indexQuestions(survey).values()) {
      lastSeen.set(question.code, { version: number, question });
      const list = families.get(question.code) ?? [];
      list.push({ version: number, question });
      families.set(question.code, list);
      for (const choice of question.choices) {
        choicesSeen.set(choiceKey(question.code, choice.list, choice.code), {
          version: number,
          label: choice.label,
        });
      }
    }
  }

  const out: CompatibilityBreak[] = [];
  for (const question of indexQuestions(candidate).values()) {
    const past = lastSeen.get(question.code);
    if (!past) continue;
    out.push(...questionBreaks(question, past, families.get(question.code) ?? [], newest.number));
    out.push(...choiceBreaks(question, choicesSeen, past));
  }
  return out;
}

function questionBreaks(
  question: IndexedQuestion,
  past: Seen,
  history: readonly Seen[],
  newestNumber: number,
): CompatibilityBreak[] {
  const out: CompatibilityBreak[] = [];
  const otherFamily = [...history]
    .reverse()
    .find((seen) => seen.question.family !== question.family);
  if (otherFamily) {
    out.push({
      rule: "type_family_changed",
      code: question.code,
      version: otherFamily.version,
      message:
        `La question « ${question.code} » attendait une réponse de type ${family(otherFamily.question)} ` +
        `dans la version ${otherFamily.version} ; elle ne peut pas devenir de type ${family(question)}, ` +
        "car les réponses déjà saisies deviendraient illisibles. Créez une nouvelle question avec un nouveau code.",
    });
  }
  const otherStorage = [...history]
    .reverse()
    .find((seen) => seen.question.storage !== question.storage);
  if (otherStorage) {
    out.push({
      rule: "storage_changed",
      code: question.code,
      version: otherStorage.version,
      message:
        `La question « ${question.code} » ne peut pas entrer dans un bloc répété ni en sortir ` +
        `(version ${otherStorage.version}) : ses réponses seraient rangées ailleurs. Utilisez un nouveau code.`,
    });
  }
  const removed = past.version < newestNumber;
  if (removed && label(past.question) !== label(question)) {
    out.push({
      rule: "question_code_reused",
      code: question.code,
      version: past.version,
      message:
        `Le code « ${question.code} » désignait « ${label(past.question)} », retirée après la version ` +
        `${past.version}. Un code retiré ne peut pas resservir pour une autre question : ` +
        "reprenez son libellé d'origine ou choisissez un nouveau code.",
    });
  }
  return out;
}

function choiceBreaks(
  question: IndexedQuestion,
  choicesSeen: Map<string, ChoiceSeen>,
  questionPast: Seen,
): CompatibilityBreak[] {
  const out: CompatibilityBreak[] = [];
  const inQuestionPast = new Set(
    questionPast.question.choices.map((c) => choiceKey(question.code, c.list, c.code)),
  );
  for (const choice of question.choices) {
    const key = choiceKey(question.code, choice.list, choice.code);
    const seen = choicesSeen.get(key);
    if (!seen) continue;
    // Retired: absent from the newest version that still had the question.
    const retired = !inQuestionPast.has(key);
    if (retired && seen.label !== choice.label) {
      out.push({
        rule: "choice_code_reused",
        code: question.code,
        choice: choice.code,
        version: seen.version,
        message:
          `Le choix « ${choice.code} » de la question « ${question.code} » signifiait « ${seen.label} » ` +
          `jusqu'à la version ${seen.version}, puis a été retiré. Un code retiré ne peut pas resservir ` +
          `avec un autre sens (« ${choice.label} ») : reprenez son libellé d'origine ou choisissez un nouveau code.`,
      });
    }
  }
  return out;
}
