#!/usr/bin/env node
/**
 * ogi-report: the command line. Exit codes: 0 fine, 1 findings of severity error or unusable input (with a
 * Chinese message on stderr), 2 usage.
 */
import path from "path";
import { hasErrors } from "../report/tables/checks";
import {
  checkTablesFile,
  hasCompileErrors,
  previousTables,
  runCompile,
  runDemo,
  runReport,
  runRollup,
  runUpdate,
  UsageError,
} from "./commands";
import { inputKind } from "../load/limits";
import { useNodeZlib } from "./inflate";
import { usePdfJsNode } from "./pdfjs";
import { runExplain } from "./explain";
import { runMap } from "./map";
import { runPublish } from "./publish";
import { runReview } from "./review";
import { checkReport, runExtract } from "./reports";

export const USAGE = `政府信息公开年报助手 ogi-report

用法：
  ogi-report compile <台账.xlsx|.xls|.et|.csv|统计表.xlsx|tables.json> [--year 年份] [--format 2021|2019|2008] [--previous 上年文件] [--json]
      从登记台账统计表二、表三、表四，并按勾稽关系校验；--previous 给出上年的报告（Word、WPS、网页、PDF 或 OFD，手写的也可以）、统计表 JSON 或台账，
      以核对上年结转并在表述中与上年比较；没有登记表的单位可在「统计表」工作表中直接填写表二、表三、表四，或给出统计表 JSON
  ogi-report check <报告.docx|.doc|.wps|网页.html|报告.pdf|.ofd|台账.xlsx|.xls|统计表.xlsx|tables.json> [--json] [--previous 上年文件] [--agency 名称] [--year 年份] [--rules 审核要点]
      校验一份报告或一套统计表：任何按全国格式编写的报告（Word 文档 .docx/.doc、WPS 文字 .wps、RTF、保存的网页 .html/.mhtml、有文字层的 PDF、OFD）都按表格文字读出
      表二、表三、表四，列出在哪里找到、读到的数字和校验结果，并核对正文中的数字与表格是否一致（X3、X4）、
      是否按时发布（R1）以及审核要点中的各项（引用依据、模板残留、总体情况五个方面、问题和改进措施等）
  ogi-report extract <报告> --xlsx <统计表.xlsx> [--agency 名称] [--year 年份]
      把报告中的统计表写成与“统计表”工作表相同布局的工作簿，可修改后用于汇总
  ogi-report explain <台账.xlsx> <行> [列] [--year 年份] [--format 格式] [--json]
      列出表三或表四中一个数字背后的登记行（工作表、行号、编号、计入的依据），如 explain 台账.xlsx d1 自然人；
      行可写编号（new、d1、total、fwd）或表中文字，表四写「行政复议」「未经复议直接起诉」「复议后起诉」
  ogi-report report <台账.xlsx|统计表.xlsx|tables.json> -o <报告.docx> [--year 年份] [--format 格式] [--previous 上年文件] [--graphic] [--font <字体文件>]
      生成 Word 年度报告（表格和数字在内容控件中，可在数据变化后更新）；--graphic 在落款之后另起一页插入图解（与 publish 的图解相同）
  ogi-report update <报告.docx> <台账.xlsx|统计表.xlsx|tables.json> -o <新报告.docx> [--previous 上年文件] [--font <字体文件>]
      按最新台账更新已有报告中的表格、数字和图解，保留其他文字，列出改动（不覆盖原报告）
  ogi-report rollup <各单位文件…> [--year 年份] [--agency 本级名称] [--json] [-o 汇总报告.docx] [--xlsx 汇总.xlsx] [--explain "行 列"]
      汇总多个单位（台账 .xlsx/.xls/.et、统计表 .json、报告 .docx/.doc/.wps、网页、PDF 或 OFD，可混用；单位名取自报告标题），逐个校验并校验合计；
      --explain "d1 自然人" 列出合计中这个数字来自哪些单位，台账来的单位再列出登记行
  ogi-report map <台账.xlsx|.csv> [--map 对应关系.xlsx|.csv] [--json]
      识别单位自己的台账（任何工作表名、标题行、两行表头、各自的写法）：列出识别出的登记表和各列，以及需要在「对应关系」中确认的写法；
      compile、check、report、update、explain、rollup 也接受 --map
  ogi-report review <文件或文件夹…> [--previous 上年文件或文件夹] [--units 单位名单.txt|.csv|.xlsx] [--year 年份] [--rules 审核要点] [-o 审核结果.xlsx] [--letters 目录] [--json]
      政府办审核：逐个读取各单位的报告（.docx、.doc、.wps、网页、PDF、OFD）、台账（.xlsx、.xls、.et、.csv）、统计表 JSON，给出状态（通过、有提示、需修改、年度不符、
      无法读取、未报送），列出每个问题（含是否按时发布、与上年及其他单位是否雷同），并汇总本年度读到的单位；
      -o 写出审核工作簿（总览、问题清单、汇总、汇总分析、审核要点、未报送），--letters 为需修改、年度不符的单位各写一份审核意见（.docx，
      按审核要点分组并写明依据），并写出通报.docx（--agency 为落款）；--rules 给出本级的审核要点（「审核要点」工作表的
      .xlsx/.csv 或 .json，列：编号、启用、处理、参数、参数值；以前的审核结果工作簿也可以），不给时按全国默认；
      单位名单可带「报送日期」或「发布日期」列，以名单的日期为准
  ogi-report publish <报告.docx|台账.xlsx|统计表.xlsx|tables.json> -o <目录> [--encoding gbk] [--previous <上年>] [--font <字体文件>]
      生成报告的网页版「年度报告.html」：标题、正文（保留加粗和列表）和表二、表三、表四（按读到的数字、带模板的合并单元格），
      其中 <article> 到 </article> 可粘贴到网站编辑器的源代码中；--encoding gbk 为只接受 GBK 的旧网站生成 GBK 编码；
      同时生成图解「图解.svg」「图解.png」（宽 1080 像素，数字取自表格；--previous 给出上年数据时写明较上年的变化；
      PNG 需要本机的中文字体，自动查找，也可用 --font 或环境变量 OGI_FONT 指定）
  ogi-report demo [目录]
      生成示例台账（默认目录 demo-output），统计并生成报告

退出码：0 正常；1 校验有错误或输入无法使用；2 用法错误
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Parsed {
  command: string;
  args: string[];
  flags: Record<string, string | true>;
}

const VALUE_FLAGS = new Set([
  "year",
  "format",
  "o",
  "output",
  "previous",
  "xlsx",
  "agency",
  "explain",
  "map",
  "units",
  "letters",
  "rules",
  "encoding",
  "font",
]);
const BOOL_FLAGS = new Set(["json", "help", "graphic"]);

export function parseArgs(argv: string[]): Parsed {
  const [command = "help", ...rest] = argv;
  const args: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const m = /^--?([A-Za-z]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      args.push(a);
      continue;
    }
    const name = m[1];
    if (VALUE_FLAGS.has(name)) {
      const v = m[2] ?? rest[++i];
      if (v === undefined) throw new UsageError(`选项 --${name} 需要一个值`);
      flags[name] = v;
    } else if (BOOL_FLAGS.has(name)) flags[name] = true;
    else throw new UsageError(`未知选项：${a}`);
  }
  return { command, args, flags };
}

export async function main(argv: string[], io: Io): Promise<number> {
  usePdfJsNode();
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { command, args, flags } = parsed;
  const json = flags.json === true;
  try {
    switch (command) {
      case "compile": {
        if (args.length !== 1)
          throw new UsageError("compile 需要一个台账文件（.xlsx、.csv）、统计表工作簿或统计表 JSON");
        const { result, text } = await runCompile(args[0], flags, json);
        io.out(text);
        return hasCompileErrors(result) ? 1 : 0;
      }
      case "check": {
        if (args.length !== 1)
          throw new UsageError("check 需要一个报告、台账、统计表工作簿或统计表 JSON 文件");
        if (inputKind(args[0]) !== "report") {
          const { failed, text } = await checkTablesFile(args[0], flags, json);
          io.out(text);
          return failed ? 1 : 0;
        }
        const { findings, problems, text } = await checkReport(
          args[0],
          flags,
          json,
          await previousTables(flags),
        );
        io.out(text);
        return problems.length || hasErrors(findings) ? 1 : 0;
      }
      case "explain": {
        if (args.length < 2 || args.length > 3)
          throw new UsageError("explain 需要台账文件和行（可再加列），如 explain 台账.xlsx d1 自然人");
        const { text } = await runExplain(args[0], args[1], args[2], flags, json);
        io.out(text);
        return 0;
      }
      case "map": {
        if (args.length !== 1) throw new UsageError("map 需要一个台账文件（.xlsx 或 .csv）");
        const { pending, text } = await runMap(args[0], flags, json);
        io.out(text);
        return pending.length ? 1 : 0;
      }
      case "extract": {
        if (args.length !== 1) throw new UsageError("extract 需要一个报告文件");
        const { problems, text } = await runExtract(args[0], flags);
        io.out(text);
        return problems.length ? 1 : 0;
      }
      case "report": {
        if (args.length !== 1)
          throw new UsageError("report 需要一个台账文件（.xlsx、.csv）、统计表工作簿或统计表 JSON");
        const { result, text } = await runReport(args[0], flags);
        io.out(text);
        return hasCompileErrors(result) ? 1 : 0;
      }
      case "update": {
        if (args.length !== 2) throw new UsageError("update 需要报告文件（.docx）和台账文件（.xlsx）");
        const { result, text } = await runUpdate(args[0], args[1], flags);
        io.out(text);
        return hasCompileErrors(result) ? 1 : 0;
      }
      case "rollup": {
        if (args.length < 1) throw new UsageError("rollup 需要至少一个单位的文件");
        const { result, registerErrors, text } = await runRollup(args, flags, json);
        io.out(text);
        return result.unitsWithErrors.length || registerErrors.length || hasErrors(result.checks) ? 1 : 0;
      }
      case "review": {
        if (args.length < 1) throw new UsageError("review 需要至少一个文件或文件夹");
        const { result, text } = await runReview(args, flags, json, io);
        io.out(text);
        return result.missing.length ||
          result.units.some((u) => ["需修改", "年度不符", "无法读取"].includes(u.status))
          ? 1
          : 0;
      }
      case "publish": {
        if (args.length !== 1)
          throw new UsageError("publish 需要一个报告（.docx）、台账、统计表工作簿或统计表 JSON 文件");
        const { failed, text } = await runPublish(args[0], flags);
        io.out(text);
        return failed ? 1 : 0;
      }
      case "demo": {
        if (args.length > 1) throw new UsageError("demo 最多接受一个目录");
        const dir = path.resolve(args[0] ?? "demo-output");
        const { result, text } = await runDemo(dir, json, io);
        io.out(text);
        return hasErrors(result.checks) ? 1 : 0;
      }
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(`未知命令：${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`错误：${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  useNodeZlib();
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部错误：${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
