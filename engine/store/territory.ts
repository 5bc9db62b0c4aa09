import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { DEFINITIONS_DIR } from "./shipped.ts";
import type { Territory } from "../table/territory.ts";

// Builds the federation's territory from definitions/territoire.json and the
// official list of communes and EPCI (@etalab/decoupage-administratif), once
// per process: the list is 12 MB of JSON.

type Commune = { code: string; nom: string; type: string };
type Epci = { code: string; nom: string; membres: { code: string }[] };
type Departement = { code: string; nom: string };

let cached: Territory | undefined;

export function loadTerritory(): Territory {
  if (cached) return cached;
  const config = JSON.parse(
    fs.readFileSync(path.join(DEFINITIONS_DIR, "territoire.json"), "utf8"),
  ) as {
    departement: string;
    metropole: string;
  };
  const require = createRequire(import.meta.url);
  // Read, not require()d: require would keep the parsed lists in its cache for good.
  const data = (name: string): unknown =>
    JSON.parse(
      fs.readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), "utf8"),
    );
  const departement = (data("departements") as Departement[]).find(
    (d) => d.code === config.departement,
  );
  const epci = (data("epci") as Epci[]).find((e) => e.code === config.metropole);
  if (!departement || !epci)
    throw new Error(`definitions/territoire.json names an unknown département or EPCI`);
  // The 8 MB list of communes is read only when a table names communes.
  let names: Map<string, string> | undefined;
  const communeNames = () => {
    names ??= new Map(
      (data("communes") as Commune[])
        .filter((c) => c.type === "commune-actuelle")
        .map((c) => [c.code, c.nom]),
    );
    return names;
  };
  cached = {
    departement: { code: departement.code, name: departement.nom },
    metropole: {
      code: epci.code,
      name: epci.nom,
      communes: epci.membres.map((m) => m.code).sort(),
    },
    communeName: (code) => communeNames().get(code),
  };
  return cached;
}
