// KOTS's Config item values (replicatedhq/kots pkg/template/config_context.go): an item's `value`
// (or the user's value, for editable items) wins over its `default` when it is not empty; both are
// themselves templates. `when` and `hidden` do not change what ConfigOption returns there.

export interface ConfigItem {
  name: string;
  type?: string;
  value?: string;
  default?: string;
  filename?: string;
  readonly?: boolean;
}

export interface ConfigGroup {
  name?: string;
  items?: ConfigItem[];
}

export interface ItemValue {
  value: string;
  default: string;
  filename: string;
  /** Placeholder functions the item's templates called (its value is then not known). */
  placeholders: string[];
}

export type Taint = (fn: string) => void;

/** Item types a user can edit (config_context.go isReadOnly's EditableItemTypes). */
const EDITABLE = new Set([
  '',
  'bool',
  'file',
  'password',
  'select',
  'select_many',
  'select_one',
  'radio',
  'dropdown',
  'text',
  'textarea',
]);

function isReadOnly(item: ConfigItem): boolean {
  return item.readonly === true || !EDITABLE.has(item.type ?? '');
}

/**
 * Resolves items lazily in dependency order: an item's templates may call ConfigOption on others,
 * as KOTS's dependency graph allows. `render` renders one template with a resolver for the others
 * and reports placeholder calls to `taint`. Resolved items are cached with their placeholders, and
 * every later read reports them again, so a value built from a placeholder stays marked.
 */
export class ConfigValues {
  private readonly items = new Map<string, ConfigItem>();
  private readonly resolved = new Map<string, ItemValue>();
  private readonly resolving = new Set<string>();

  constructor(
    groups: ConfigGroup[],
    private readonly userValues: Record<string, string>,
    private readonly render: (text: string, values: ConfigValues, taint: Taint) => string,
  ) {
    for (const g of groups) for (const item of g.items ?? []) this.items.set(item.name, item);
  }

  get(name: string, taint: Taint): ItemValue | undefined {
    const v = this.resolve(name);
    if (v) for (const p of v.placeholders) taint(p);
    return v;
  }

  private resolve(name: string): ItemValue | undefined {
    const done = this.resolved.get(name);
    if (done) return done;
    const item = this.items.get(name);
    const user = this.userValues[name];
    if (!item)
      return user !== undefined ? { value: user, default: '', filename: '', placeholders: [] } : undefined;
    // A cycle has no value (KOTS refuses the Config); treat the inner reference as unset.
    if (this.resolving.has(name)) return undefined;
    this.resolving.add(name);
    try {
      const seen = new Set<string>();
      const taint = (fn: string) => seen.add(fn);
      const builtDefault = this.render(item.default ?? '', this, taint);
      const value =
        !isReadOnly(item) && user !== undefined ? user : this.render(item.value ?? '', this, taint);
      const filename = this.render(item.filename ?? '', this, taint);
      const v: ItemValue = { value, default: builtDefault, filename, placeholders: [...seen].sort() };
      this.resolved.set(name, v);
      return v;
    } finally {
      this.resolving.delete(name);
    }
  }

  /** getConfigOptionValue: the value when it is not empty, else the default; undefined if no item. */
  option(name: string, taint: Taint): string | undefined {
    const v = this.get(name, taint);
    if (!v) return undefined;
    return v.value !== '' ? v.value : v.default;
  }
}
