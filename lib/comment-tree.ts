export type CommentNode<T> = T & { replies: CommentNode<T>[] };

// Builds the reply tree from a flat, chronologically ordered list. A reply whose parent is not
// shown (not approved, or deleted) is listed at the top level rather than hidden.
export function buildCommentTree<T extends { id: number; parentId: number | null }>(comments: T[]): CommentNode<T>[] {
  const nodes = new Map<number, CommentNode<T>>();
  for (const comment of comments) nodes.set(comment.id, { ...comment, replies: [] });
  const roots: CommentNode<T>[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id);
    if (!node) continue;
    const parent = comment.parentId === null ? undefined : nodes.get(comment.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

// A deleted comment stays only as a placeholder for its replies: once none of them is shown,
// the placeholder goes too.
export function pruneDeletedLeaves<T extends { deleted: boolean }>(nodes: CommentNode<T>[]): CommentNode<T>[] {
  return nodes.flatMap((node) => {
    const replies = pruneDeletedLeaves(node.replies);
    if (node.deleted && replies.length === 0) return [];
    return [{ ...node, replies }];
  });
}

export function countNodes<T>(nodes: CommentNode<T>[]): number {
  return nodes.reduce((total, node) => total + 1 + countNodes(node.replies), 0);
}
