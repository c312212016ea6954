import {
  ConflictError,
  ForbiddenError,
  FrontlineError,
  InvalidTransitionError,
  NotFoundError,
  parseInput,
  UnavailableError,
  ValidationError,
} from '@frontline/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

describe('FrontlineError', () => {
  it('recognises every subclass by brand and code', () => {
    const errors = [
      new ValidationError('bad', []),
      new NotFoundError('ticket', 't1'),
      new ConflictError('taken'),
      new ForbiddenError('no'),
      new InvalidTransitionError('ticket', 'closed', 'escalate'),
    ];
    expect(errors.map((e) => e.code)).toEqual([
      'VALIDATION',
      'NOT_FOUND',
      'CONFLICT',
      'FORBIDDEN',
      'INVALID_TRANSITION',
    ]);
    for (const e of errors) expect(FrontlineError.is(e)).toBe(true);
    expect(FrontlineError.is(errors[1], 'NOT_FOUND')).toBe(true);
    expect(FrontlineError.is(errors[1], 'CONFLICT')).toBe(false);
  });

  it('recognises an error from another copy of the package by its brand, not its class', () => {
    const foreign = Object.assign(new Error('x'), { code: 'CONFLICT' });
    expect(FrontlineError.is(foreign)).toBe(false);
    const copy = new ConflictError('from a CJS copy');
    const clone = Object.create(Object.getPrototypeOf(Object.getPrototypeOf(copy)));
    expect(FrontlineError.is(clone)).toBe(false);
    expect(FrontlineError.is(copy)).toBe(true);
  });

  it('names the state and the command of a refused transition', () => {
    const e = new InvalidTransitionError('ticket', 'closed', 'escalate');
    expect(e.message).toBe('ticket: "escalate" is not allowed in state "closed".');
    expect(e.details).toEqual({ machine: 'ticket', state: 'closed', command: 'escalate' });
  });

  it('keeps the cause it wraps and serialises without it', () => {
    const cause = new Error('socket hang up');
    const e = new ConflictError('changed', { cause, details: { id: 'a' } });
    expect(e.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'ConflictError',
      code: 'CONFLICT',
      message: 'changed',
      details: { id: 'a' },
    });
  });
});

describe('parseInput', () => {
  const Schema = z.object({
    name: z.string().min(1),
    contacts: z.array(z.object({ phone: z.string().regex(/^\+/) })),
  });

  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(Schema, { name: 'Kiss Anna', contacts: [] })).toEqual({
      name: 'Kiss Anna',
      contacts: [],
    });
  });

  it('throws a ValidationError naming the first bad field and listing every issue with its path', () => {
    let caught: unknown;
    try {
      parseInput(Schema, { name: '', contacts: [{ phone: '+36' }, { phone: '0630' }] }, 'customer');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const e = caught as ValidationError;
    expect(e.message).toMatch(/^Invalid customer: name: .+ \(and 1 more problem\)$/);
    expect(e.issues.map((i) => i.path)).toEqual([['name'], ['contacts', 1, 'phone']]);
    expect(e.details.issues).toEqual(e.issues);
  });

  it('reports a bad root value with the path "(root)"', () => {
    expect(() => parseInput(Schema, 42, 'customer')).toThrow(/Invalid customer: \(root\)/);
  });
});

describe('UnavailableError', () => {
  it('names the missing dependency and keeps the cause', () => {
    const cause = new Error('ENOENT');
    const e = new UnavailableError('chromium', 'No Chromium at /usr/bin/chromium.', { cause });
    expect(FrontlineError.is(e, 'UNAVAILABLE')).toBe(true);
    expect(e).toMatchObject({ name: 'UnavailableError', dependency: 'chromium', cause });
    expect(e.toJSON()).toEqual({
      name: 'UnavailableError',
      code: 'UNAVAILABLE',
      message: 'No Chromium at /usr/bin/chromium.',
      details: { dependency: 'chromium' },
    });
  });
});
