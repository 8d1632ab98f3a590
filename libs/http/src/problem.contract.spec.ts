import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArgumentsHost, Logger } from '@nestjs/common';
import * as ts from 'typescript';
import { repoPath } from '@tongban/config';
import { DomainError, ErrorCode, PROBLEM_BASE_MEMBERS } from '@tongban/errors';
import { JsonSchema, loadContract } from './contract.document';
import { ProblemContract, problemSchemaName } from './problem.contract';
import { ProblemFilter } from './problem.filter';
import { httpStatusOf, problemType } from './problem.mapping';

const contract = loadContract();
const problems = new ProblemContract(contract);
const codes = Object.values(ErrorCode);
const schemaOf = (code: ErrorCode): JsonSchema => contract.schemas[problemSchemaName(code)];
const propertiesOf = (s: JsonSchema): Record<string, JsonSchema> => (s.properties ?? {}) as Record<string, JsonSchema>;
const extensionMembers = (code: ErrorCode): string[] =>
  Object.keys(propertiesOf(schemaOf(code)))
    .filter((m) => !(PROBLEM_BASE_MEMBERS as readonly string[]).includes(m))
    .sort();

/** A value a schema accepts: its example, constant or first enum value, else one built from its type. */
function sample(schema: JsonSchema): unknown {
  if (typeof schema.$ref === 'string') return sample(contract.schemas[schema.$ref.split('/').pop()!]);
  if (Array.isArray(schema.examples)) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') return [sample(schema.items as JsonSchema)];
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 1;
  if (type === 'object') return Object.fromEntries(Object.entries(propertiesOf(schema)).map(([k, v]) => [k, sample(v)]));
  if (schema.pattern) throw new Error(`give the patterned schema ${JSON.stringify(schema)} an example`);
  if (schema.format === 'date-time') return '2026-03-01T00:00:00.000Z';
  if (schema.format === 'uuid') return '0b9f5d3c-4a8e-4f2b-9c7d-2e1f0a3b4c5d';
  return 'text';
}

/** An error of `code` carrying every extension member its schema declares. */
function fullError(code: ErrorCode): DomainError {
  const extensions = Object.fromEntries(extensionMembers(code).map((m) => [m, sample(propertiesOf(schemaOf(code))[m])]));
  // the constructor's parameter is typed from these same schemas; here one code is picked at run time
  return new DomainError(code, 'what happened', extensions as never);
}

/** What the ProblemFilter answers for an error, with the request id the edge middleware sets. */
function answer(error: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: '' };
  const res = {
    getHeader: (name: string) => (name === 'X-Request-Id' ? 'req-1' : undefined),
    setHeader: () => res,
    status: (s: number) => ((sent.status = s), res),
    type: () => res,
    send: (b: string) => ((sent.body = b), res),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/v1/provision-claims?x=1', url: '/v1/provision-claims' }),
      getResponse: () => res,
    }),
  };
  new ProblemFilter().catch(error, host as unknown as ArgumentsHost);
  return { status: sent.status, body: JSON.parse(sent.body) as Record<string, unknown> };
}

// ---- every extension member any throw site sends, per code, read from the source ----

type Site = { code: string; where: string; members: Set<string>; unresolved: string[] };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'generated' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Property names an expression gives an object (literals, spreads, conditionals, local helpers and their call sites). */
function membersOf(expr: ts.Expression, file: ts.SourceFile, site: Site, seen = new Set<ts.Node>()): void {
  if (seen.has(expr)) return;
  seen.add(expr);
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return membersOf(expr.expression, file, site, seen);
  if (ts.isConditionalExpression(expr)) {
    membersOf(expr.whenTrue, file, site, seen);
    return membersOf(expr.whenFalse, file, site, seen);
  }
  if (ts.isObjectLiteralExpression(expr)) {
    for (const p of expr.properties) {
      if (ts.isSpreadAssignment(p)) membersOf(p.expression, file, site, seen);
      else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) site.members.add(p.name.text);
      else site.unresolved.push(p.getText());
    }
    return;
  }
  if (ts.isIdentifier(expr)) {
    const decl = declarationOf(expr.text, expr);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return membersOf(decl.initializer, file, site, seen);
    if (decl && ts.isParameter(decl)) {
      if (decl.initializer) membersOf(decl.initializer, file, site, seen);
      const fn = decl.parent;
      const name = functionName(fn);
      const index = fn.parameters.indexOf(decl);
      if (name === undefined) return void site.unresolved.push(expr.text);
      for (const call of callsOf(name, file)) if (call.arguments[index]) membersOf(call.arguments[index], file, site, seen);
      return;
    }
  }
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression)) {
    const decl = declarationOf(expr.expression.text, expr);
    const fn = decl && ts.isVariableDeclaration(decl) ? decl.initializer : decl;
    if (fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return membersOf(fn.body, file, site, seen);
    if (fn && (ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn)) && fn.body && ts.isBlock(fn.body)) {
      const visit = (n: ts.Node): void => {
        if (ts.isReturnStatement(n) && n.expression) membersOf(n.expression, file, site, seen);
        else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
      };
      ts.forEachChild(fn.body, visit);
      return;
    }
  }
  site.unresolved.push(expr.getText());
}

function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name.text;
  if (ts.isArrowFunction(fn) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return undefined;
}

/** The innermost declaration of `name` visible from `at` in the file (variables, parameters, functions). */
function declarationOf(name: string, at: ts.Node): ts.Node | undefined {
  for (let scope: ts.Node | undefined = at; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const param = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (param) return param;
    }
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if ((ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === name)
        found = n;
      else if (n === scope || !ts.isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) visit(scope);
    if (found) return found;
  }
  return undefined;
}

