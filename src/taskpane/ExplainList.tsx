/**
 * The rows behind one number: its label and value, where it came from (rows, or numbers typed in 报告信息),
 * and each row with its fields and why — a button that selects the row where the host can (Excel), text in
 * file mode.
 */
import { Button, Text } from "@fluentui/react-components";
import type { Explanation } from "../report/register/explain";
import { LIST_STYLE } from "./IssueList";

/** At most this many rows are listed; the rest are counted. */
const SHOWN = 200;

export function ExplainList({
  explanation: e,
  onSelect,
  title,
}: {
  explanation: Explanation;
  onSelect?: (sheet: string, row: number) => void;
  /** Whose rows these are (a unit of a roll-up). */
  title?: string;
}) {
  const shown = e.rows.slice(0, SHOWN);
  return (
    <section aria-label="数字明细" style={{ border: "1px solid #d1d1d1", padding: 6 }}>
      <Text weight="semibold" block>
        {title ? `${title}：` : ""}
        {e.label} = {e.value ?? "（空白）"}
      </Text>
      <Text size={200} block>
        {e.note}
      </Text>
      <ul aria-label="计入此数的登记行" style={{ ...LIST_STYLE, marginTop: 4 }}>
        {shown.map((r) => {
          const place = `${r.sheet} 第${r.row}行${r.id ? `（${r.id}）` : ""}`;
          return (
            <li key={`${r.sheet}:${r.row}`}>
              {onSelect ? (
                <Button
                  appearance="transparent"
                  size="small"
                  style={{ padding: 0, minWidth: 0, textAlign: "left" }}
                  onClick={() => onSelect(r.sheet, r.row)}
                >
                  {place}
                </Button>
              ) : (
                <Text weight="semibold">{place}</Text>
              )}
              <Text block size={200}>
                {r.fields.map(([k, v]) => `${k} ${v || "（空）"}`).join("，")}；{r.why}
              </Text>
            </li>
          );
        })}
        {e.rows.length > shown.length && <li>……另有{e.rows.length - shown.length}行</li>}
      </ul>
    </section>
  );
}
