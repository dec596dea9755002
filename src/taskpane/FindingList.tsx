/** Findings of a check, each a button that selects its place in the document where the host can. */
import { Button, Text } from "@fluentui/react-components";
import type { DocumentFinding } from "../actions/word";
import { SEVERITY_LABELS } from "../report/text/labels";
import { placedMessage } from "../report/tables/place";
import { itemStyle, LIST_STYLE } from "./IssueList";

export function FindingList({
  findings,
  onSelect,
}: {
  findings: DocumentFinding[];
  onSelect: (f: DocumentFinding) => void;
}) {
  if (!findings.length) return <Text>校验全部通过。</Text>;
  return (
    <ul aria-label="本文档的校验结果" style={LIST_STYLE}>
      {findings.map((f, k) => (
        <li key={k} style={itemStyle(f.severity)}>
          <Button
            appearance="transparent"
            size="small"
            style={{ padding: 0, minWidth: 0, textAlign: "left", fontWeight: "normal" }}
            title="在文档中选中"
            onClick={() => onSelect(f)}
          >
            {f.rule}（{SEVERITY_LABELS[f.severity]}）：{placedMessage(f)}
          </Button>
        </li>
      ))}
    </ul>
  );
}