function callsOf(name: string, file: ts.SourceFile): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) calls.push(n);
    ts.forEachChild(n, visit);
  };
  visit(file);
  return calls;
}

function throwSites(): Site[] {
  const sites: Site[] = [];
  for (const dir of ['libs', 'apps', 'tools']) {
    for (const name of sourceFiles(repoPath(dir))) {
      const file = ts.createSourceFile(name, fs.readFileSync(name, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'DomainError' && n.arguments) {
          const [code, , extensions] = n.arguments;
          const where = `${path.relative(repoPath('.'), name)}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
          const known = ts.isPropertyAccessExpression(code) && code.expression.getText() === 'ErrorCode';
          const site: Site = {
            code: known ? (ErrorCode as Record<string, string>)[code.name.text] : code.getText(),
            where,
            members: new Set(),
            unresolved: [],
          };
          if (extensions) {
            if (!known) site.unresolved.push(`code ${code.getText()}`);
            membersOf(extensions, file, site);
          }
          sites.push(site);
        }
        ts.forEachChild(n, visit);
      };
      visit(file);
    }
  }
  return sites;
}

describe('every problem the gateway can produce is declared by the contract', () => {
  beforeAll(() => Logger.overrideLogger(false)); // 5xx answers are logged as errors
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('has one problem schema per error code, with its type, status and code, and the base members', () => {
    for (const code of codes) {
      const s = schemaOf(code);
      expect([code, s === undefined]).toEqual([code, false]);
      const props = propertiesOf(s);
      expect([code, props.type?.const, props.status?.const, props.code?.enum]).toEqual([
        code,
        problemType(code),
        httpStatusOf(code).status,
        [code],
      ]);
      for (const m of PROBLEM_BASE_MEMBERS) expect([code, m, m in props]).toEqual([code, m, true]);
      expect([code, s.required]).toEqual([code, expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'instance'])]);
      // open for clients (RFC 9457 §3.2); the tests close it
      expect([code, s.additionalProperties]).toEqual([code, true]);
    }
    const declared = Object.keys(contract.schemas).filter((n) => /^Problem[A-Z]/.test(n));
    expect(declared.sort()).toEqual(codes.map(problemSchemaName).sort());
  });

  it('answers each code with exactly the members its schema declares, every one of them accepted by the closed schema', () => {
    for (const code of codes) {
      const { status, body } = answer(fullError(code));
      expect([code, status]).toEqual([code, httpStatusOf(code).status]);
      expect([code, Object.keys(body).sort()]).toEqual([code, Object.keys(propertiesOf(schemaOf(code))).sort()]);
      const validate = problems.forCode(code);
      expect([code, validate(body), validate.errors ?? null]).toEqual([code, true, null]);
    }
  });

  it('sends no member a schema does not declare, and declares none that no throw site sends', () => {
    const sites = throwSites();
    expect(sites.length).toBeGreaterThan(100);
    expect(sites.filter((s) => s.unresolved.length > 0).map((s) => `${s.where}: ${s.unresolved.join(', ')}`)).toEqual([]);
    const sent = new Map<string, Set<string>>(codes.map((c) => [c, new Set()]));
    for (const s of sites) for (const m of s.members) sent.get(s.code)?.add(m);
    for (const code of codes) expect([code, [...sent.get(code)!].sort()]).toEqual([code, extensionMembers(code)]);
  });

  it('answers errors that are not domain errors (framework, body parser, bugs) within the contract too', () => {
    const cases: Array<[unknown, ErrorCode]> = [
      [Object.assign(new Error('bad'), { type: 'entity.parse.failed', status: 400 }), ErrorCode.MalformedRequest],
      [Object.assign(new Error('big'), { type: 'entity.too.large', status: 413 }), ErrorCode.PayloadTooLarge],
      [new TypeError('a bug'), ErrorCode.Internal],
    ];
    for (const [error, code] of cases) {
      const { body } = answer(error);
      expect([code, body.code, problems.forCode(code)(body)]).toEqual([code, code, true]);
    }
  });

  it('gives every declared problem response the codes of its status only, and the edge statuses every code of theirs', () => {
    const fullAnswers = new Map(codes.map((code) => [code, answer(fullError(code)).body]));
    const wrong: string[] = [];
    const missing: string[] = [];
    for (const op of contract.operations) {
      for (const status of Object.keys((op.raw.responses ?? {}) as Record<string, unknown>)) {
        const first = Number(status.charAt(0));
        if (first < 4) continue;
        const validate = problems.forResponse(op, status.endsWith('XX') ? first * 100 : Number(status));
        if (!validate) continue; // a readiness report, not a problem
        const fits = (code: ErrorCode): boolean => {
          const { status: s } = httpStatusOf(code);
          return status.endsWith('XX') ? Math.floor(s / 100) === first : s === Number(status);
        };
        const accepted = codes.filter((code) => validate(fullAnswers.get(code)));
        for (const code of accepted) if (!fits(code)) wrong.push(`${op.operationId} ${status}: ${code}`);
        // every status but 409 is answered alike by every operation: all its codes
        if (status !== '409')
          for (const code of codes.filter(fits)) if (!accepted.includes(code)) missing.push(`${op.operationId} ${status}: ${code}`);
        if (status === '409' && accepted.length === 0) missing.push(`${op.operationId} 409: no code`);
      }
    }
    expect(wrong).toEqual([]);
    expect(missing).toEqual([]);
  });
});
