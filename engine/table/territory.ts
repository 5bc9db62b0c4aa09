// The territory the federation works in: its département and its métropole,
// with the métropole's communes (INSEE codes) from the official list. The
// store builds it (engine/store/territory.ts); the compiler only reads it.

export type Territory = {
  departement: { code: string; name: string };
  metropole: { code: string; name: string; communes: string[] };
  /** The name of a commune from its INSEE code, if the official list has it. */
  communeName: (code: string) => string | undefined;
};
