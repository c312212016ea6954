/**
 * `@frontline/telecom` — Telecom subscription operations: activate, suspend, terminate, tariff and supplementary-service changes, subscriber/payer changes, billing tasks, directory enquiry, faults and outages (REQUIREMENTS TEL-1 … TEL-7).
 *
 * This package is a skeleton: its layout, build and exports are in place and its capabilities land issue by
 * issue. It depends on `@frontline/core` only, never on a sibling domain package or an adapter.
 * @module
 */
export {};
