import { describe, expect, test } from "vitest";
import { FileHistory } from "../../../lib/import/git-links";

const c = (hash: string, author: number, timeMs: number) => ({ hash, author, timeMs });

describe("FileHistory", () => {
  test("a commit builds on the last earlier commit by another author on each of its files, once per target", () => {
    const h = new FileHistory();
    const hashes = (r: { targets: { hash: string }[] }) => r.targets.map((t) => t.hash);
    expect(hashes(h.visit(c("a1", 0, 1), ["x", "y"]))).toEqual([]);
    expect(hashes(h.visit(c("a2", 0, 2), ["x"]))).toEqual([]); // own work only
    expect(hashes(h.visit(c("b1", 1, 3), ["x", "y"]))).toEqual(["a2", "a1"]); // x: a2, y: a1
    expect(hashes(h.visit(c("b2", 1, 4), ["x"]))).toEqual(["a2"]); // x's last is b1 (own): the last by another is a2
    expect(hashes(h.visit(c("a3", 0, 5), ["x", "y"]))).toEqual(["b2", "b1"]);
    expect(hashes(h.visit(c("c1", 2, 6), ["x", "y"]))).toEqual(["a3"]); // both files: one link
  });

  test("a target authored later than the commit is dropped and counted", () => {
    const h = new FileHistory();
    h.visit(c("a1", 0, 10), ["x"]);
    expect(h.visit(c("b1", 1, 5), ["x"])).toEqual({ targets: [], dropped: 1 });
    expect(h.visit(c("b2", 1, 10), ["x"])).toEqual({ targets: [c("a1", 0, 10)], dropped: 0 }); // same instant: allowed
  });
});
