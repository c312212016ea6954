import type Handlebars from 'handlebars';
import type { ValidationError } from '../errors/frontline-error';
import { shapeError } from './letter-errors';
import { ARGUMENT_HELPER, LETTER_HELPERS, VALUE_HELPER } from './letter-helpers';
import { PartialName } from './letter-schemas';

type Program = ReturnType<typeof Handlebars.parse>;
type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type SubExpression = hbs.AST.SubExpression;
type StringLiteral = hbs.AST.StringLiteral;

/** The block helpers handlebars brings; they test for presence, so their arguments may be missing. */
const BLOCK_HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);
const HELPERS: ReadonlySet<string> = new Set(LETTER_HELPERS);

/**
 * What the compiler may call: the letter helpers, the block helpers and the internal path checks. Passed
 * with `knownHelpersOnly`, so the compiled code never looks a helper up in the data, and `log`/`lookup`
 * (which print to the console or read around the path check) are off.
 */
export const KNOWN_HELPERS: Record<string, boolean> = Object.fromEntries([
  ...[...HELPERS, ...BLOCK_HELPERS, VALUE_HELPER, ARGUMENT_HELPER].map((name) => [name, true] as const),
  ['log', false],
  ['lookup', false],
]);

/** The partials a source calls: `required` (`{{> name}}`), `optional` (`{{#> name}}fallback{{/name}}`), `inline`. */
export interface PartialUses {
  readonly required: ReadonlySet<string>;
  readonly optional: ReadonlySet<string>;
  readonly inline: ReadonlySet<string>;
}

function isType<T extends Node>(type: string) {
  return (node: Node | undefined | null): node is T => node?.type === type;
}
const isPath = isType<PathExpression>('PathExpression');
const isSubExpression = isType<SubExpression>('SubExpression');
const isStringLiteral = isType<StringLiteral>('StringLiteral');
const isMustache = isType<hbs.AST.MustacheStatement>('MustacheStatement');
const isBlock = isType<hbs.AST.BlockStatement>('BlockStatement');
const isPartial = isType<hbs.AST.PartialStatement>('PartialStatement');
const isPartialBlock = isType<hbs.AST.PartialBlockStatement>('PartialBlockStatement');
const isDecoratorBlock = isType<hbs.AST.DecoratorBlock>('DecoratorBlock');

function stringLiteral(value: string, loc: hbs.AST.SourceLocation): StringLiteral {
  return { type: 'StringLiteral', value, original: value, loc };
}

function helperPath(name: string, loc: hbs.AST.SourceLocation): PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc };
}

/**
 * Analyses a parsed template or partial and rewrites it so that a missing value can never print as a blank.
 *
 * Handlebars' own `strict` mode throws for a missing leaf but not for a missing link (`customer` in
 * `customer.address.city` throws a bare `TypeError` without a location), and it lets `null` print as
 * nothing. So instead every path that is printed becomes `{{$value path "path" …prefixes}}` and every path
 * passed to a helper or partial `($arg path …)`: the helper receives the value and each shorter prefix, and
 * throws a `ValidationError` naming the full path, the missing link, the source and the line. Paths given to
 * `#if`, `#unless`, `#each` and `#with` are left alone: those are how optional data is made explicit.
 *
 * The same walk refuses, with the line: unknown helpers, block helpers used inline and letter helpers used
 * as blocks, literal mustaches, dynamic partial names, decorators other than `*inline`.
 *
 * The AST handed to `compile` is this parsed tree with nodes built here from parsed names only, never from
 * outside input, as the handlebars docs require.
 */
