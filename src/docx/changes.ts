/**
 * What updating a report changed: the parts whose content changed (with their cells, for tables), the parts
 * missing, the bytes written. Shared by the update in place (update.ts) and the tables found by label (byLabel.ts).
 */
export interface CellChange {
  /** A readable cell name, e.g. 表三「一、本年新收政府信息公开申请数量」「自然人」. */
  where: string;
  old: string;
  new: string;
}

export interface PartUpdate {
  part: string;
  alias: string;
  old: string;
  new: string;
  /** For tables: the cells that changed. */
  cells?: CellChange[];
  /** A picture (the 图解), drawn again: `old` and `new` are what it shows, in words. */
  picture?: boolean;
  /** Found by its printed labels, its control having been lost. */
  byLabel?: boolean;
}

export interface MissingPart {
  part: string;
  alias: string;
  hint: string;
}

export interface UpdateResult {
  bytes: Uint8Array;
  /** Parts whose content changed. */
  changed: PartUpdate[];
  /** Parts found and already up to date. */
  unchanged: string[];
  missing: MissingPart[];
  /** `ogi:` controls in the document that the fresh data no longer produces; left as they are. */
  orphans: string[];
  /**
   * What the update could not change and no longer agrees with the new tables: sentences people wrote (X3) and
   * a title of another year (C4), each in words; the person corrects them.
   */
  stale: string[];
}
