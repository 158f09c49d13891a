"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { postCommentAction } from "@/app/(site)/articles/[slug]/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/comment-limits";

type ReplyTarget = { id: number; name: string };

type Props = {
  articleId: number;
  articleSlug: string;
  signedInAs: string;
  initialReplyTo: ReplyTarget | null;
  // Shown until the first answer from the server, e.g. why this reader cannot post.
  notice: string | null;
  // Where the form posts without JavaScript (lib/server/comment-post-endpoint.ts).
  postPath: string;
  // The state of a post that endpoint refused: the page is its answer.
  refusedState: ActionState | null;
};

// Without JavaScript, "Reply" links reload the page with ?replytocom=<id>, and the form posts to
// the comment endpoint in the custom server; with it, a click on a "Reply" link only points this
// form at that comment, and the form calls the server action. Both keep the typed text on refusal.
export function CommentForm({ articleId, articleSlug, signedInAs, initialReplyTo, notice, postPath, refusedState }: Props) {
  const [state, formAction, pending] = useActionState(postCommentAction, refusedState ?? idleState);
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(initialReplyTo);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    function onReplyClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-reply-to]") : null;
      if (!link) return;
      const id = Number(link.dataset.replyTo);
      if (!Number.isSafeInteger(id) || id <= 0) return;
      event.preventDefault();
      setReplyTo({ id, name: link.dataset.replyName ?? "" });
      const textarea = formRef.current?.querySelector("textarea");
      textarea?.scrollIntoView({ block: "center" });
      textarea?.focus();
    }
    document.addEventListener("click", onReplyClick);
    return () => document.removeEventListener("click", onReplyClick);
  }, []);

  function cancelReply(event: React.MouseEvent) {
    event.preventDefault();
    setReplyTo(null);
  }

  function submitThroughAction(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form ref={formRef} action={postPath} method="post" onSubmit={submitThroughAction} className="stacked-form comment-form" noValidate>
      <p className="comment-form-identity">Signed in as {signedInAs}.</p>
      {replyTo ? (
        <p className="comment-form-reply-to">
          Replying to <strong>{replyTo.name}</strong>.{" "}
          <a href={`/articles/${articleSlug}#respond`} onClick={cancelReply}>
            Cancel reply
          </a>
        </p>
      ) : null}
      <FormMessage state={state.status === "idle" && notice ? { status: "error", message: notice } : state} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="parentId" value={replyTo ? String(replyTo.id) : ""} />
      <FormField
        name="body"
        label="Comment"
        multiline
        rows={6}
        required
        maxLength={COMMENT_MAX_LENGTH}
        defaultValue={state.values?.body ?? ""}
        errors={state.fieldErrors?.body}
        hint="Plain text; web addresses become links. Comments may be held for moderation."
      />
      <SubmitButton pendingText="Posting…" pending={pending}>
        Post Comment
      </SubmitButton>
    </form>
  );
}