export function prepareSource(
  program: Program,
  sourceName: string,
  details: Record<string, unknown>,
): PartialUses {
  const required = new Set<string>();
  const optional = new Set<string>();
  const inline = new Set<string>();

  const fail = (node: Node, problem: string): ValidationError =>
    shapeError(sourceName, { line: node.loc?.start.line, column: node.loc?.start.column }, problem, details);

  /** The helper a path names, when it is a plain identifier that is not a block parameter. */
  const helperName = (path: Node, scope: readonly string[]): string | undefined => {
    if (!isPath(path)) return undefined;
    const [first] = path.parts;
    if (path.parts.length !== 1 || first === undefined || path.depth !== 0 || path.data) return undefined;
    if (/^(\.|this\b)/.test(path.original) || scope.includes(first)) return undefined;
    return first;
  };

  const pathArguments = (path: PathExpression): Expression[] => {
    const loc = path.loc;
    const scopePrefix = /^(this[./]|\.\/)/.exec(path.original)?.[0] ?? '';
    const head = `${path.data ? '@' : ''}${'../'.repeat(path.depth)}${scopePrefix}`;
    const issuePath =
      path.data && path.parts[0] !== undefined ? [`@${path.parts[0]}`, ...path.parts.slice(1)] : path.parts;
    const args: Expression[] = [
      path,
      stringLiteral(path.original, loc),
      stringLiteral(JSON.stringify(issuePath), loc),
    ];
    for (let k = 1; k < path.parts.length; k++) {
      const original = `${head}${path.parts.slice(0, k).join('.')}`;
      const prefix: PathExpression = {
        type: 'PathExpression',
        data: path.data,
        depth: path.depth,
        parts: path.parts.slice(0, k),
        original,
        loc,
      };
      args.push(stringLiteral(original, loc), prefix);
    }
    return args;
  };

  const requiredArgument = (path: PathExpression): SubExpression => ({
    type: 'SubExpression',
    path: helperPath(ARGUMENT_HELPER, path.loc),
    params: pathArguments(path),
    hash: { type: 'Hash', pairs: [], loc: path.loc },
    loc: path.loc,
  });

  const argument = (expression: Expression, scope: readonly string[]): Expression => {
    if (isPath(expression)) return requiredArgument(expression);
    if (isSubExpression(expression)) subExpression(expression, scope);
    return expression;
  };

  /** Paths given to a presence-testing block helper stay as they are; subexpressions are still checked. */
  const presenceArgument = (expression: Expression, scope: readonly string[]): Expression => {
    if (isSubExpression(expression)) subExpression(expression, scope);
    return expression;
  };

  const helperArguments = (
    node: { params: Expression[]; hash?: hbs.AST.Hash },
    scope: readonly string[],
    required: boolean,
  ): void => {
    const rewrite = required ? argument : presenceArgument;
    node.params = node.params.map((param) => rewrite(param, scope));
    for (const pair of node.hash?.pairs ?? []) pair.value = rewrite(pair.value, scope);
  };

  const hasArguments = (node: { params: Expression[]; hash?: hbs.AST.Hash }): boolean =>
    node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;

  const subExpression = (node: SubExpression, scope: readonly string[]): void => {
    const name = helperName(node.path, scope);
    if (name !== undefined && BLOCK_HELPERS.has(name)) {
      throw fail(node, `"${name}" is a block helper: use {{#${name} …}}…{{/${name}}}`);
    }
    if (name === undefined || !HELPERS.has(name)) throw fail(node, unknownHelper(node.path));
    helperArguments(node, scope, true);
  };

  const mustache = (node: hbs.AST.MustacheStatement, scope: readonly string[]): void => {
    const path = node.path;
    if (!isPath(path)) throw fail(node, 'A mustache must name a value or a helper, not a literal');
    const name = helperName(path, scope);
    if (name !== undefined && BLOCK_HELPERS.has(name)) {
      throw fail(node, `"${name}" is a block helper: use {{#${name} …}}…{{/${name}}}`);
    }
    if (name !== undefined && HELPERS.has(name)) {
      if (!hasArguments(node)) {
        throw fail(
          node,
          `"${name}" is a helper and needs a value ({{${name} x}}); to print a field named ${name}, write {{this.${name}}}`,
        );
      }
      helperArguments(node, scope, true);
      return;
    }
    if (hasArguments(node)) throw fail(node, unknownHelper(path));
    node.params = pathArguments(path);
    node.path = helperPath(VALUE_HELPER, path.loc);
  };

  const block = (node: hbs.AST.BlockStatement, scope: readonly string[]): void => {
    if (!isPath(node.path)) throw fail(node, 'A block must name a value or a block helper, not a literal');
    const name = helperName(node.path, scope);
    if (name !== undefined && BLOCK_HELPERS.has(name)) {
      if (node.params.length !== 1) throw fail(node, `{{#${name}}} takes exactly one value`);
      helperArguments(node, scope, false);
    } else if (name !== undefined && HELPERS.has(name)) {
      throw fail(node, `"${name}" is not a block helper: use {{${name} …}}`);
    } else if (hasArguments(node)) {
      throw fail(node, unknownHelper(node.path));
    }
    visitProgram(node.program, scope);
    visitProgram(node.inverse, scope);
  };

  const partial = (
    node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement,
    scope: readonly string[],
    into: Set<string>,
  ): void => {
    const nameNode: Node = node.name;
    if (isPath(nameNode) && nameNode.data) {
      if (nameNode.original !== '@partial-block') throw fail(node, `Unknown partial ${nameNode.original}`);
    } else {
      if (isSubExpression(nameNode)) throw fail(node, 'A partial must be called by its name, not computed');
      const name = isPath(nameNode) ? nameNode.original : isStringLiteral(nameNode) ? nameNode.value : '';
      if (!PartialName.safeParse(name).success) throw fail(node, `"${name}" is not a valid partial name`);
      into.add(name);
    }
    if (node.params.length > 1) throw fail(node, 'A partial takes at most one context value');
    helperArguments(node, scope, true);
  };

  const statement = (node: Node, scope: readonly string[]): void => {
    if (isMustache(node)) mustache(node, scope);
    else if (isBlock(node)) block(node, scope);
    else if (isPartial(node)) partial(node, scope, required);
    else if (isPartialBlock(node)) {
      partial(node, scope, optional);
      visitProgram(node.program, scope);
    } else if (isDecoratorBlock(node)) {
      const [name] = node.params;
      if (!isPath(node.path) || node.path.original !== 'inline' || !isStringLiteral(name)) {
        throw fail(node, 'Only {{#*inline "name"}} decorators are supported');
      }
      inline.add(name.value);
      visitProgram(node.program, scope);
    } else if (node.type !== 'ContentStatement' && node.type !== 'CommentStatement') {
      throw fail(node, `${node.type} is not supported in letters`);
    }
  };

  const visitProgram = (node: hbs.AST.Program | undefined, scope: readonly string[]): void => {
    if (!node) return;
    const params = node.blockParams ?? [];
    if (params.includes(VALUE_HELPER) || params.includes(ARGUMENT_HELPER)) {
      throw fail(node, `"${VALUE_HELPER}" and "${ARGUMENT_HELPER}" are reserved`);
    }
    const inner = params.length > 0 ? [...scope, ...params] : scope;
    for (const child of node.body) statement(child, inner);
  };

  visitProgram(program, []);
  return { required, optional, inline };
}

function unknownHelper(path: Node): string {
  const name = isPath(path) ? path.original : path.type;
  return `Unknown helper "${name}"; letters offer ${[...HELPERS].join(', ')} and the blocks #if, #unless, #each, #with`;
}
