import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

/**
 * libphonenumber's full ("max") metadata: the numbering plans that validation, line types and formatting read
 * (internal). A function rather than a constant so the build can leave the 150 kB table unread until the first
 * phone number: `tsup.config.ts` replaces this module with one that parses the table on the first call, which
 * takes importing `@frontline/core` from paying for it.
 */
export function phoneMetadata(): MetadataJson {
  return metadata;
}
