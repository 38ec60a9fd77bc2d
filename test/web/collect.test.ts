/**
 * @jest-environment jsdom
 *
 * The files of a batch (src/web/batch/collect.ts): a drop of folders is walked (every batch of
 * readEntries), paths keep the folders, the order is the command line's folder walk, and the
 * choices are its own: .xlsx/.xls checked, .et and the like listed as not supported, lock files,
 * hidden files and folders and other files left out.
 */
import { collect, fromDrop } from "../../src/web/batch/collect";

type Fake = { isFile: boolean; isDirectory: boolean; fullPath: string; name: string };

function file(fullPath: string): Fake & { file(ok: (f: File) => void): void } {
  const name = fullPath.slice(fullPath.lastIndexOf("/") + 1);
  return { isFile: true, isDirectory: false, fullPath, name, file: (ok) => ok(new File(["x"], name)) };
}

/** A folder whose reader gives its entries two at a time (as browsers give them in batches). */
function folder(fullPath: string, children: Fake[]): Fake & { createReader(): unknown } {
  return {
    isFile: false,
    isDirectory: true,
    fullPath,
    name: fullPath.slice(fullPath.lastIndexOf("/") + 1),
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: Fake[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += 2;
          ok(batch);
        },
      };
    },
  };
}

test("a dropped folder is walked; order, paths and choices are the command line's", async () => {
  const tree = folder("/报送", [
    file("/报送/市本级.xlsx"),
    folder("/报送/县区", [file("/报送/县区/乙.xls"), file("/报送/县区/甲.xlsx"), file("/报送/县区/~$甲.xlsx")]),
    file("/报送/金山.et"),
    file("/报送/说明.docx"),
    folder("/报送/.git", [file("/报送/.git/表.xlsx")]),
  ]);
  const data = {
    items: [{ kind: "file", webkitGetAsEntry: () => tree }],
    files: [],
  } as unknown as DataTransfer;
  const files = await fromDrop(data);
  expect(files).toHaveLength(7);
  const { inputs, skipped } = collect(files);
  expect(inputs.map((i) => [i.path, i.problem === null])).toEqual([
    ["报送/县区/乙.xls", true],
    ["报送/县区/甲.xlsx", true],
    ["报送/市本级.xlsx", true],
    ["报送/金山.et", false],
  ]);
  expect(inputs[3].problem).toContain("不支持 WPS 表格格式（.et）");
  expect(skipped.sort()).toEqual(["报送/.git/表.xlsx", "报送/县区/~$甲.xlsx", "报送/说明.docx"].sort());
});

test("dropped files without entries: their names", async () => {
  const f = new File(["x"], "表.xlsx");
  const data = { items: [], files: [f] } as unknown as DataTransfer;
  expect(collect(await fromDrop(data)).inputs.map((i) => i.path)).toEqual(["表.xlsx"]);
});
