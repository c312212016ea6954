import { initialMigration } from './0001-initial';
import { tenantsMigration } from './0002-tenants';
import type { Migration } from './migration';

/**
 * The migrations this version of the package ships, oldest first.
 * @category Migrations
 */
export const frontlineMigrations: readonly Migration[] = Object.freeze([initialMigration, tenantsMigration]);

export type { Migration } from './migration';
