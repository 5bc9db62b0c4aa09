import { useState } from "react";
import { itemValue, labelOf, textOf } from "../../../engine/grid/items.ts";
import type { SurveyElement } from "../../../engine/grid/types.ts";
import {
  OPERATOR_LABELS,
  readCondition,
  UNARY,
  writeCondition,
  type Condition,
  type Operator,
} from "./conditions.ts";

// Builds a visibleIf / requiredIf: question, operator, value, joined by
// « et » or « ou ». The expression it writes stays visible and editable.

export function ConditionBuilder({
  label,
  expression,
  questions,
  onChange,
}: {
  label: string;
  expression: string | undefined;
  /** The other data questions the condition may name. */
  questions: SurveyElement[];
  onChange: (expression: string | undefined) => void;
}) {
  const parsed = readCondition(expression);
  const [raw, setRaw] = useState(false);
  const condition: Condition = parsed ?? { connector: "and", rows: [] };
  const write = (next: Condition) => {
    const text = writeCondition(next);
    onChange(text === "" ? undefined : text);
  };
  const setRow = (index: number, patch: Partial<Condition["rows"][number]>) =>
    write({
      ...condition,
      rows: condition.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    });

  return (
    <fieldset className="condition">
      <legend>{label}</legend>
      {parsed && !raw ? (
        <>
          {condition.rows.length === 0 && <p className="muted">Toujours (aucune condition).</p>}
          {condition.rows.map((row, index) => {
            const target = questions.find((q) => q.name === row.question);
            const choices = (target?.choices ?? []).map((c) => ({
              value: String(itemValue(c)),
              text: textOf((c as { text?: string }).text) ?? String(itemValue(c)),
            }));
            if (target?.type === "boolean")
              choices.push({ value: "true", text: "Oui" }, { value: "false", text: "Non" });
            return (
              <div className="condition-row" key={index}>
                {index > 0 && (
                  <select
                    aria-label="Liaison entre les conditions"
                    value={condition.connector}
                    onChange={(e) =>
                      write({ ...condition, connector: e.target.value as "and" | "or" })
                    }
                  >
                    <option value="and">et</option>
                    <option value="or">ou</option>
                  </select>
                )}
                <select
                  aria-label={`Question de la condition ${index + 1}`}
                  value={row.question}
                  onChange={(e) => setRow(index, { question: e.target.value })}
                >
                  <option value="">— question —</option>
                  {questions.map((q) => (
                    <option key={q.name} value={q.name}>
                      {labelOf(q)} ({q.name})
                    </option>
                  ))}
                </select>
                <select
                  aria-label={`Opérateur de la condition ${index + 1}`}
                  value={row.operator}
                  onChange={(e) => setRow(index, { operator: e.target.value as Operator })}
                >
                  {Object.entries(OPERATOR_LABELS).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
                {!UNARY.includes(row.operator) &&
                  (choices.length > 0 ? (
                    <select
                      aria-label={`Valeur de la condition ${index + 1}`}
                      value={row.value}
                      onChange={(e) => setRow(index, { value: e.target.value })}
                    >
                      <option value="">— valeur —</option>
                      {choices.map((c) => (
                        <option key={c.value} value={c.value}>
                          {c.text}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      aria-label={`Valeur de la condition ${index + 1}`}
                      value={row.value}
                      onChange={(e) => setRow(index, { value: e.target.value })}
                    />
                  ))}
                <button
                  type="button"
                  className="icon danger"
                  aria-label={`Supprimer la condition ${index + 1}`}
                  onClick={() =>
                    write({ ...condition, rows: condition.rows.filter((_, i) => i !== index) })
                  }
                >
                  ✕
                </button>
              </div>
            );
          })}
          <div className="row">
            <button
              type="button"
              onClick={() =>
                write({
                  ...condition,
                  rows: [
                    ...condition.rows,
                    { question: questions[0]?.name ?? "", operator: "=", value: "" },
                  ],
                })
              }
            >
              Ajouter une condition
            </button>
            <button type="button" className="link" onClick={() => setRaw(true)}>
              Modifier l'expression
            </button>
          </div>
        </>
      ) : (
        <>
          {!parsed && (
            <p className="muted">
              Expression avancée : le constructeur ne sait pas la lire, modifiez-la directement.
            </p>
          )}
          {parsed && (
            <button type="button" className="link" onClick={() => setRaw(false)}>
              Revenir au constructeur
            </button>
          )}
        </>
      )}
      <label className="field">
        <span>Expression SurveyJS</span>
        <input
          className="mono"
          value={expression ?? ""}
          readOnly={Boolean(parsed) && !raw}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        />
      </label>
    </fieldset>
  );
}
