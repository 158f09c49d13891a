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
