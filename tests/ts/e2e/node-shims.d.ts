// The few node APIs the end-to-end tests use, declared here so they type-check under the
// generated package's own tsconfig without @types/node.
declare module "node:test" {
  export function test(name: string, fn: () => Promise<void>): void;
}
declare module "node:assert/strict" {
  interface Assert {
    (value: unknown, message?: string): asserts value;
    ok(value: unknown, message?: string): asserts value;
    equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
    deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
    match(value: string, pattern: RegExp, message?: string): void;
    rejects(block: Promise<unknown> | (() => Promise<unknown>), error?: unknown): Promise<void>;
  }
  const assert: Assert;
  export default assert;
}
declare const process: { env: Record<string, string | undefined> };
