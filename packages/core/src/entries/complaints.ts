/**
 * `@frontline/core/complaints` — the complaint workflow (intake with minutes, the complaint machine, deadlines,
 * compensation rules within authority limits and the yearly cap, answers, the five-year file) and the
 * `complaints()` module that puts it on the composition root.
 * @module
 */
export * from '../complaints';
export { type ComplaintsOptions, complaints } from '../modules/complaints';
