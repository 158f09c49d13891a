import Link from "next/link";
import type { DashboardArticle } from "@/db/queries/dashboard";
import { formatDisplayDate, formatDisplayDateTime } from "@/lib/dates";
import { editArticleHref } from "./dashboard-href";

const phaseLabels = { draft: "Draft", scheduled: "Scheduled", published: "Published" } as const;

function Time({ date, timeZone, withTime = false }: { date: Date; timeZone: string; withTime?: boolean }) {
  return <time dateTime={date.toISOString()}>{withTime ? formatDisplayDateTime(date, timeZone) : formatDisplayDate(date, timeZone)}</time>;
}

function countLabel(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}`;
}

// The dashboard's articles; admins also see who wrote each one.
export function DashboardTable({
  articles,
  caption,
  showAuthor,
  timeZone,
}: {
  articles: readonly DashboardArticle[];
  caption: string;
  showAuthor: boolean;
  timeZone: string;
}) {
  return (
    <div className="admin-table-scroll">
      <table className="admin-table dashboard-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            {showAuthor ? <th scope="col">Author</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Dates</th>
            <th scope="col">Comments</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id} id={`dashboard-article-${article.id}`}>
              <th scope="row">
                <Link href={editArticleHref(article.id)}>{article.title}</Link>
                {article.phase === "published" ? (
                  <div className="dashboard-row-links">
                    <Link href={`/articles/${article.slug}`} aria-label={`View “${article.title}” on the site`}>
                      View
                    </Link>
                  </div>
                ) : null}
              </th>
              {showAuthor ? <td>{article.author.displayName}</td> : null}
              <td>
                <span className={`dashboard-status dashboard-status-${article.phase}`}>{phaseLabels[article.phase]}</span>
                {article.hasPendingCopy ? <div className="dashboard-pending">Unpublished changes</div> : null}
              </td>
              <td className="dashboard-dates">
                {article.phase === "published" && article.publishedAt ? (
                  <div>
                    Published <Time date={article.publishedAt} timeZone={timeZone} />
                  </div>
                ) : null}
                {article.phase === "scheduled" && article.publishedAt ? (
                  <div>
                    Scheduled for <Time date={article.publishedAt} timeZone={timeZone} withTime />
                  </div>
                ) : null}
                <div>
                  Updated <Time date={article.updatedAt} timeZone={timeZone} withTime />
                </div>
                <div>
                  Created <Time date={article.createdAt} timeZone={timeZone} />
                </div>
              </td>
              <td className="dashboard-comments">
                <div>{countLabel(article.approvedComments, "approved")}</div>
                <div>{countLabel(article.pendingComments, "pending")}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
