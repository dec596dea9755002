/** A register's problems, worst first as found; each one clickable to its cell where the host can select it. */
import { Button, Text } from "@fluentui/react-components";
import { issuePlace, SEVERITY_LABELS } from "../report/text/labels";
import type { RowIssue } from "../report/register/registers";

/** At most this many are listed; the rest are counted. */
const SHOWN = 200;

/** The look of a list of problems: one item under another, each marked by its severity's colour. */
export const LIST_STYLE = {
  margin: 0,
  paddingLeft: 0,
  listStyle: "none",
  display: "flex",
  flexDirection: "column",
  gap: 4,
} as const;
export const itemStyle = (severity: string) => ({
  borderLeft: `3px solid ${severity === "error" ? "#c50f1f" : "#bc4b09"}`,
  paddingLeft: 6,
});

export function IssueList({ issues, onSelect }: { issues: RowIssue[]; onSelect?: (i: RowIssue) => void }) {
  if (!issues.length) return <Text>没有发现问题。</Text>;
  const shown = issues.slice(0, SHOWN);
  return (
    <ul aria-label="登记表问题" style={LIST_STYLE}>
      {shown.map((i, k) => (
        <li key={k} style={itemStyle(i.severity)}>
          {onSelect && i.row > 0 ? (
            <Button
              appearance="transparent"
              size="small"
              style={{ padding: 0, minWidth: 0, textAlign: "left" }}
              onClick={() => onSelect(i)}
            >
              {issuePlace(i)}
            </Button>
          ) : (
            <Text weight="semibold">{issuePlace(i)}</Text>
          )}
          <Text block size={200}>
            [{SEVERITY_LABELS[i.severity]}] {i.message}
          </Text>
        </li>
      ))}
      {issues.length > shown.length && <li>……另有{issues.length - shown.length}条</li>}
    </ul>
  );
}
