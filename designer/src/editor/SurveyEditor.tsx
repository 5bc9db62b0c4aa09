import { useMemo, useState } from "react";
import { lintGrid, type LintFinding } from "../../../engine/grid/lint.ts";
import { dataQuestions } from "../../../engine/grid/walk.ts";
import type { GridSubject, SurveyJson } from "../../../engine/grid/types.ts";
import { GridSettings } from "./GridSettings.tsx";
import { JsonView } from "./JsonView.tsx";
import { Outline, type OutlineActions } from "./Outline.tsx";
import { PageForm } from "./PageForm.tsx";
import { Preview } from "./Preview.tsx";
import { QuestionForm } from "./QuestionForm.tsx";
import * as ops from "./survey-ops.ts";

// The grid editor shared by the COPIL's draft and the referents' proposals:
// the plan on the left, the selected question's form in the middle, the
// live preview on the right; the linter runs on every change.

export type EditorGrid = { code: string; title: string; subject: GridSubject };

export function SurveyEditor({
  grid,
  survey,
  onChange,
  serverFindings = [],
}: {
  grid: EditorGrid;
  survey: SurveyJson;
  onChange: (survey: SurveyJson) => void;
  serverFindings?: LintFinding[];
}) {
  const normalised = useMemo(() => ops.normalise(survey), [survey]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [selectedPage, setSelectedPage] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState<"form" | "json">("form");

  const findings = useMemo(
    () => [
      ...lintGrid({ ...grid, survey: normalised, dateQuestion: normalised.bdcDateQuestion }),
      ...serverFindings,
    ],
    [grid, normalised, serverFindings],
  );
  const withErrors = new Set(
    findings.filter((f) => f.severity === "error" && f.question).map((f) => f.question!),
  );
  const element = selected ? ops.elementNamed(normalised, selected) : undefined;
  const others = dataQuestions(normalised)
    .map((q) => q.element)
    .filter((q) => q.name !== selected);
  const general = findings.filter((f) => !f.question);

  const change = (next: ops.Survey) => onChange(next);
  // On a narrow screen the form sits under the plan: bring it into view.
  const reveal = () => {
    if (!window.matchMedia("(max-width: 1100px)").matches) return;
    requestAnimationFrame(() =>
      document.querySelector(".editor-form")?.scrollIntoView({ block: "start" }),
    );
  };
  const actions: OutlineActions = {
    select: (name) => {
      setSelected(name);
      setSelectedPage(undefined);
      reveal();
    },
    selectPage: (index) => {
      setSelectedPage(index);
      setSelected(undefined);
      reveal();
    },
    move: (name, step) => change(ops.moveElement(normalised, name, step)),
    duplicate: (name) => change(ops.duplicateElement(normalised, name)),
    remove: (name) => {
      if (selected === name) setSelected(undefined);
      change(ops.removeElement(normalised, name));
    },
    add: (type, where) => {
      const created = ops.newElement(normalised, type);
      change(ops.addElement(normalised, created, where));
      setSelected(created.name);
      setSelectedPage(undefined);
    },
    addPage: () => change(ops.addPage(normalised)),
    movePage: (index, step) => change(ops.movePage(normalised, index, step)),
  };

  return (
    <div className="editor">
      <div className="tabs" role="tablist">
        <button
          role="tab"
          type="button"
          aria-selected={tab === "form"}
          onClick={() => setTab("form")}
        >
          Formulaire
        </button>
        <button
          role="tab"
          type="button"
          aria-selected={tab === "json"}
          onClick={() => setTab("json")}
        >
          JSON
        </button>
      </div>
      {general.length > 0 && (
        <ul className="findings" aria-label="Problèmes de la grille">
          {general.map((f, i) => (
            <li key={i} className={f.severity}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {tab === "json" ? (
        <JsonView survey={normalised} onApply={(next) => onChange(ops.normalise(next))} />
      ) : (
        <div className="editor-columns">
          <Outline
            survey={normalised}
            selected={selected}
            selectedPage={selectedPage}
            errors={withErrors}
            actions={actions}
          />
          <div className="editor-form">
            {element && selected ? (
              <>
                <QuestionForm
                  key={selected}
                  element={element}
                  others={others}
                  findings={findings.filter((f) => f.question === selected)}
                  onChange={(next) => {
                    change(ops.updateElement(normalised, selected, () => next));
                    if (next.name !== selected) setSelected(next.name);
                  }}
                />
                <label className="field">
                  <span>Déplacer vers la page</span>
                  <select
                    value=""
                    onChange={(e) =>
                      e.target.value !== "" &&
                      change(ops.moveToPage(normalised, selected, Number(e.target.value)))
                    }
                  >
                    <option value="">— choisir —</option>
                    {normalised.pages.map((page, index) => (
                      <option key={index} value={index}>
                        Page {index + 1} {typeof page.title === "string" ? `· ${page.title}` : ""}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            ) : selectedPage !== undefined && normalised.pages[selectedPage] ? (
              <PageForm
                page={normalised.pages[selectedPage]!}
                index={selectedPage}
                canRemove={
                  normalised.pages.length > 1 &&
                  (normalised.pages[selectedPage]!.elements ?? []).length === 0
                }
                onChange={(patch) => change(ops.updatePage(normalised, selectedPage, patch))}
                onRemove={() => {
                  change(ops.removePage(normalised, selectedPage));
                  setSelectedPage(undefined);
                }}
              />
            ) : (
              <GridSettings survey={normalised} onChange={(next) => onChange(next)} />
            )}
          </div>
          <Preview survey={normalised} />
        </div>
      )}
    </div>
  );
}
