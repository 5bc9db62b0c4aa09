import { useState } from "react";
import { labelOf } from "../../../engine/grid/items.ts";
import { SUPPORTED_TYPES, type SurveyElement } from "../../../engine/grid/types.ts";
import { TYPE_LABELS } from "../shared/labels.ts";
import type { Survey } from "./survey-ops.ts";

// The grid's plan: pages, blocks and questions in order, each with its
// actions. Selecting one opens its form.

export type OutlineActions = {
  select: (name: string) => void;
  selectPage: (index: number) => void;
  move: (name: string, step: -1 | 1) => void;
  duplicate: (name: string) => void;
  remove: (name: string) => void;
  add: (type: string, where: { page?: number; into?: string }) => void;
  addPage: () => void;
  movePage: (index: number, step: -1 | 1) => void;
};

function AddQuestion({ onAdd, label }: { onAdd: (type: string) => void; label: string }) {
  const [type, setType] = useState("radiogroup");
  return (
    <div className="add-question">
      <select
        aria-label={`Type de la question à ajouter ${label}`}
        value={type}
        onChange={(e) => setType(e.target.value)}
      >
        {SUPPORTED_TYPES.filter((t) => t !== "image" && t !== "expression").map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onAdd(type)}>
        Ajouter {label}
      </button>
    </div>
  );
}

function Item({
  element,
  selected,
  errors,
  actions,
}: {
  element: SurveyElement;
  selected?: string;
  errors: Set<string>;
  actions: OutlineActions;
}) {
  const name = element.name ?? "";
  const children = element.type === "paneldynamic" ? element.templateElements : element.elements;
  const isBlock = element.type === "panel" || element.type === "paneldynamic";
  return (
    <li>
      <div className={`outline-item${selected === name ? " selected" : ""}`}>
        <button
          type="button"
          className="outline-select"
          aria-current={selected === name}
          onClick={() => actions.select(name)}
        >
          <span className="outline-label">
            {errors.has(name) && (
              <span
                className="dot"
                title="Cette question a un problème à corriger"
                aria-label="à corriger"
              />
            )}
            {labelOf(element) || "(sans libellé)"}
          </span>
          <span className="outline-meta">
            {TYPE_LABELS[element.type ?? ""] ?? element.type} · <code>{name}</code>
          </span>
        </button>
        <span className="outline-actions">
          <button
            type="button"
            className="icon"
            aria-label={`Monter ${name}`}
            onClick={() => actions.move(name, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Descendre ${name}`}
            onClick={() => actions.move(name, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Dupliquer ${name}`}
            onClick={() => actions.duplicate(name)}
          >
            ⊞
          </button>
          <button
            type="button"
            className="icon danger"
            aria-label={`Supprimer ${name}`}
            onClick={() => actions.remove(name)}
          >
            ✕
          </button>
        </span>
      </div>
      {isBlock && (
        <div className="outline-children">
          <ul>
            {(children ?? []).map((child, i) => (
              <Item
                key={`${child.name}-${i}`}
                element={child}
                selected={selected}
                errors={errors}
                actions={actions}
              />
            ))}
          </ul>
          <AddQuestion label="dans ce bloc" onAdd={(type) => actions.add(type, { into: name })} />
        </div>
      )}
    </li>
  );
}

export function Outline({
  survey,
  selected,
  selectedPage,
  errors,
  actions,
}: {
  survey: Survey;
  selected?: string;
  selectedPage?: number;
  errors: Set<string>;
  actions: OutlineActions;
}) {
  return (
    <nav className="outline" aria-label="Plan de la grille">
      {survey.pages.map((page, index) => (
        <div key={index} className="outline-page">
          <div className={`outline-page-head${selectedPage === index ? " selected" : ""}`}>
            <button
              type="button"
              className="outline-select"
              onClick={() => actions.selectPage(index)}
            >
              <strong>Page {index + 1}</strong>{" "}
              {typeof page.title === "string" ? `· ${page.title}` : ""}
            </button>
            <span className="outline-actions">
              <button
                type="button"
                className="icon"
                aria-label={`Monter la page ${index + 1}`}
                onClick={() => actions.movePage(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                aria-label={`Descendre la page ${index + 1}`}
                onClick={() => actions.movePage(index, 1)}
              >
                ↓
              </button>
            </span>
          </div>
          <ul>
            {(page.elements ?? []).map((element, i) => (
              <Item
                key={`${element.name}-${i}`}
                element={element}
                selected={selected}
                errors={errors}
                actions={actions}
              />
            ))}
          </ul>
          <AddQuestion
            label={`à la page ${index + 1}`}
            onAdd={(type) => actions.add(type, { page: index })}
          />
        </div>
      ))}
      <button type="button" onClick={actions.addPage}>
        Ajouter une page
      </button>
    </nav>
  );
}
