// The add-in build: the Excel pane (shared runtime, with the custom functions), the Word pane, the file-mode
// page and Word's function file; functions.json from the functions' JSDoc; assets and the manifest copied,
// with the production address when OGI_ADDIN_URL is set. A production build needs no certificates.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const webpack = require("webpack");
const { nginxSample, trustedCatalogReg } = require("./scripts/deploy-files");

const DEV_URL = "https://localhost:3000/";

async function httpsOptions() {
  try {
    // Office's trusted development certificates, when they are installed (Windows / Mac).
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch {
    // Elsewhere webpack-dev-server's own self-signed certificate: fine for a browser, not trusted by Office.
    return "https";
  }
}

/**
 * Where the pages load Office.js from: OGI_OFFICE_JS=local (the default: the copy of @microsoft/office-js the
 * build puts in office-js/, so no request leaves the add-in's server), cdn (Microsoft's CDN), or any address of
 * office.js (e.g. a mirror inside the intranet, or the CDN operated in mainland China).
 */
function officeJsSource() {
  const value = process.env.OGI_OFFICE_JS || "local";
  if (value === "local") return { local: true, url: "office-js/office.js" };
  if (value === "cdn")
    return { local: false, url: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" };
  if (/^https?:\/\/\S+\.js$/.test(value)) return { local: false, url: value };
  throw new Error(`OGI_OFFICE_JS 应为 local、cdn 或 office.js 的完整地址，而不是 ${value}`);
}

/** A network share given as OGI_CATALOG_SHARE (for the catalog's .reg), or a sample one with a note. */
const SAMPLE_SHARE = "\\\\文件服务器\\年报助手";
function catalogShare() {
  const share = process.env.OGI_CATALOG_SHARE;
  if (!share && !process.env.JEST_WORKER_ID)
    console.warn(
      `未设置 OGI_CATALOG_SHARE：deploy/trusted-catalog.reg 使用示例共享 ${SAMPLE_SHARE}，请设为实际的 UNC 路径后重新构建。`,
    );
  return share || SAMPLE_SHARE;
}

/** Writes deploy/ (the catalog's .reg, the nginx sample for this address) and IIS's web.config at the root. */
class DeployFilesPlugin {
  constructor(url, share) {
    this.files = {
      "deploy/trusted-catalog.reg": trustedCatalogReg(share),
      "deploy/nginx.conf": nginxSample(require("fs").readFileSync("deploy/nginx.conf", "utf8"), url),
      "web.config": require("fs").readFileSync("deploy/web.config"),
    };
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DeployFiles", (compilation) =>
      compilation.hooks.processAssets.tap(
        { name: "DeployFiles", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, content] of Object.entries(this.files))
            compilation.emitAsset(name, new webpack.sources.RawSource(content));
        },
      ),
    );
  }
}

/**
 * pdf.js for reading PDF reports in the panes (src/pages/pdfjs.ts): its legacy build, worker, CMaps (PDFs whose
 * Chinese fonts are not embedded) and standard fonts, copied as published into pdfjs/ and loaded from there.
 */
const PDFJS_FILES = [
  ...["pdf.min.mjs", "pdf.worker.min.mjs"].map((f) => ({
    from: `node_modules/pdfjs-dist/legacy/build/${f}`,
    to: `pdfjs/${f}`,
    info: { minimized: true },
  })),
  ...["cmaps", "standard_fonts"].map((d) => ({
    from: `node_modules/pdfjs-dist/${d}`,
    to: `pdfjs/${d}`,
    info: { minimized: true },
  })),
];

/** A page from the one template: its bundles (`chunks`), Office.js's address or "", the start page's routing. */
function page({
  filename,
  chunks,
  title = "政府信息公开年报助手",
  officeJs = "",
  route = false,
  functionFile = false,
}) {
  return new HtmlWebpackPlugin({
    filename,
    template: "./src/pages/page.html",
    chunks,
    inject: false,
    title,
    officeJs,
    route,
    functionFile,
  });
}

/** Output, resolution, TypeScript loading and reporting, the same for the Office and the WPS builds. */
function common(outDir, dev) {
  return {
    devtool: dev ? "source-map" : false,
    output: {
      path: path.resolve(outDir),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    stats: "errors-warnings",
  };
}

/**
 * The WPS add-in (npm run build:wps → dist/wps/): the entry page WPS loads with ribbon.xml, the WPS 表格 and
 * WPS 文字 panes, file mode, the icons. No Office.js and no request to another origin, as in the Office build.
 */
function wpsConfig(env, dev) {
  return {
    entry: {
      wps: "./src/pages/wps.ts",
      "wps-et": "./src/pages/wps-et.tsx",
      "wps-writer": "./src/pages/wps-writer.tsx",
      filemode: "./src/pages/filemode.tsx",
      "reader-worker": "./src/pages/reader-worker.ts",
    },
    ...common(env.outDir || "dist/wps", dev),
    plugins: [
      page({ filename: "index.html", chunks: ["wps"] }),
      page({ filename: "wps-et.html", chunks: ["wps-et"] }),
      page({ filename: "wps-writer.html", chunks: ["wps-writer"] }),
      page({ filename: "filemode.html", chunks: ["filemode"], title: "政府信息公开年报助手（文件模式）" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          ...PDFJS_FILES,
        ],
      }),
    ],
  };
}

module.exports = async (env = {}, options = {}) => {
  if (env.wps) return wpsConfig(env, options.mode === "development");
  const officeJs = officeJsSource();
  const dev = options.mode === "development";
  const url = process.env.OGI_ADDIN_URL || DEV_URL;
  if (!/^https:\/\/.+\/$/.test(url))
    throw new Error(`OGI_ADDIN_URL 应为以 / 结尾的 https 地址，而不是 ${url}`);
  return {
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/pages/excel.tsx",
      wordpane: "./src/pages/word.tsx",
      filemode: "./src/pages/filemode.tsx",
      "reader-worker": "./src/pages/reader-worker.ts",
    },
    ...common(env.outDir || "dist/addin", dev),
    plugins: [
      new DeployFilesPlugin(url, catalogShare()),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      page({ filename: "index.html", chunks: [], officeJs: officeJs.url, route: true }),
      page({ filename: "taskpane.html", chunks: ["functions", "taskpane"], officeJs: officeJs.url }),
      page({ filename: "wordpane.html", chunks: ["wordpane"], officeJs: officeJs.url }),
      page({ filename: "filemode.html", chunks: ["filemode"], title: "政府信息公开年报助手（文件模式）" }),
      page({ filename: "commands.html", chunks: [], officeJs: officeJs.url, functionFile: true }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...PDFJS_FILES,
          ...(officeJs.local
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js"] },
                  // Microsoft's files as published: not minified again (that would take minutes).
                  info: { minimized: true },
                },
              ]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              content.toString().split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(url.slice(0, -1)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: dev ? await httpsOptions() : undefined,
      static: false,
      onListening: () => {
        console.log(`
年报助手已在 ${DEV_URL} 运行。加载到 Office：
  Windows 桌面版 Excel/Word：另开一个终端运行 npm run sideload:excel 或 npm run sideload:word
  网页版 Office：插入 → 加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml
  Mac：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/（Word 为 com.microsoft.Word），重启 Excel/Word
不用 Office 也可以在浏览器中打开 ${DEV_URL}filemode.html（文件模式）。
`);
      },
    },
  };
};
