import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="page-not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or it was never published.</p>
      <p>
        <Link href="/">Go to the latest articles</Link>
      </p>
    </div>
  );
}
