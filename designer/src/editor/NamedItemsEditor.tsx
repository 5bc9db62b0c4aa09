import { textOf } from "../../../engine/grid/items.ts";

// Named sub-fields: the columns of a matrix with drop-downs or added rows,
// the fields of a multiple-text question. Each has a code (its key in the
// stored answer), a label and, for columns, the kind of cell.

const WORDS: Record<string, { of: string; a: string; the: string }> = {
  colonne: { of: "de la colonne", a: "une colonne", the: "la colonne" },
  champ: { of: "du champ", a: "un champ", the: "le champ" },
};

type Named = { name?: string; title?: unknown; cellType?: string; [key: string]: unknown };

const CELL_TYPES: Record<string, string> = {
  text: "texte",
  dropdown: "liste déroulante",
  checkbox: "cases à cocher",
  radiogroup: "boutons",
  boolean: "oui / non",
  comment: "texte long",
};

export function NamedItemsEditor({
  label,
  noun,
  items,
  withCellType,
  onChange,
}: {
  label: string;
  noun: string;
  items: Named[] | undefined;
  withCellType: boolean;
  onChange: (items: Named[]) => void;
}) {
  const list = items ?? [];
  const w = WORDS[noun] ?? { of: `de ${noun}`, a: noun, the: noun };
  const set = (index: number, patch: Partial<Named>) =>
    onChange(list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, step: number) => {
    const target = index + step;
    if (target < 0 || target >= list.length) return;
    const copy = [...list];
    const [item] = copy.splice(index, 1);
    copy.splice(target, 0, item!);
    onChange(copy);
  };
  const add = () => {
    const names = new Set(list.map((i) => i.name));
    let n = list.length + 1;
    while (names.has(`${noun}_${n}`)) n++;
    onChange([
      ...list,
      { name: `${noun}_${n}`, title: "", ...(withCellType ? { cellType: "text" } : {}) },
    ]);
  };

  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      {list.map((item, index) => (
        <div className="choice-row" key={index}>
          <input
            aria-label={`Code ${w.of} ${index + 1}`}
            value={item.name ?? ""}
            onChange={(e) => set(index, { name: e.target.value })}
          />
          <input
            aria-label={`Libellé ${w.of} ${index + 1}`}
            value={textOf(item.title as never) ?? ""}
            onChange={(e) => set(index, { title: e.target.value })}
          />
          {withCellType && (
            <select
              aria-label={`Type ${w.of} ${index + 1}`}
              value={item.cellType ?? "dropdown"}
              onChange={(e) => set(index, { cellType: e.target.value })}
            >
              {Object.entries(CELL_TYPES).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="icon"
            aria-label={`Monter ${w.the} ${index + 1}`}
            onClick={() => move(index, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Descendre ${w.the} ${index + 1}`}
            onClick={() => move(index, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon danger"
            aria-label={`Retirer ${w.the} ${index + 1}`}
            onClick={() => onChange(list.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={add}>
        Ajouter {w.a}
      </button>
      {withCellType && (
        <p className="hint">Les choix d'une colonne en liste se modifient dans la vue JSON.</p>
      )}
    </fieldset>
  );
}
