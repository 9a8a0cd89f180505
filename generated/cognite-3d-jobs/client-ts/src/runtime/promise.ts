// Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * What an operation method returns: a promise of the parsed body that can also give the HTTP
 * response it came from (`await client.getJob({ id }).withResponse()` → `{ data, response }`),
 * for headers such as `Location`, `ETag` or rate-limit counters.
 */

export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
}

export class APIPromise<T> implements PromiseLike<T> {
  readonly #received: Promise<WithResponse<T>>;

  constructor(received: Promise<WithResponse<T>>) {
    this.#received = received;
  }

  /** The parsed body together with the `Response` (its body already read). */
  withResponse(): Promise<WithResponse<T>> {
    return this.#received;
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#received.then((received) => received.data).then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return "APIPromise";
  }
}
