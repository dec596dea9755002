/**
 * XML's character references decoded: the five named entities and numeric ones (&#20013; &#x4E2D;), in one pass
 * (so 「&amp;lt;」 is 「&lt;」, never 「<」). Pure; the .xlsx and .docx readers, our custom XML part and the 图解's
 * SVG read their text through it.
 */
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export const decodeXml = (s: string): string =>
  s.indexOf("&") < 0
    ? s
    : s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, r: string) =>
        r[0] === "#"
          ? String.fromCodePoint(r[1] === "x" ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10))
          : NAMED[r],
      );
