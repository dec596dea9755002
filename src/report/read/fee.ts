/**
 * The 信息处理费 a report states in its text (section 六 says whether it was charged: 「本年度未收取信息处理费」,
 * 「全年收取政府信息公开信息处理费3940元」, 「信息处理费共计0.00元」), read as X3 reads it. A report's tables do not
 * hold the fee, so this is how a report's fee is known (a roll-up of reports adds them); a report saying two
 * different amounts, or nothing, leaves it unknown.
 */
const NUM = "(\\d[\\d,]*(?:\\.\\d+)?)";

/** An amount of 信息处理费 in 元: the words between (共计, 为, ：…) are few and hold no figure. */
export const FEE_AMOUNT = new RegExp(`信息处理费[^。；;\\d元]{0,8}?${NUM}元`, "g");

/** A sentence saying no 信息处理费 was charged (未收取、没有收取、不收取、未产生…); not of other fees (其他费用). */
export const NO_FEE =
  /(?:未|没有|不|无)(?:收取|收|产生)(?:(?!其他|其它|额外|另外)[^。；，,]){0,12}(?:信息处理费|费用)/;

/** The fee the paragraphs state, in 元: one amount (「未收取」 is 0), else undefined. */
export function statedFee(paragraphs: string[]): number | undefined {
  const said = new Set<number>();
  for (const p of paragraphs) {
    if (!p.includes("费")) continue;
    const s = p.normalize("NFKC").replace(/\s+/g, "");
    for (const m of s.matchAll(FEE_AMOUNT)) said.add(Number(m[1].replace(/,/g, "")));
    if (NO_FEE.test(s)) said.add(0);
  }
  return said.size === 1 ? [...said][0] : undefined;
}
