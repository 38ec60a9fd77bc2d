import { searchTemplates } from "./src/core/templates/search";
const qs = ["满意度","培训","成本控制率","正常运行率","评审","考试","合格率","覆盖率","完成时限","及时率","manyidu","peixun","chengbenkongzhilv","myd","cbkzl","pxfgl","hgl","jsl","zw","hy","gz","bt","率","培训完成率","sgjg"];
searchTemplates("满意度");
for (const q of qs) { const t0 = performance.now(); const n = searchTemplates(q).length; console.log(q, (performance.now()-t0).toFixed(1), n); }
