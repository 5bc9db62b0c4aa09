import type { LintFinding } from "../../../engine/grid/lint.ts";
import { SUPPORTED_TYPES, type SurveyElement } from "../../../engine/grid/types.ts";
import { INPUT_TYPE_LABELS, TYPE_LABELS } from "../shared/labels.ts";
import { ChoicesEditor } from "./ChoicesEditor.tsx";
import { ConditionBuilder } from "./ConditionBuilder.tsx";
import { NamedItemsEditor } from "./NamedItemsEditor.tsx";
import { ValidatorsEditor } from "./ValidatorsEditor.tsx";

// The form of one question: what every question has, then what its type needs.

const CHOICE_TYPES = ["radiogroup", "dropdown", "checkbox", "tagbox"];

function text(value: unknown): string {
  return typeof value === "string"
    ? value
    : value && typeof value === "object"
      ? String(
          (value as Record<string, string>).fr ?? (value as Record<string, string>).default ?? "",
        )
      : "";
}

export function QuestionForm({
  element,
  others,
  findings,
  onChange,
}: {
  element: SurveyElement;
  /** The other data questions, for conditions. */
  others: SurveyElement[];
  findings: LintFinding[];
  onChange: (element: SurveyElement) => void;
}) {
  const set = (patch: Partial<SurveyElement>) => {
    const next: SurveyElement = { ...element, ...patch };
    for (const key of Object.keys(patch)) {
      if (key === "name") continue;
      if (next[key] === undefined || next[key] === "" || next[key] === false) delete next[key];
    }
    onChange(next);
  };
  const type = element.type ?? "";
  const isContainer = type === "panel" || type === "paneldynamic";

  return (
    <div className="question-form">
      {findings.length > 0 && (
        <ul className="findings" aria-label="Problèmes de cette question">
          {findings.map((f, i) => (
            <li key={i} className={f.severity}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <label className="field">
          <span>Code</span>
          <input
            className="mono"
            value={element.name ?? ""}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(e) => set({ type: e.target.value })}>
            {SUPPORTED_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t] ?? t}
              </option>
            ))}
          </select>
        </label>
        {type === "text" && (
          <label className="field">
            <span>Format</span>
            <select
              value={element.inputType ?? "text"}
              onChange={(e) =>
                set({ inputType: e.target.value === "text" ? undefined : e.target.value })
              }
            >
              {Object.entries(INPUT_TYPE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="hint">
        Le code est enregistré avec chaque réponse : une fois publié, il garde toujours le même
        sens.
      </p>
      {type !== "html" && (
        <label className="field">
          <span>Libellé</span>
          <input value={text(element.title)} onChange={(e) => set({ title: e.target.value })} />
        </label>
      )}
      {type === "html" && (
        <label className="field">
          <span>Texte affiché (HTML simple)</span>
          <textarea
            rows={3}
            value={String(element.html ?? "")}
            onChange={(e) => set({ html: e.target.value })}
          />
        </label>
      )}
      <label className="field">
        <span>Aide (texte sous le libellé)</span>
        <input
          value={text(element.description)}
          onChange={(e) => set({ description: e.target.value })}
        />
      </label>
      {!isContainer && type !== "html" && (
        <label className="check">
          <input
            type="checkbox"
            checked={element.isRequired === true}
            onChange={(e) => set({ isRequired: e.target.checked })}
          />
          Réponse obligatoire
        </label>
      )}

      {CHOICE_TYPES.includes(type) && (
        <>
          <ChoicesEditor
            label="Choix proposés"
            list={element.choices}
            onChange={(choices) => set({ choices })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={element.showOtherItem === true || element.hasOther === true}
              onChange={(e) => set({ showOtherItem: e.target.checked, hasOther: undefined })}
            />
            Ajouter un choix « Autre (précisez) »
          </label>
          {(type === "checkbox" || type === "tagbox") && (
            <label className="check">
              <input
                type="checkbox"
                checked={element.showNoneItem === true}
                onChange={(e) => set({ showNoneItem: e.target.checked })}
              />
              Ajouter un choix « Aucun »
            </label>
          )}
        </>
      )}
      {(type === "matrix" || type === "matrixdropdown") && (
        <ChoicesEditor
          label="Lignes"
          noun="ligne"
          list={element.rows}
          onChange={(rows) => set({ rows })}
        />
      )}
      {type === "matrix" && (
        <ChoicesEditor
          label="Colonnes"
          noun="colonne"
          list={element.columns as never}
          onChange={(columns) => set({ columns })}
        />
      )}
      {type === "rating" && (
        <div className="row">
          <label className="field small">
            <span>De</span>
            <input
              type="number"
              value={element.rateMin ?? 1}
              onChange={(e) => set({ rateMin: Number(e.target.value) })}
            />
          </label>
          <label className="field small">
            <span>À</span>
            <input
              type="number"
              value={element.rateMax ?? 5}
              onChange={(e) => set({ rateMax: Number(e.target.value) })}
            />
          </label>
        </div>
      )}

      <ValidatorsEditor element={element} onChange={onChange} />
      <ConditionBuilder
        label="Visible si"
        expression={element.visibleIf}
        questions={others}
        onChange={(visibleIf) => set({ visibleIf })}
      />
      {!isContainer && type !== "html" && (
        <ConditionBuilder
          label="Obligatoire si"
          expression={element.requiredIf}
          questions={others}
          onChange={(requiredIf) => set({ requiredIf })}
        />
      )}
      {(type === "matrixdropdown" || type === "matrixdynamic") && (
        <NamedItemsEditor
          label="Colonnes"
          noun="colonne"
          withCellType
          items={element.columns as never}
          onChange={(columns) => set({ columns: columns as never })}
        />
      )}
      {type === "multipletext" && (
        <NamedItemsEditor
          label="Champs"
          noun="champ"
          withCellType={false}
          items={element.items as never}
          onChange={(items) => set({ items: items as never })}
        />
      )}
    </div>
  );
}
