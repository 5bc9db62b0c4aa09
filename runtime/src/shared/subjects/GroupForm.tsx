import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../Alert.tsx";
import { errorFor, Field } from "../Field.tsx";
import { SEX_LABELS, type Sex } from "../types.ts";
import {
  AGE_BANDS,
  GROUP_WORDS,
  useCreateGroup,
  type AnonymousCounts,
  type Group,
  type GroupKind,
} from "./groups.ts";
import { YouthChooser } from "./YouthChooser.tsx";

const SEXES = Object.keys(SEX_LABELS) as Sex[];
const ROW_LABELS: Record<Sex, string> = {
  fille: "Filles",
  garcon: "Garçons",
  autre_nsp: "Autre / non précisé",
};

/** Creates a family (its young people) or a collective action (title, dates, young people, anonymous counts). */
export function GroupForm({
  kind,
  onCreated,
  onCancel,
}: {
  kind: GroupKind;
  onCreated: (group: Group) => void;
  onCancel: () => void;
}) {
  const { run, pending, error } = useCreateGroup();
  const [youth, setYouth] = useState<Map<string, string>>(new Map());
  const [title, setTitle] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [counts, setCounts] = useState<Record<string, string>>({});
  const fieldErrors = error?.fieldErrors ?? [];
  const words = GROUP_WORDS[kind];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const anonymous: AnonymousCounts = {};
    for (const [key, raw] of Object.entries(counts)) {
      const [sex, band] = key.split(":") as [Sex, string];
      const value = Number(raw);
      if (raw !== "" && value > 0) (anonymous[sex] ??= {})[band] = value;
    }
    const created = await run(
      kind === "family"
        ? { kind, youth: [...youth.keys()] }
        : {
            kind,
            youth: [...youth.keys()],
            title: title.trim(),
            starts_on: startsOn,
            ...(endsOn ? { ends_on: endsOn } : {}),
            anonymous_participants: anonymous,
          },
    );
    if (created) onCreated(created);
  }

  return (
    <form className="card form" onSubmit={submit} aria-label={words.add} noValidate>
      <ErrorAlert error={error} />
      {kind === "action" && (
        <>
          <Field
            label="Intitulé de l'action"
            hint="Sans nom de personne."
            error={errorFor(fieldErrors, "title")}
          >
            <input
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={150}
              autoComplete="off"
            />
          </Field>
          <div className="field-row">
            <Field label="Premier jour" error={errorFor(fieldErrors, "starts_on")}>
              <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
            </Field>
            <Field label="Dernier jour (facultatif)" error={errorFor(fieldErrors, "ends_on")}>
              <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
            </Field>
          </div>
        </>
      )}
      <YouthChooser
        chosen={youth}
        onChange={setYouth}
        legend={
          kind === "family"
            ? "Jeunes de la famille suivis par le service"
            : "Jeunes du service qui ont participé"
        }
      />
      {fieldErrors.some((e) => e.field.startsWith("youth")) && (
        <p className="field-error">
          {fieldErrors.find((e) => e.field.startsWith("youth"))!.message}
        </p>
      )}
      {kind === "action" && (
        <fieldset className="field">
          <legend>Autres participants, sans dossier (nombre par sexe et tranche d'âge)</legend>
          <div className="table-wrap">
            <table className="list counts">
              <thead>
                <tr>
                  <th scope="col">Sexe</th>
                  {AGE_BANDS.map((band) => (
                    <th key={band.code} scope="col">
                      {band.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {SEXES.map((sex) => (
                  <tr key={sex}>
                    <th scope="row">{ROW_LABELS[sex]}</th>
                    {AGE_BANDS.map((band) => (
                      <td key={band.code} data-label={band.label}>
                        <input
                          type="number"
                          min={0}
                          inputMode="numeric"
                          aria-label={`${ROW_LABELS[sex]}, ${band.label}`}
                          value={counts[`${sex}:${band.code}`] ?? ""}
                          onChange={(e) =>
                            setCounts({ ...counts, [`${sex}:${band.code}`]: e.target.value })
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Enregistrement…" : words.add}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
