/**
 * Area barrel: explicit named re-exports of this bounded context, re-exported by the package index.
 * @module
 */
export { type KnownPermission, Permissions } from './permissions';
