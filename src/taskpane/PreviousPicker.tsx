/** The optional last-year file, the same in every pane: its tables JSON, its report (any, .docx or page) or its workbook. */
import { Field } from "@fluentui/react-components";

export function PreviousPicker({ note = "", onFile }: { note?: string; onFile: (file: File) => void }) {
  return (
    <Field
      label="上年数据（可选）"
      hint={`上年的报告（Word 文档或保存的网页，手写的也可以）、统计表 JSON 或台账：核对上年结转，并在表述中与上年比较。${note}`}
    >
      <input
        type="file"
        accept=".docx,.html,.htm,.mhtml,.mht,.json,.xlsx,.csv,.txt"
        aria-label="选择上年数据"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
        }}
      />
    </Field>
  );
}
