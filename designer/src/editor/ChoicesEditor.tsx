import type { ChoiceItem } from "../../../engine/grid/types.ts";
import { itemValue, textOf } from "../../../engine/grid/items.ts";

// A list of choices (or matrix rows/columns), each with its code and label:
// add, reorder, relabel, retire. Retiring removes the choice from this
// version only: answers already stored keep it, and its code cannot come back
// with another meaning.

type Item = { value: string; text: string };

type Noun = "choix" | "ligne" | "colonne";

const WORDS: Record<Noun, { of: string; a: string; the: string }> = {
  choix: { of: "du choix", a: "un choix", the: "le choix" },
  ligne: { of: "de la ligne", a: "une ligne", the: "la ligne" },
  colonne: { of: "de la colonne", a: "une colonne", the: "la colonne" },
};

function toItems(list: ChoiceItem[] | undefined): Item[] {
  return (list ?? []).map((item) => {
    const value = String(itemValue(item) ?? "");
    if (typeof item === "string" && item.includes("|"))
      return { value, text: item.slice(item.indexOf("|") + 1) };
    if (item !== null && typeof item === "object") return { value, text: textOf(item.text) ?? "" };
    return { value, text: value };
  });
}

export function ChoicesEditor({
  label,
  list,
  onChange,
  noun = "choix",
}: {
  label: string;
  list: ChoiceItem[] | undefined;
  onChange: (list: Item[]) => void;
  noun?: Noun;
}) {
  const w = WORDS[noun];
  const items = toItems(list);
  const set = (index: number, patch: Partial<Item>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, step: number) => {
    const target = index + step;
    if (target < 0 || target >= items.length) return;
    const copy = [...items];
    const [item] = copy.splice(index, 1);
    copy.splice(target, 0, item!);
    onChange(copy);
  };
  const add = () => {
    const codes = new Set(items.map((i) => i.value));
    let n = items.length + 1;
    while (codes.has(`choix_${n}`)) n++;
    onChange([...items, { value: `choix_${n}`, text: "" }]);
  };

  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      <p className="hint">
        Le code est enregistré avec chaque réponse : une fois publié, ne le changez plus ; pour
        corriger le texte, modifiez le libellé.
      </p>
      {items.length > 0 && (
        <div className="choice-row choice-head" aria-hidden="true">
          <span>Code</span>
          <span>Libellé</span>
        </div>
      )}
      {items.map((item, index) => (
        <div className="choice-row" key={index}>
          <input
            aria-label={`Code ${w.of} ${index + 1}`}
            value={item.value}
            onChange={(e) => set(index, { value: e.target.value })}
          />
          <input
            aria-label={`Libellé ${w.of} ${index + 1}`}
            value={item.text}
            onChange={(e) => set(index, { text: e.target.value })}
          />
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
            title="Retirer : les réponses déjà saisies gardent ce choix."
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={add}>
        Ajouter {w.a}
      </button>
    </fieldset>
  );
}
