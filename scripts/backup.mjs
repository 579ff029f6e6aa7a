// `npm run backup [-- <destination.db>]`: an online copy of the live database, then a check of the copy.
// `npm run backup -- --check <file.db>` only checks a file (e.g. before restoring it).
// Plain Node on purpose: it must run on a production host where dev dependencies (tsx) are absent.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";

// Same variable and default as the server (app/utils/env.server.ts).
const source = resolve(process.env.DATABASE_PATH || "./data/forkcast.db");

/** Opens read-only and reports what a restore would need to know. */
function check(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check").map((r) => r.integrity_check);
    const counts = Object.fromEntries(
      ["users", "posts", "comments", "votes"].map((t) => [t, db.prepare(`SELECT count(*) AS n FROM ${t}`).get().n]),
    );
    return { ok: integrity.length === 1 && integrity[0] === "ok", integrity, counts, bytes: statSync(file).size };
  } finally {
    db.close();
  }
}

function report(file, result) {
  console.log(`file: ${file}`);
  console.log(`size: ${result.bytes} bytes (${(result.bytes / 1048576).toFixed(2)} MiB)`);
  console.log(`rows: ${Object.entries(result.counts).map(([t, n]) => `${t}=${n}`).join(" ")}`);
  console.log(`integrity_check: ${result.integrity.join("; ")}`);
}

async function backup(destination) {
  if (!existsSync(source)) throw new Error(`No database at ${source} (set DATABASE_PATH).`);
  // Writing the backup over an existing file (worst case: the live database) must never happen by accident.
  if (existsSync(destination)) throw new Error(`Refusing to overwrite ${destination}.`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  const started = Date.now();
  try {
    // Copying every page in one step reads one consistent snapshot. With small steps, each
    // write the server commits between steps restarts the copy, which under steady traffic
    // may never finish. In WAL mode that one long read does not block the server's writes.
    await db.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy inherits WAL mode; switch it to a rollback journal so the backup is one
  // self-contained file that can be moved around without -wal/-shm companions.
  const copy = new Database(destination);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return Date.now() - started;
}

async function main(args) {
  if (args[0] === "--check") {
    if (!args[1]) throw new Error("Usage: npm run backup -- --check <file.db>");
    const result = check(resolve(args[1]));
    report(resolve(args[1]), result);
    return result.ok ? 0 : 1;
  }
  // Colons are not allowed in Windows file names, so the ISO timestamp uses dashes.
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = resolve(args[0] ?? `./backups/forkcast-${stamp}.db`);
  const ms = await backup(destination);
  console.log(`backup of ${source} took ${ms} ms`);
  const result = check(destination);
  report(destination, result);
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`backup failed: ${e instanceof Error ? e.message : e}`);
    process.exit(2);
  },
);
