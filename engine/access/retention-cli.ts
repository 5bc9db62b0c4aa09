import { readConfig } from "../config.ts";
import { migrateToLatest, openConfiguredDb } from "../store/db.ts";
import { lockDataDir } from "../store/data-dir-lock.ts";
import { DEFAULT_RETENTION_YEARS, runRetention } from "./retention.ts";

// `npm run retention -- --years 2 [--apply]`: anonymises the young people
// with no record for that many years. Without --apply it only reports.

const args = process.argv.slice(2);
const yearsArg = args.indexOf("--years");
const rawYears = yearsArg >= 0 ? args[yearsArg + 1] : process.env.BDC_RETENTION_YEARS;
const years = rawYears === undefined ? DEFAULT_RETENTION_YEARS : Number(rawYears);
const apply = args.includes("--apply");
const known = args.every(
  (a, i) => a === "--apply" || a === "--years" || (i === yearsArg + 1 && yearsArg >= 0),
);
if (!Number.isInteger(years) || years < 1 || !known) {
  console.error(
    "Usage : npm run retention -- --years 2 [--apply]   (sans --apply : simple simulation)",
  );
  process.exit(2);
}

const config = readConfig();
const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const db = await openConfiguredDb(config);
try {
  await migrateToLatest(db);
  const report = await runRetention(db, { years, apply });
  const verb = report.applied
    ? "anonymisé(s)"
    : "à anonymiser (simulation : relancez avec --apply)";
  console.log(`Durée de conservation : ${years} an(s), sans fiche depuis le ${report.cutoff}.`);
  for (const c of report.candidates) {
    console.log(
      `  ${c.code}  (service ${c.organisation_id}, dernière activité ${c.last_activity})`,
    );
  }
  console.log(`${report.candidates.length} jeune(s) ${verb}.`);
  if (report.applied) console.log(`${report.values_removed} réponse(s) en texte libre effacée(s).`);
} finally {
  await db.destroy();
  release();
}
