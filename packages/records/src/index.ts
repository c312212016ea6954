/**
 * `@frontline/records` — The records lifecycle: registry numbers, filing plan, outgoing dispatch, archive, retention and disposal with legal holds, office assets and consumables (REQUIREMENTS REC-1 … REC-7).
 *
 * This package is a skeleton: its layout, build and exports are in place and its capabilities land issue by
 * issue. It depends on `@frontline/core` only, never on a sibling domain package or an adapter.
 * @module
 */
export {};
