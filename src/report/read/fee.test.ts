/**
 * The 信息处理费 a report's text states, as reports state it (domain.md §5 and real reports' 六): one amount, or
 * none charged (0); two different amounts, or no word of it, leave it unknown — never a guess.
 */
import { statedFee } from "./fee";

test.each([
  [["全年收取政府信息公开信息处理费3940元。"], 3940],
  [["六、其他需要报告的事项", "本年度未收取信息处理费。"], 0],
  [["本机关没有收取任何信息处理费。"], 0],
  [["本年度信息处理费共计0.00元。"], 0],
  [["收取信息处理费：1,200元。"], 1200],
  [["本年度共发出收费通知1件，收取信息处理费100元。", "全年收取信息处理费100元。"], 100],
])("%j → %s", (paragraphs, fee) => {
  expect(statedFee(paragraphs)).toBe(fee);
});

test.each([
  [["本年度无其他需要报告的事项。"]],
  [["收取信息处理费100元。", "本年度未收取信息处理费。"]],
  [["未收取其他费用。"]],
])("%j → unknown", (paragraphs) => {
  expect(statedFee(paragraphs)).toBeUndefined();
});
