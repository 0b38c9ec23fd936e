import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROLES, type Role, type Store } from "@attune/core";
import { hashKey, newKey } from "./auth.js";

/** The demo tenant's keys, one per role, written beside the database on first start. */
export interface DemoKeys {
  tenantId: string;
  keys: Record<Role, string>;
}

/** Where the first start writes the demo keys (readable by the owner only). */
export const keysFileFor = (sqlitePath: string) => join(dirname(sqlitePath), "demo-keys.json");

/**
 * On first start, creates the demo tenant and one API key per role, and writes them to a file the
 * operator can read; later starts read the file back. Returns undefined when there is none.
 */
export async function ensureDemoTenant(
  store: Store,
  sqlitePath: string,
): Promise<{ demo: DemoKeys; created: boolean }> {
  const file = keysFileFor(sqlitePath);
  if (existsSync(file)) {
    const demo = JSON.parse(readFileSync(file, "utf8")) as DemoKeys;
    if (await store.findApiKey(hashKey(demo.keys.admin))) return { demo, created: false };
  }
  const tenant = await store.createTenant("Demo");
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    keys[role] = newKey();
    await store.createApiKey(tenant.id, role, `demo ${role}`, hashKey(keys[role]));
  }
  const demo = { tenantId: tenant.id, keys };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return { demo, created: true };
}
