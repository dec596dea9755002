// The WPS add-in's deployment files, after `webpack --env wps` built dist/wps/ (the online folder):
// dist/wps-package/ogi-annual-report.7z (the folder, for offline installs), publish.xml and jsplugins.xml naming
// it for WPS 表格 (et) and WPS 文字 (wps), and the oem.ini lines that point WPS at jsplugins.xml. The .7z is
// written with 7zip-bin's 7za (a prebuilt binary shipped in the npm package; made executable here).
// Usage: node scripts/wps-package.js [builtFolder] [outFolder] [address of the online folder]
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { path7za } = require("7zip-bin");

const NAME = "ogi-annual-report";
const VERSION = require("../package.json").version;

function packageWps(built, out, onlineUrl) {
  if (!fs.existsSync(path.join(built, "ribbon.xml")))
    throw new Error(`${built} 中没有 ribbon.xml：请先运行 webpack --env wps`);
  fs.mkdirSync(out, { recursive: true });
  const archive = path.join(out, `${NAME}.7z`);
  fs.rmSync(archive, { force: true });
  fs.chmodSync(path7za, 0o755);
  // The folder's contents at the archive's top level, as WPS unpacks it into jsaddons/<name>_<version>/.
  execFileSync(path7za, ["a", "-t7z", "-mx=9", archive, "."], { cwd: built, stdio: "pipe" });
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const types = ["et", "wps"];
  const offline = (type) =>
    `  <jsplugin name="${NAME}" type="${type}" url="${esc(`${NAME}.7z`)}" version="${VERSION}" enable="true"/>`;
  /** A plugin list as WPS reads it: the declaration, an optional comment, one element per host type. */
  const pluginsXml = (plugins, comment) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      ...(comment ? [comment] : []),
      "<jsplugins>",
      ...plugins,
      "</jsplugins>",
      "",
    ].join("\n");
  fs.writeFileSync(path.join(out, "publish.xml"), pluginsXml(types.map(offline)));
  fs.writeFileSync(
    path.join(out, "jsplugins.xml"),
    pluginsXml(
      types.map((t) => `  <jspluginonline name="${NAME}" type="${t}" url="${esc(onlineUrl)}"/>`),
      "<!-- 在线模式：WPS 从内网服务器加载（地址在构建时设定）。离线模式见 publish.xml。 -->",
    ),
  );
  fs.writeFileSync(
    path.join(out, "oem.ini.txt"),
    [
      "; 加到 WPS 安装目录 office6/cfgs/oem.ini 的末尾（Windows 如 C:\\Program Files\\WPS Office\\<版本>\\office6\\cfgs\\oem.ini，",
      "; 麒麟/统信如 /opt/kingsoft/wps-office/office6/cfgs/oem.ini）；JSPluginsServer 指向 jsplugins.xml 的地址。",
      "[Support]",
      "JsApiPlugin=true",
      "[Server]",
      `JSPluginsServer=${onlineUrl.replace(/\/?$/, "/")}jsplugins.xml`,
      "",
    ].join("\n"),
  );
  return { archive };
}

module.exports = { packageWps, NAME };

if (require.main === module) {
  const [
    built = "dist/wps",
    out = "dist/wps-package",
    url = process.env.OGI_WPS_URL || "https://localhost:3000/wps/",
  ] = process.argv.slice(2);
  const { archive } = packageWps(path.resolve(built), path.resolve(out), url);
  console.log(`已写入：${archive}、publish.xml、jsplugins.xml、oem.ini.txt`);
}
