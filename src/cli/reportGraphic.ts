/**
 * The 图解 in the Word report from the command line: `report --graphic` puts it after the signature, on a page of
 * its own; `update` draws it again where the report holds one (from `report --graphic` or the Word pane). Drawn
 * as `publish` draws it (a Chinese font of this machine, --font or OGI_FONT); where no PNG can be drawn the
 * report is still written, without the picture or with the old one, and the note says why.
 */
import type { TableSet } from "../report/tables/tables";
import type { DocPart } from "../report/text/document";
import { GRAPHIC_ALIAS, graphicNotRedrawn } from "../publish/graphicPart";
import { graphicReportPart } from "./publishGraphic";

export interface ReportGraphic {
  extra: DocPart[];
  /** What became of the 图解, a line for the command's output. */
  note: string;
}

/** The 图解 drawn for the Word report; `updating` words the note for an update. */
export function reportGraphic(
  tables: TableSet,
  flags: Record<string, string | true>,
  previous: TableSet | undefined,
  updating = false,
): ReportGraphic {
  const { part, drawing } = graphicReportPart(tables, {
    previous,
    ...(typeof flags.font === "string" ? { font: flags.font } : {}),
  });
  if (!part)
    return {
      extra: [],
      note: updating
        ? graphicNotRedrawn(drawing.problem ?? "")
        : `未插入「${GRAPHIC_ALIAS}」：${drawing.problem}`,
    };
  const font = `（字体：${drawing.font?.family}）`;
  return { extra: [part], note: updating ? "" : `已在落款之后插入「${GRAPHIC_ALIAS}」${font}` };
}
