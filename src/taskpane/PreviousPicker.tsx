/** The optional last-year file, the same in every pane: its tables JSON, its report (any: Word, WPS, web page, PDF, OFD) or its workbook. */
import { acceptOf, REPORT_EXTENSIONS, WORKBOOK_EXTENSIONS } from "../load/limits";
import { FilePicker } from "./FilePicker";

export function PreviousPicker({ note = "", onFile }: { note?: string; onFile: (file: File) => void }) {
  return (
    <FilePicker
      label="上年数据（可选）"
      hint={`上年的报告（Word 或 WPS 文档、保存的网页、PDF 或 OFD，手写的也可以）、统计表 JSON 或台账：核对上年结转，并在表述中与上年比较。${note}`}
      accept={acceptOf(REPORT_EXTENSIONS, ["json"], WORKBOOK_EXTENSIONS)}
      name="选择上年数据"
      onFile={onFile}
    />
  );
}
