import Link from "next/link";
import type { CommentStatus } from "@/db/schema";
import { moderationHref, moderationTabs } from "./moderation-view";

// Plain links (?status=), one per comment status, each with its count.
export function ModerationTabs({ current, counts }: { current: CommentStatus; counts: Record<CommentStatus, number> }) {
  return (
    <nav aria-label="Comment status" className="moderation-tabs">
      <ul>
        {moderationTabs.map((tab) => (
          <li key={tab.status}>
            <Link href={moderationHref({ status: tab.status, page: 1 })} aria-current={tab.status === current ? "page" : undefined}>
              {tab.label} ({counts[tab.status].toLocaleString("en-US")})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
