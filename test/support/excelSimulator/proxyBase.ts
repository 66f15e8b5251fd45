/**
 * Proxy objects, as in office.js: a JavaScript stand-in for an object in the workbook. Setting a
 * property or calling a method queues an action; `load` queues a read whose result is readable
 * after `sync()`; reading anything else throws PropertyNotLoaded.
 * Docs: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
 * and "*OrNullObject methods and properties"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 */
import type { PathNode, SimContext } from "./context";
import { simError } from "./errors";

export function parseLoad(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  if (typeof arg === "object" && arg !== null && "select" in arg)
    return parseLoad((arg as { select: unknown }).select);
  if (typeof arg === "object" && arg !== null) return Object.keys(arg);
  throw simError("InvalidArgument", "Invalid load argument.");
}

export function serialiseArg(a: unknown): unknown {
  if (a instanceof SimProxy) return { _ObjectPathId: a._path.id };
  return a;
}

export abstract class SimProxy<T> {
  private cached: T | null = null;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly navigation = new Map<string, unknown>();

  constructor(
    readonly context: SimContext,
    readonly _path: PathNode,
    private readonly resolver: () => T | null,
    private readonly nullable = false
  ) {
    if (nullable)
      context.registerNullable({
        setNull: (v) => {
          this.nullState = v;
        },
        isNull: () => this.tryResolve() === null,
      });
  }

  /** Navigation properties (range.format, format.font …) return the same proxy every time, as in
   * office.js, so they cost one object path per request, not one per access. */
  protected nav<P>(name: string, make: () => P): P {
    let p = this.navigation.get(name) as P | undefined;
    if (p === undefined) {
      p = make();
      this.navigation.set(name, p);
    }
    return p;
  }

  /** Whether the model object is gone (a deleted sheet, a range on one). */
  protected isDead(_t: T): boolean {
    return false;
  }

  protected tryResolve(): T | null {
    if (this.cached !== null) return this.isDead(this.cached) ? null : this.cached;
    let t: T | null;
    try {
      t = this.resolver();
    } catch (e) {
      if (this.nullable) return null;
      throw e;
    }
    // An object path is bound to the object it first found: a renamed sheet stays the same proxy.
    if (t !== null) this.cached = t;
    return t;
  }

  /** The model object, during execution of a sync. */
  target(): T {
    const t = this.tryResolve();
    if (t === null)
      throw simError("ItemNotFound", `The requested resource doesn't exist (${this._path.name}).`);
    return t;
  }

  /** For the host behind the real client library: the model object, or null for a null object. */
  resolveForHost(): T | null {
    return this.nullable ? this.tryResolve() : this.target();
  }

  /** Bind the proxy to a model object (the result of an `add`). */
  bind(t: T): void {
    this.cached = t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined)
      throw simError(
        "PropertyNotLoaded",
        `The property 'isNullObject' is not available. Call context.sync() before reading it.`
      );
    return this.nullState;
  }

  protected read(prop: string): unknown {
    if (!this.loaded.has(prop))
      throw simError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this.loaded.get(prop);
  }

  /** Called by collections that load their items: the item's values arrive with the collection. */
  setLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected queue(name: string, args: unknown[], run: (t: T) => void): void {
    this.context.enqueue({
      name,
      path: this._path,
      args: args.map(serialiseArg),
      run: () => run(this.target()),
    });
  }

  protected queueSet(prop: string, value: unknown, apply: (t: T) => void): void {
    this.queue(`Set:${prop}`, [value], apply);
  }

  /** Reads one property from the model for `load`; unknown names are an error. */
  protected abstract readProp(t: T, prop: string): unknown;

  load(arg?: unknown): this {
    const props = parseLoad(arg);
    this.context.enqueue({
      name: "Query",
      path: this._path,
      args: [props],
      run: () => {
        const t = this.nullable ? this.tryResolve() : this.target();
        if (t === null) {
          this.context.stage(() => undefined, null);
          return;
        }
        const values = props.map((p) => this.readProp(t, p));
        this.context.stage(() => props.forEach((p, i) => this.loaded.set(p, values[i])), values);
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` is readable after `load("items/…")` (or a plain property list) and sync. */
export abstract class SimCollection<
  TItemModel,
  TItem extends SimProxy<TItemModel>,
  TModel,
> extends SimProxy<TModel> {
  private loadedItems: TItem[] | null = null;

  protected abstract list(t: TModel): TItemModel[];
  protected abstract wrap(m: TItemModel, path: PathNode): TItem;
  protected readItemProp(item: TItem, m: TItemModel, prop: string): unknown {
    return (item as unknown as { readProp(t: TItemModel, p: string): unknown }).readProp(m, prop);
  }

  get items(): TItem[] {
    if (this.loadedItems === null)
      throw simError(
        "PropertyNotLoaded",
        `The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this.loadedItems;
  }

  protected readProp(): unknown {
    throw simError("InvalidArgument", "A collection has no such property.");
  }

  override load(arg?: unknown): this {
    const props = parseLoad(arg).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      name: "Query",
      path: this._path,
      args: [props],
      run: () => {
        const models = this.list(this.target());
        const rows = models.map((m, i) => {
          const item = this.wrap(m, this.context.path(this._path, "_Index", [i]));
          item.bind(m);
          const vals = props
            .filter((p) => p !== "items")
            .map((p) => [p, this.readItemProp(item, m, p)] as const);
          return { item, vals };
        });
        this.context.stage(
          () => {
            for (const r of rows) for (const [p, v] of r.vals) r.item.setLoaded(p, v);
            this.loadedItems = rows.map((r) => r.item);
          },
          rows.map((r) => Object.fromEntries(r.vals))
        );
      },
    });
    return this;
  }
}
