import { runSubmissionBench } from "./submission.ts";
import { runTablesBench } from "./tables.ts";

// `npm run bench`: prints throughput figures; tests assert behaviour, this measures.
// Set DATABASE_URL to measure PostgreSQL as well as the embedded database.
process.env.LOG_LEVEL ??= "warn";
console.log("== Soumission de fiches (profil_jeune)");
await runSubmissionBench();
console.log("\n== Tableaux et exports (synthèse départementale)");
await runTablesBench();
