// SQL text with its positional bindings (`?`), kept together so a fragment's
// values can never drift from its placeholders. Codes from a definition only
// ever travel as bindings.

export type Binding = string | number | boolean | null;
export type Fragment = { text: string; bindings: Binding[] };

export function sql(text: string, ...bindings: Binding[]): Fragment {
  const placeholders = (text.match(/\?/g) ?? []).length;
  if (placeholders !== bindings.length) {
    throw new Error(
      `sql fragment has ${placeholders} placeholders and ${bindings.length} bindings: ${text}`,
    );
  }
  return { text, bindings };
}

/** Joins fragments with a separator, bindings in the same order as the text. */
export function joinSql(fragments: Fragment[], separator: string): Fragment {
  return {
    text: fragments.map((f) => f.text).join(separator),
    bindings: fragments.flatMap((f) => f.bindings),
  };
}
