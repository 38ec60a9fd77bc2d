import { searchTemplates } from "./src/core/templates/search";
const qs = ["满意度","培训","成本控制率","合格率","manyidu","peixun","myd","cbkzl","hgl","jsl","gz","zw","率","培训完成率","sgjg","不存在的指标","xyz","training"];
for (let r = 0; r < 20; r++) for (const q of qs) searchTemplates(q);
for (const q of qs) { const t0 = performance.now(); for (let i=0;i<50;i++) searchTemplates(q); console.log(q, ((performance.now()-t0)/50*1000).toFixed(0)+"µs"); }
