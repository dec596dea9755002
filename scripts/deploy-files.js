// The files IT needs to put the add-in on an intranet, written by the build next to the site (deploy/):
// a .reg that registers the network-share catalog (受信任的加载项目录) for Office 2016 and later on Windows,
// and nginx / IIS samples filled in with the address the build was given. Plain Node, used by webpack.
const crypto = require("crypto");
const { URL } = require("url");

/** A stable GUID for a share, so that rebuilding gives the same registry key (and pushing it twice is harmless). */
function catalogGuid(share) {
  const h = crypto
    .createHash("sha1")
    .update(`ogi-annual-report catalog ${share.toLowerCase()}`)
    .digest("hex");
  const v = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `{${v.toUpperCase()}}`;
}

/**
 * The .reg for a trusted catalog on a network share (HKCU\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs
 * \{GUID}: Id, Url, Flags = 1, "显示在菜单中"), as regedit writes it: UTF-16 LE with a BOM, CRLF line ends.
 */
function trustedCatalogReg(share) {
  if (!/^\\\\[^\\/:*?"<>|\r\n]+\\[^/:*?"<>|\r\n]*[^\\]$/.test(share))
    throw new Error(`OGI_CATALOG_SHARE 应为网络共享的 UNC 路径，如 \\\\fileserver\\addins，而不是 ${share}`);
  const guid = catalogGuid(share);
  const esc = (s) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  const lines = [
    "Windows Registry Editor Version 5.00",
    "",
    `; 政府信息公开年报助手：把 ${share} 登记为受信任的加载项目录（Office 2016 及以后，当前用户）。`,
    "; 导入后重启 Excel/Word，在“插入 → 我的加载项 → 共享文件夹”中选择本加载项。",
    `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${guid}]`,
    `"Id"="${guid}"`,
    `"Url"="${esc(share)}"`,
    '"Flags"=dword:00000001',
    "",
  ];
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join("\r\n"), "utf16le")]);
}

/** The sample nginx server block for the add-in's address (host and path from OGI_ADDIN_URL). */
function nginxSample(template, url) {
  const u = new URL(url);
  return template.split("{{HOST}}").join(u.hostname).split("{{PATH}}").join(u.pathname);
}

module.exports = { catalogGuid, trustedCatalogReg, nginxSample };
