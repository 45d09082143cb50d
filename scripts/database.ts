import pg from "pg";

const SAFE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function assertSafeName(name: string) {
  // Database names cannot be bound as parameters; only names of our own making get here.
  if (!SAFE_NAME.test(name)) throw new Error(`Refusing database name ${JSON.stringify(name)}`);
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  });
}

/** A new database holding what `template` holds (nobody may be connected to `template` meanwhile). */
export async function copyDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  assertSafeName(template);
  assertSafeName(name);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The same server's URL pointed at another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
