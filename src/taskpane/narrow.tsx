/**
 * What makes the pane fit Excel's default 350 px: whether a box is narrower than a table's full layout needs,
 * and a list of findings that folds to its count when it is long (so that the tables stay near the top).
 */
import { useLayoutEffect, useState } from "react";
import type { RefObject } from "react";

/** Below this width the tables' full labels and 表四's fifteen columns do not fit. */
const FULL_LAYOUT_WIDTH = 560;
/** Up to this many findings are listed open; more are folded behind their count. */
const OPEN_FINDINGS = 3;

/** Whether the box is narrower than the full layout (false until measured, and where nothing is laid out). */
export function useNarrow(ref: RefObject<HTMLElement>): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      setNarrow(w > 0 && w < FULL_LAYOUT_WIDTH);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

const LIST = { margin: 0, paddingLeft: 18 } as const;

/** The findings as a list; when there are many, folded (a native disclosure: keyboard and screen readers). */
export function Findings({ items }: { items: string[] }) {
  const list = (
    <ul aria-label="校验结果" style={LIST}>
      {items.map((t, i) => (
        <li key={i}>{t}</li>
      ))}
    </ul>
  );
  if (items.length <= OPEN_FINDINGS) return list;
  return (
    <details>
      <summary style={{ cursor: "pointer" }}>查看全部{items.length}条校验结果</summary>
      {list}
    </details>
  );
}
