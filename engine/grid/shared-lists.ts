// Shared choice lists (REFERENCE 2.9) are written once in definitions/lists/
// and referenced from grids as "@code". A grid's `choices` (or a matrix's
// `rows`) is either such a reference, or an array mixing references and
// choice objects; the expander splices each list in place.
// Pure: no Node imports, the designer and the runtime use it too.

export type Choice = { value: string; text: string };

export type ChoiceList = { code: string; title: string; choices: Choice[] };

// Properties whose value may hold list references. `rows` lets a matrix list
// one row per item of a shared list (e.g. an evolution per domain worked).
const LIST_PROPERTIES = ["choices", "rows"] as const;

const REFERENCE_PREFIX = "@";

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isReference(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(REFERENCE_PREFIX);
}

function referencesIn(value: unknown): string[] {
  if (isReference(value)) return [value.slice(REFERENCE_PREFIX.length)];
  if (Array.isArray(value)) return value.filter(isReference).map((item) => item.slice(1));
  return [];
}

function holdsReference(value: unknown): boolean {
  return referencesIn(value).length > 0;
}

function lookUp(code: string, owner: JsonObject, lists: Record<string, ChoiceList>): Choice[] {
  const list = Object.hasOwn(lists, code) ? lists[code] : undefined;
  if (!list) {
    const questionName = typeof owner.name === "string" ? owner.name : "sans nom";
    throw new Error(`liste partagée inconnue : @${code} (question ${questionName})`);
  }
  return list.choices.map((choice) => ({ value: choice.value, text: choice.text }));
}

function expandItems(
  value: unknown,
  owner: JsonObject,
  lists: Record<string, ChoiceList>,
): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) =>
    isReference(item)
      ? lookUp(item.slice(REFERENCE_PREFIX.length), owner, lists)
      : [copy(item, lists)],
  );
}

function copy(value: unknown, lists: Record<string, ChoiceList>): unknown {
  if (Array.isArray(value)) return value.map((item) => copy(item, lists));
  if (!isObject(value)) return value;

  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const isListProperty = (LIST_PROPERTIES as readonly string[]).includes(key);
    result[key] =
      isListProperty && holdsReference(child)
        ? expandItems(child, value, lists)
        : copy(child, lists);
  }
  return result;
}

// Returns a deep copy of `survey` with every list reference inlined. Throws
// on a reference to a list that `lists` does not hold.
export function expandSharedLists<T>(survey: T, lists: Record<string, ChoiceList>): T {
  return copy(survey, lists) as T;
}

// The codes of the lists a survey refers to, each once, in order of first use.
export function findSharedListReferences(survey: unknown): string[] {
  const found = new Set<string>();

  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if ((LIST_PROPERTIES as readonly string[]).includes(key)) {
        referencesIn(child).forEach((code) => found.add(code));
      }
      visit(child);
    }
  };

  visit(survey);
  return [...found];
}
