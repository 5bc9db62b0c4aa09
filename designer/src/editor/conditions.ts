// The condition builder's model: rows of (question, operator, value) joined
// by one connector, written as a SurveyJS expression and read back from one.
// Expressions the builder cannot read stay editable as raw text.

export type Operator = "=" | "!=" | "contains" | "notcontains" | "notempty" | "empty" | ">" | "<";

export interface ConditionRow {
  question: string;
  operator: Operator;
  value: string;
}

export interface Condition {
  connector: "and" | "or";
  rows: ConditionRow[];
}

export const OPERATOR_LABELS: Record<Operator, string> = {
  "=": "est égal à",
  "!=": "est différent de",
  contains: "contient",
  notcontains: "ne contient pas",
  notempty: "est renseigné",
  empty: "n'est pas renseigné",
  ">": "est supérieur à",
  "<": "est inférieur à",
};

export const UNARY: readonly Operator[] = ["notempty", "empty"];

function literal(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value) || value === "true" || value === "false") return value;
  return `'${value.replace(/'/g, "")}'`;
}

export function writeCondition(condition: Condition): string {
  return condition.rows
    .filter((row) => row.question !== "")
    .map((row) =>
      UNARY.includes(row.operator)
        ? `{${row.question}} ${row.operator}`
        : `{${row.question}} ${row.operator} ${literal(row.value)}`,
    )
    .join(` ${condition.connector} `);
}

const ROW =
  /^\{([a-z][a-z0-9_]*)\}\s*(=|!=|<>|contains|notcontains|notempty|empty|>|<)\s*(?:'([^']*)'|"([^"]*)"|(\S+))?$/;

/** The builder's rows for `expression`, or null when only the raw text can hold it. */
export function readCondition(expression: string | undefined): Condition | null {
  const text = (expression ?? "").trim();
  if (text === "") return { connector: "and", rows: [] };
  if (/[()]/.test(text)) return null;
  const hasAnd = / and /i.test(text);
  const hasOr = / or /i.test(text);
  if (hasAnd && hasOr) return null;
  const connector = hasOr ? "or" : "and";
  const rows: ConditionRow[] = [];
  for (const part of text.split(new RegExp(` ${connector} `, "i"))) {
    const match = ROW.exec(part.trim());
    if (!match) return null;
    const operator = (match[2] === "<>" ? "!=" : match[2]) as Operator;
    const value = match[3] ?? match[4] ?? match[5] ?? "";
    if (UNARY.includes(operator) && value !== "") return null;
    rows.push({ question: match[1]!, operator, value });
  }
  return { connector, rows };
}
