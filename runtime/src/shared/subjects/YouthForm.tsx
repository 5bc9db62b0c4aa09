import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../Alert.tsx";
import { errorFor, Field } from "../Field.tsx";
import { monthName } from "../dates.ts";
import { SEX_LABELS, type Sex, type Youth } from "../types.ts";
import { useCreateYouth, type NewYouth } from "./create-youth.ts";
import { CommuneField, type ChosenCommune } from "./CommuneField.tsx";

const SEXES = Object.keys(SEX_LABELS) as Sex[];

/**
 * Adds a young person: only a code, a first name or initials, birth
 * month/year, sex, commune and neighbourhood. Nothing else identifies them.
 */
export function YouthForm({
  onCreated,
  onCancel,
}: {
  onCreated: (y: Youth) => void;
  onCancel?: () => void;
}) {
  const { run, pending, error } = useCreateYouth();
  const [code, setCode] = useState("");
  const [firstName, setFirstName] = useState("");
  const [month, setMonth] = useState("");
  const [year, setYear] = useState("");
  const [sex, setSex] = useState<Sex | "">("");
  const [commune, setCommune] = useState<ChosenCommune>(null);
  const [neighbourhood, setNeighbourhood] = useState("");
  const fieldErrors = error?.fieldErrors ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: NewYouth = {};
    if (code.trim()) input.code = code.trim();
    if (firstName.trim()) input.first_name = firstName.trim();
    if (month) input.birth_month = Number(month);
    if (year) input.birth_year = Number(year);
    if (sex) input.sex = sex;
    if (commune) input.commune = commune.code;
    if (neighbourhood.trim()) input.neighbourhood = neighbourhood.trim();
    const youth = await run(input);
    if (youth) onCreated(youth);
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Ajouter un jeune" noValidate>
      <ErrorAlert error={error} />
      <Field
        label="Code du jeune (facultatif)"
        hint="Laissez vide pour qu'un code soit créé automatiquement."
        error={errorFor(fieldErrors, "code")}
      >
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          maxLength={32}
        />
      </Field>
      <Field
        label="Prénom ou initiales"
        hint="Jamais de nom de famille."
        error={errorFor(fieldErrors, "first_name")}
      >
        <input
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          autoComplete="off"
          maxLength={30}
        />
      </Field>
      <div className="field-row">
        <Field label="Mois de naissance" error={errorFor(fieldErrors, "birth_month")}>
          <select value={month} onChange={(e) => setMonth(e.target.value)}>
            <option value="">—</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {monthName(i + 1)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Année de naissance" error={errorFor(fieldErrors, "birth_year")}>
          <input
            type="number"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            placeholder="ex. 2009"
          />
        </Field>
      </div>
      <fieldset className="field">
        <legend>Sexe</legend>
        <div className="choices">
          {SEXES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="sex"
                value={value}
                checked={sex === value}
                onChange={() => setSex(value)}
              />
              {SEX_LABELS[value]}
            </label>
          ))}
        </div>
        {errorFor(fieldErrors, "sex") && (
          <p className="field-error">{errorFor(fieldErrors, "sex")}</p>
        )}
      </fieldset>
      <CommuneField
        value={commune}
        onChange={setCommune}
        error={errorFor(fieldErrors, "commune")}
      />
      <Field
        label="Quartier (facultatif)"
        hint="Le nom du quartier, jamais une adresse."
        error={errorFor(fieldErrors, "neighbourhood")}
      >
        <input
          value={neighbourhood}
          onChange={(e) => setNeighbourhood(e.target.value)}
          autoComplete="off"
          maxLength={80}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Ajouter le jeune"}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
