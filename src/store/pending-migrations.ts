import { MIGRATIONS, type Migration } from './schema';

/**
 * The migrations a database still needs, given the versions it has applied. A database that has
 * applied a version this code does not know was migrated by a newer release: running older code
 * on it could undo or misread what that release wrote, so start-up stops.
 */
export function pendingMigrations(applied: number[]): Migration[] {
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const unknown = applied.filter((version) => !known.has(version));
  if (unknown.length) throw new Error(`the database has schema version ${Math.max(...unknown)}, newer than this release knows (${Math.max(...known)}); run the newer release`);
  const done = new Set(applied);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}
