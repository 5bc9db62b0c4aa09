import type { ChoiceItem, LocalizableText, SurveyElement } from "./types.ts";

// Small readers for SurveyJS item lists and localisable texts, shared by the
// linter, the schema and the response validator.

/** A plain text from a SurveyJS localisable text, French first. */
export function textOf(text: LocalizableText | undefined): string | undefined {
  if (typeof text === "string") return text.trim() === "" ? undefined : text;
  if (text && typeof text === "object") {
    const found = text.fr ?? text.default ?? Object.values(text)[0];
    return typeof found === "string" && found.trim() !== "" ? found : undefined;
  }
  return undefined;
}

/** What a reader shows for a question: its title, else its code. */
export function labelOf(element: Pick<SurveyElement, "name" | "title">): string {
  return textOf(element.title) ?? element.name ?? "";
}

/**
 * The stored value of a choice, row or column item. A bare string may use
 * SurveyJS's `"value|Texte"` shorthand. `undefined` when the item has none.
 */
export function itemValue(item: ChoiceItem): unknown {
  if (typeof item === "string") {
    const separator = item.indexOf("|");
    return separator >= 0 ? item.slice(0, separator) : item;
  }
  if (item !== null && typeof item === "object") return item.value;
  return item;
}

/** Values of a list of items, skipping items that have none. */
export function itemValues(items: readonly ChoiceItem[] | undefined): unknown[] {
  const values: unknown[] = [];
  for (const item of items ?? []) {
    const value = itemValue(item);
    if (value !== undefined && value !== null) values.push(value);
  }
  return values;
}

export function hasOtherItem(element: SurveyElement): boolean {
  return element.showOtherItem === true || element.hasOther === true;
}

export function hasNoneItem(element: SurveyElement): boolean {
  return element.showNoneItem === true || element.hasNone === true;
}

/** Whether SurveyJS stores a free comment under `<name>-Comment`. */
export function hasCommentValue(element: SurveyElement): boolean {
  return hasOtherItem(element) || element.showCommentArea === true || element.hasComment === true;
}

/** SurveyJS's key for the "other" text and the comment area. */
export function commentKey(name: string): string {
  return `${name}-Comment`;
}

export const OTHER_VALUE = "other";
export const NONE_VALUE = "none";
export const REFUSED_VALUE = "refused";
export const DONT_KNOW_VALUE = "dontknow";
