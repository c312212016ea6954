/**
 * `@frontline/campaigns` — Proactive and outbound contact: birthdays, Hungarian name days and anniversaries, segments, call lists and scripts, dunning reminders, surveys — every contact sent once, with consent (REQUIREMENTS CAM-1 … CAM-7).
 *
 * This package is a skeleton: its layout, build and exports are in place and its capabilities land issue by
 * issue. It depends on `@frontline/core` only, never on a sibling domain package or an adapter.
 * @module
 */
export {};
