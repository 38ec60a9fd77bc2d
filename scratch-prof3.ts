import { searchTemplates } from "./src/core/templates/search";
const qs = ["满意度","培训","成本控制率","合格率","manyidu","peixun","myd","cbkzl","hgl","jsl","gz","zw","率","培训完成率","sgjg","不存在的指标","xyz","training","zfcg","评审"];
for (let r = 0; r < 300; r++) for (const q of qs) searchTemplates(q);
