import { describe, expect, it } from "vitest";
import { buildCommentTree } from "@/lib/comment-tree";

type Row = { id: number; parentId: number | null; body: string };

const row = (id: number, parentId: number | null, body = `comment ${id}`): Row => ({ id, parentId, body });

// The shape of a tree as nested [id, replies] pairs, for readable expectations.
type Shape = [number, Shape[]];
function shape(nodes: ReturnType<typeof buildCommentTree<Row>>): Shape[] {
  return nodes.map((node) => [node.id, shape(node.replies)]);
}

describe("buildCommentTree", () => {
  it("returns an empty list for no comments", () => {
    expect(buildCommentTree<Row>([])).toEqual([]);
  });

  it("nests replies under their parents, at any depth, in the order given", () => {
    const tree = buildCommentTree([row(1, null), row(2, 1), row(3, null), row(4, 2), row(5, 1), row(6, 3)]);
    expect(shape(tree)).toEqual([
      [
        1,
        [
          [2, [[4, []]]],
          [5, []],
        ],
      ],
      [3, [[6, []]]],
    ]);
  });

  it("keeps every field of each comment", () => {
    const tree = buildCommentTree([row(1, null, "hello"), row(2, 1, "reply")]);
    expect(tree[0]).toMatchObject({ id: 1, parentId: null, body: "hello" });
    expect(tree[0]?.replies[0]).toEqual({ id: 2, parentId: 1, body: "reply", replies: [] });
  });

  it("lists a reply whose parent is not shown at the top level, in order", () => {
    // Comment 10 was not approved (or was deleted), so its replies have no parent to hang from.
    const tree = buildCommentTree([row(1, null), row(11, 10), row(2, null), row(12, 11)]);
    expect(shape(tree)).toEqual([
      [1, []],
      [11, [[12, []]]],
      [2, []],
    ]);
  });

  it("shows every comment exactly once", () => {
    const rows = [row(1, null), row(2, 1), row(3, 99), row(4, 3), row(5, 2)];
    const seen: number[] = [];
    const walk = (nodes: ReturnType<typeof buildCommentTree<Row>>) => {
      for (const node of nodes) {
        seen.push(node.id);
        walk(node.replies);
      }
    };
    walk(buildCommentTree(rows));
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("does not modify the rows it was given", () => {
    const rows = [row(1, null), row(2, 1)];
    const copy = structuredClone(rows);
    buildCommentTree(rows);
    expect(rows).toEqual(copy);
  });
});
