/**
 * Area barrel: explicit named re-exports of this bounded context, re-exported by the package index.
 * @module
 */
export {};
