import { z } from 'zod';

/**
 * An e-mail address, trimmed, with its domain lower-cased (the local part keeps its case, as RFC 5321 allows
 * it to matter).
 * @category Value objects
 */
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Not a valid e-mail address' }))
  .transform((email) => {
    const at = email.lastIndexOf('@');
    return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
  })
  .brand<'EmailAddress'>();
/** @category Value objects */
export type EmailAddress = z.output<typeof EmailAddress>;
