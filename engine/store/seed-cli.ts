import { readConfig } from "../config.ts";
import { migrateToLatest, openConfiguredDb } from "./db.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { prepareDatabase } from "./prepare.ts";
import { seedDemo } from "./seed.ts";

// `npm run seed -- --youth 500`: fills an empty database with the demo
// federation. On PostgreSQL it runs only when asked with DATABASE_URL set.

const args = process.argv.slice(2);
const youthArg = args.indexOf("--youth");
const youth = youthArg >= 0 ? Number.parseInt(args[youthArg + 1] ?? "", 10) : 200;
if (!Number.isInteger(youth) || youth < 0) {
  console.error("Usage : npm run seed -- --youth 500");
  process.exit(2);
}

const config = readConfig();
const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const db = await openConfiguredDb(config);
try {
  await migrateToLatest(db);
  await prepareDatabase(db, { ...config, seedDemo: false });
  const users = await db("users").count<{ count: number }[]>("* as count");
  if (Number(users[0]?.count ?? 0) > 0) {
    console.error(
      "La base contient déjà des comptes : la démonstration n'est créée que sur une base vide.",
    );
    process.exitCode = 1;
  } else {
    const summary = await seedDemo(db, { password: config.demoPassword, youth, seed: 1 });
    console.log(`Démonstration créée : ${summary.youth} jeunes, ${summary.responses} fiches.`);
  }
} finally {
  await db.destroy();
  release();
}
