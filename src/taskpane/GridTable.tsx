/**
 * A table grid (表二/三/四) as an HTML table with the template's merges; number cells carry data-key, and with
 * `onNumber` the numbers of 表三 and 表四 are buttons (the rows behind them).
 *
 * `compact` (a narrow pane, such as Excel's default 350 px): row labels shrink to the template's numbering
 * (「（三）」「1.」) with the full label on hover (title) and for screen readers (hidden text), long header notes
 * likewise, and padding is tight, so that every number column is in view without scrolling sideways. Every
 * number also says its full name (`describe`) to screen readers, and on hover or keyboard focus in the line
 * under the table.
 */
import { useState } from "react";
import type { GridCell, TableGrid } from "../report/tables/layout";
import { shortLabel } from "../report/tables/layout";

/** Text read by screen readers and not shown. */
const HIDDEN = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/** A header note longer than this is hidden in a compact table (hover and screen readers still have it). */
const LONG_HEADER = 12;

function LabelText({ cell, compact }: { cell: GridCell; compact: boolean }) {
  if (!compact || cell.key) return <>{cell.text}</>;
  const short = cell.header ? (cell.text.length > LONG_HEADER ? "" : cell.text) : shortLabel(cell.text);
  if (short === cell.text) return <>{cell.text}</>;
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <span style={HIDDEN}>{cell.text}</span>
    </>
  );
}

export function GridTable({
  grid,
  caption,
  onNumber,
  compact = false,
  describe,
}: {
  grid: TableGrid;
  caption: string;
  onNumber?: (key: string) => void;
  compact?: boolean;
  /** The full name of a number's cell (表三「…」「自然人」). */
  describe?: (key: string) => string;
}) {
  const [pointed, setPointed] = useState<string | null>(null);
  const pad = compact ? "1px" : "2px 3px";
  return (
    <div style={{ overflowX: "auto", marginBottom: 12 }}>
      <table
        aria-label={caption}
        data-part={grid.part}
        style={{
          borderCollapse: "collapse",
          fontSize: 10,
          width: "100%",
          minWidth: grid.part === "table2" || compact ? 0 : 560,
        }}
      >
        <caption style={{ textAlign: "left", fontWeight: 600, fontSize: 12, padding: "4px 0" }}>
          {caption}
        </caption>
        <tbody>
          {grid.rows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <td
                  key={j}
                  colSpan={c.colSpan}
                  rowSpan={c.rowSpan}
                  data-key={c.key}
                  title={compact && !c.key && c.text ? c.text : undefined}
                  style={{
                    border: "1px solid #8a8a8a",
                    padding: pad,
                    textAlign: c.align,
                    background: c.header ? "#f3f3f3" : undefined,
                    wordBreak: compact ? "break-all" : undefined,
                  }}
                >
                  {onNumber && c.key && grid.part !== "table2" ? (
                    <button
                      type="button"
                      title="查看计入此数的登记行"
                      aria-label={describe ? `${describe(c.key)}：${c.text || "空白"}` : undefined}
                      onClick={() => onNumber(c.key as string)}
                      onFocus={() => setPointed(c.key ?? null)}
                      onMouseEnter={() => setPointed(c.key ?? null)}
                      // Reset by hand, not with all: unset, which would take the keyboard focus ring away too.
                      style={{
                        background: "none",
                        border: 0,
                        padding: 0,
                        margin: 0,
                        font: "inherit",
                        width: "100%",
                        cursor: "pointer",
                        color: "#0f6cbd",
                        textDecoration: "underline dotted",
                        display: "block",
                        textAlign: "center",
                      }}
                    >
                      {c.text}
                    </button>
                  ) : (
                    <LabelText cell={c} compact={compact} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {describe && pointed && (
        <div aria-hidden="true" style={{ fontSize: 11, color: "#424242", paddingTop: 2 }}>
          {describe(pointed)}
        </div>
      )}
    </div>
  );
}
