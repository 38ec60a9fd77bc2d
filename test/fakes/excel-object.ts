/** The fake's proxy base (see excel.ts): load specs, queued reads and writes, null objects, client results. */
import type { FakeRequestContext } from "./excel-context";
import { fail } from "./excel-model";

/* ================================================================= proxies */

export type Paths = string[][];

function parseSpec(spec: unknown): Paths {
  if (spec === undefined) return [];
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean).map((s) => s.split("/"));
  if (Array.isArray(spec)) return spec.flatMap((s) => parseSpec(s));
  if (spec && typeof spec === "object") {
    const o = spec as { select?: string; expand?: string };
    if (o.select !== undefined || o.expand !== undefined) return [...parseSpec(o.select ?? ""), ...parseSpec(o.expand ?? "")];
    const out: Paths = [];
    for (const [k, v] of Object.entries(spec as Record<string, unknown>)) {
      if (v === true) out.push([k]);
      else if (v && typeof v === "object") for (const p of parseSpec(v)) out.push([k, ...p]);
    }
    return out;
  }
  return [];
}

export abstract class FakeObject<T> {
  readonly _id: number;
  protected _values: Record<string, unknown> | null = null;
  protected _null: boolean | undefined;
  /**
   * `resolve` finds the proxy's model object at the time an action runs (null: a null object);
   * proxies whose object is fixed override `_target` instead.
   */
  constructor(
    readonly context: FakeRequestContext,
    parent: FakeObject<unknown> | null,
    how: string,
    args: unknown[] = [],
    protected readonly resolve: () => T | null = () => null,
  ) {
    this._id = context.newId();
    context.enqueue({ id: this._id, p: parent?._id ?? 0, m: how, a: args }, () => undefined);
  }
  /** Resolves the proxy to its model object at the time an action runs (null: a null object). */
  _target(): T | null {
    return this.resolve();
  }
  /** Scalar properties (read at load). */
  protected _scalar(_t: T, prop: string): unknown {
    return fail("PropertyNotFound", `unknown property ${prop}`);
  }
  /** Navigation properties. */
  protected _nav(_prop: string): FakeObject<unknown> | undefined {
    return undefined;
  }
  protected _defaultProps(): string[] {
    return [];
  }
  load(spec?: unknown): this {
    const paths = parseSpec(spec);
    this.context.enqueue({ id: this._id, m: "load", a: spec ?? null }, () => this._load(paths.length ? paths : this._defaultProps().map((p) => [p])));
    return this;
  }
  /** @internal */
  _load(paths: Paths): void {
    const t = this._target();
    this._null = t === null;
    const values: Record<string, unknown> = this._values ?? {};
    for (const p of paths) {
      const nav = this._nav(p[0]);
      if (nav) {
        nav._load(p.length > 1 ? [p.slice(1)] : nav._defaultProps().map((x) => [x]));
        continue;
      }
      values[p[0]] = t === null ? null : this._scalar(t, p[0]);
    }
    this._values = values;
    const snapshot = { ...values };
    this.context.respond(() => snapshot);
  }
  protected _get<V>(prop: string): V {
    if (!this._values || !(prop in this._values)) {
      fail("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this._values[prop] as V;
  }
  get isNullObject(): boolean {
    if (this._null === undefined) fail("PropertyNotLoaded", "isNullObject is known only after a sync that loaded the object");
    return this._null;
  }
  /** Queues a write. */
  protected _do(method: string, args: unknown[], run: (t: T) => void, write = true): void {
    this.context.enqueue(
      { id: this._id, m: method, a: args },
      () => {
        const t = this._target();
        if (t === null) return; // methods on null objects do nothing
        run(t);
      },
      write,
    );
  }
  toJSON(): unknown {
    return this._values;
  }
}

export class ClientResult<V> {
  private _v: V | undefined;
  private _set = false;
  get value(): V {
    if (!this._set) fail("PropertyNotLoaded", "ClientResult.value is available after sync");
    return this._v as V;
  }
  /** @internal */
  _resolve(v: V): void {
    this._v = v;
    this._set = true;
  }
}

