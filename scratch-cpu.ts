const root = process.argv[2];
// eslint-disable-next-line
const { searchTemplates } = require(root + "/src/core/templates/search");
const qs = ["满意度","培训","成本控制率","合格率","manyidu","peixun","myd","cbkzl","hgl","jsl","gz","zw","率","培训完成率","sgjg","不存在的指标","xyz","training","zfcg","评审"];
for (let r = 0; r < 30; r++) for (const q of qs) searchTemplates(q);
const c0 = process.cpuUsage();
const R = 100;
for (let r = 0; r < R; r++) for (const q of qs) searchTemplates(q);
const c = process.cpuUsage(c0);
console.log(root, "cpu µs per query:", ((c.user + c.system) / (R * qs.length)).toFixed(0));
