/** `perf-target --help` and `--version`, in Chinese. */
import { readFileSync } from "node:fs";
import path from "node:path";

/** The package version: the nearest package.json of this package above this file (src/cli, lib/cli or a test build). */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (json.name === "perf-target-assistant") return json.version ?? "0.0.0";
    } catch {
      // no package.json here: go up
    }
    if (path.dirname(dir) === dir) return "0.0.0";
  }
}

export function versionText(): string {
  return `perf-target ${packageVersion()}（绩效目标表助手 命令行）\n`;
}

export const HELP = `perf-target —— 绩效目标表助手 命令行：校验预算绩效目标表（.xlsx、.xls），标出问题并生成报告。

用法：
  perf-target check <文件或文件夹>... [选项]   检查 .xlsx、.xls 文件（文件夹会逐级查找其中的这两种文件）
  perf-target templates [查询词] [选项]       列出或搜索标准指标模板
  perf-target --rules [--json]                列出全部校验规则
  perf-target --help | --version

check 的选项：
  --json              只在标准输出打印一个 JSON 文档（进度和警告在标准错误）
  --out <文件夹>      为每个文件写一份标注副本（问题单元格着色），并加一个“校验报告”工作表；
                      原文件从不修改。不同文件夹中的同名文件按原有的相对路径分开存放；
                      .xls 的副本存为 .xlsx（原名-已校验.xlsx）
  --html <文件>       把整批结果写成一个网页报告（单个文件，不引用外部资源）
  --fix               在 --out 写出的副本中应用“安全”的快速修复（如“>=”改为“≥”），
                      修复后重新校验；必须与 --out 一起使用
  --config <文件>     设置文件（任务窗格“导出设置”得到的 JSON）：规则开关、级别、预算年度、忽略列表；
                      不给时使用每个工作簿中保存的设置（它们关闭或忽略了问题时，结果中有一条提示）
  --ignore-workbook-settings
                      不用工作簿中保存的设置，按默认设置检查（审核时用）
  --jobs <数量>       同时检查的文件数（默认：按文件数和大小自动决定）

templates 的选项：
  --level1 <名称>     只列出该一级指标下的模板（如 产出、效益）
  --level2 <名称>     只列出该二级指标下的模板（如 数量指标、服务对象满意度）
  --sector <领域>     只列出该领域的模板（如 林业草原、教育、部门整体运转）
  --json              打印 JSON：{"templates":[…]}，最匹配的在前
  --config <文件>     同时搜索设置文件中的自定义模板
  查询词可以是中文、全拼或拼音首字母，例如：满意度、manyidu、myd、cbkzl

退出码：
  0  没有“错误”级别的问题
  1  有“错误”级别的问题（需修改后再提交）
  2  有文件（或其中的工作表）无法读取、有规则出错而未检查完，或无法写出结果，
     或命令用法有误（其他文件照常检查和报告）

示例：
  perf-target check 绩效目标表.xlsx
  perf-target check 各单位报送/ --out 已标注/ --html 校验报告.html
  perf-target check 各单位报送/ --json > 结果.json
  perf-target check 表.xlsx --out 已修复/ --fix
  perf-target templates 满意度 --level2 服务对象满意度
  perf-target templates 成活率 --sector 林业草原
`;
