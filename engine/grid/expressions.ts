import { ConditionsParser, FunctionFactory, FunctionOperand, type Operand } from "survey-core";

// Reads visibleIf / enableIf / requiredIf with survey-core's own parser, so a
// condition the linter accepts is one the form engine can run.

export interface ExpressionAnalysis {
  /** Position (from 0) and parser message when the text does not parse. */
  syntaxError?: { at: number; detail: string };
  /** Variables as written between braces: `fumeur`, `panel.age`, `matrice.ligne`. */
  variables: string[];
  /** Function names survey-core does not know. */
  unknownFunctions: string[];
}

export function analyseExpression(text: string): ExpressionAnalysis {
  const parser = new ConditionsParser();
  const operand: Operand | null = parser.parseExpression(text);
  if (!operand) {
    const error = parser.error;
    return {
      syntaxError: { at: error?.at ?? 0, detail: error?.code ?? "" },
      variables: [],
      unknownFunctions: [],
    };
  }

  const variables: string[] = [];
  operand.setVariables(variables);

  const operands: Operand[] = [];
  operand.addOperandsToList(operands);
  const unknownFunctions = operands
    .filter((op): op is FunctionOperand => op instanceof FunctionOperand)
    .map((op) => op.functionName)
    .filter((name) => !FunctionFactory.Instance.hasFunction(name));

  return { variables: [...new Set(variables)], unknownFunctions: [...new Set(unknownFunctions)] };
}

// Context prefixes SurveyJS resolves inside matrices and dynamic panels.
const CONTEXT_PREFIXES = ["row", "panel", "parentpanel", "rootpanel", "composite"];
// Context variables that name no question.
const CONTEXT_VARIABLES = [
  "item",
  "choice",
  "rowindex",
  "visiblerowindex",
  "rowname",
  "rowtitle",
  "rowvalue",
  "panelindex",
  "visiblepanelindex",
  "locale",
];

/**
 * The code a variable refers to: `fumeur-Comment` → `fumeur`,
 * `panel.age` → `age`, `membres[0].age` → `membres`. `undefined` for context
 * variables such as `{item}` or `{rowIndex}`, which name no question.
 */
export function referencedCode(variable: string): string | undefined {
  let rest = variable.trim();
  const firstDot = rest.indexOf(".");
  if (firstDot > 0 && CONTEXT_PREFIXES.includes(rest.slice(0, firstDot).toLowerCase())) {
    rest = rest.slice(firstDot + 1);
  }
  const root = rest.split(/[.[-]/, 1)[0] ?? "";
  if (root === "" || CONTEXT_VARIABLES.includes(root.toLowerCase())) return undefined;
  return root;
}
