// The post page's comment tree on the wire (discussion/packed-tree.ts): the loader packs it,
// the page unpacks it, both with this field order.
import { packTree, rowFields, unpackTree } from "~/discussion/packed-tree";
import type { TreeNode } from "~/discussion/tree";
import type { CommentView } from "~/services/types";

const FIELDS = rowFields<CommentView>({
  id: true,
  postId: true,
  parentId: true,
  depth: true,
  createdAt: true,
  editedAt: true,
  status: true,
  html: true,
  markdown: true,
  score: true,
  agreeScore: true,
  forecastId: true,
  removalReason: true,
  modNote: true,
  collapsed: true,
  viewerVote: true,
  viewerAgree: true,
});

export const packComments = (nodes: readonly TreeNode<CommentView>[]): string => packTree(nodes, FIELDS);
export const unpackComments = (packed: string): TreeNode<CommentView>[] => unpackTree(packed, FIELDS);
